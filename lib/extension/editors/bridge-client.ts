import { BRIDGE_CHANNEL, BridgeResponse, parseMessage, type BridgeOp, type BridgeResult } from './protocol';

/**
 * The content script's end of the bridge. window.postMessage is a page API, not the extension's,
 * so this lives in lib/: the entrypoint hands it the window and injects the bridge with the same token.
 */
export interface BridgeClient {
  request(op: BridgeOp): Promise<BridgeResult>;
  dispose(): void;
}

/** 24 random bytes in hex: the token the bridge must echo. */
export function newBridgeToken(crypto: Crypto = globalThis.crypto): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(24)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A bridge that is missing or stuck answers nothing: give up after this long. */
const TIMEOUT_MS = 3000;

export function createBridgeClient(win: Window, token: string, timeoutMs = TIMEOUT_MS): BridgeClient {
  const pending = new Map<string, (r: BridgeResult) => void>();
  let next = 0;
  const onMessage = (event: MessageEvent) => {
    if (event.source !== win) return;
    const response = parseMessage(BridgeResponse, event.data);
    if (!response || response.token !== token) return;
    const { channel: _c, token: _t, id, dir: _d, ...result } = response;
    pending.get(id)?.(result as BridgeResult);
  };
  win.addEventListener('message', onMessage);
  return {
    request(op) {
      const id = `${++next}-${Math.random().toString(36).slice(2, 10)}`;
      return new Promise<BridgeResult>((resolve) => {
        const timer = setTimeout(() => settle({ ok: false, error: 'timeout' }), timeoutMs);
        const settle = (r: BridgeResult) => {
          clearTimeout(timer);
          pending.delete(id);
          resolve(r);
        };
        pending.set(id, settle);
        win.postMessage(JSON.stringify({ channel: BRIDGE_CHANNEL, token, id, dir: 'request', ...op }), '*');
      });
    },
    dispose() {
      win.removeEventListener('message', onMessage);
      for (const settle of pending.values()) settle({ ok: false, error: 'timeout' });
    },
  };
}
