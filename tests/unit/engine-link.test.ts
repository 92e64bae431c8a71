import { afterEach, describe, expect, it, vi } from 'vitest';
import { askBackground } from '../../lib/extension/engine-link';

/** A send whose n-th call (from 0) settles as `plan[n]` says: a value, an error, or never. */
function scripted(plan: ReadonlyArray<{ value: string } | { error: string } | 'never'>) {
  let calls = 0;
  const send = () => {
    const step = plan[calls++];
    if (step === 'never' || step === undefined) return new Promise<string>(() => {});
    return 'value' in step ? Promise.resolve(step.value) : Promise.reject(new Error(step.error));
  };
  return { send, calls: () => calls };
}

describe('askBackground: a round trip to the background that a stopped service worker cannot hold forever', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('answers with the first answer, asking once', async () => {
    const s = scripted([{ value: 'engine' }]);
    await expect(askBackground(s.send, 50)).resolves.toBe('engine');
    expect(s.calls()).toBe(1);
  });

  it('asks again when the first message gets no answer in time', async () => {
    vi.useFakeTimers();
    const s = scripted(['never', { value: 'key' }]);
    const answer = askBackground(s.send, 1000);
    await vi.advanceTimersByTimeAsync(999);
    expect(s.calls()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(answer).resolves.toBe('key');
    expect(s.calls()).toBe(2);
  });

  it('asks again when the first message fails (no receiving end while the worker starts)', async () => {
    const s = scripted([{ error: 'Receiving end does not exist' }, { value: 'ok' }]);
    await expect(askBackground(s.send, 50)).resolves.toBe('ok');
    expect(s.calls()).toBe(2);
  });

  it('rejects after the second try, so the page answers the panel instead of waiting', async () => {
    vi.useFakeTimers();
    const s = scripted(['never', 'never', { value: 'too late' }]);
    const answer = askBackground(s.send, 1000);
    const settled = expect(answer).rejects.toThrow('did not answer');
    await vi.advanceTimersByTimeAsync(2000);
    await settled;
    expect(s.calls()).toBe(2);
  });

  it('rejects with the second failure when both tries fail', async () => {
    const s = scripted([{ error: 'first' }, { error: 'second' }]);
    await expect(askBackground(s.send, 50)).rejects.toThrow('second');
  });
});
