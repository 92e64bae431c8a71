import {
  BRIDGE_HOST_TAG,
  BridgeResponse,
  HANDOVER_EVENT,
  parseMessage,
  type BridgeOp,
  type BridgeResult,
} from './protocol';

/**
 * The content script's end of the bridge: requests go over the port handed to the bridge at
 * injection. This lives in lib/ (it touches no `browser` API): the entrypoint asks the background to
 * inject the bridge and hands over the port with the key it got back.
 */
export interface BridgeClient {
  request(op: BridgeOp): Promise<BridgeResult>;
  dispose(): void;
}

/**
 * Gives the bridge its port: finds, among the handover elements in the document, the one whose
 * closed shadow root holds `key` (a page may add decoys; it cannot read the key), dispatches the
 * port there and removes the element. `shadowOf` opens a closed shadow root, which only the
 * extension's isolated world can (chrome.dom.openOrClosedShadowRoot, Firefox's
 * Element.openOrClosedShadowRoot). False when no element holds the key (the page removed it).
 */
export function handOver(
  doc: Document,
  key: string,
  port: MessagePort,
  shadowOf: (el: Element) => ShadowRoot | null,
): boolean {
  for (const host of Array.from(doc.getElementsByTagName(BRIDGE_HOST_TAG))) {
    const point = shadowOf(host)?.firstElementChild;
    if (!point || point.getAttribute('data-key') !== key) continue;
    point.dispatchEvent(new MessageEvent(HANDOVER_EVENT, { ports: [port] }));
    host.remove();
    return true;
  }
  return false;
}

/** A bridge that is missing or stuck answers nothing: give up after this long. */
const TIMEOUT_MS = 3000;

export function createBridgeClient(port: MessagePort, timeoutMs = TIMEOUT_MS): BridgeClient {
  const pending = new Map<string, (r: BridgeResult) => void>();
  let next = 0;
  port.onmessage = (event: MessageEvent) => {
    const response = parseMessage(BridgeResponse, event.data);
    if (!response) return;
    const { id, dir: _d, ...result } = response;
    pending.get(id)?.(result as BridgeResult);
  };
  return {
    request(op) {
      const id = String(++next);
      return new Promise<BridgeResult>((resolve) => {
        const timer = setTimeout(() => settle({ ok: false, error: 'timeout' }), timeoutMs);
        const settle = (r: BridgeResult) => {
          clearTimeout(timer);
          pending.delete(id);
          resolve(r);
        };
        pending.set(id, settle);
        port.postMessage(JSON.stringify({ id, dir: 'request', ...op }));
      });
    },
    dispose() {
      port.close();
      for (const settle of pending.values()) settle({ ok: false, error: 'timeout' });
    },
  };
}
