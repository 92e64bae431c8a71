import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FC_SEED } from '../support/fast-check';

describe('fast-check properties', () => {
  it('all run on the one seed the setup file gives, so a failure replays', () => {
    expect(fc.readConfigureGlobal().seed).toBe(FC_SEED);
    const draw = () => fc.sample(fc.integer(), 5);
    expect(draw()).toEqual(draw());
  });
});
