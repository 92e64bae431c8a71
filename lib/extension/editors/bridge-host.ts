import {
  BRIDGE_HOST_TAG,
  BridgeRequest,
  HANDOVER_EVENT,
  newKey,
  parseMessage,
  type BridgeOp,
  type BridgeResponse,
  type BridgeResult,
} from './protocol';
import { EditorError, handle } from './apis';
import { findEditingAreas } from './detect';

/** Runs one operation of the protocol on the page's editors (the main-world end of the bridge). */
export function run(win: Window, request: BridgeOp): BridgeResult {
  const areas = findEditingAreas(win.document);
  if (request.op === 'which')
    return { ok: true, op: 'which', editors: areas.map((a) => ({ kind: a.kind, api: handle(win, a).api })) };
  const area = areas[request.editor ?? 0];
  if (!area) return { ok: false, error: 'no-editor' };
  const h = handle(win, area);
  try {
    switch (request.op) {
      case 'getContent':
        return { ok: true, op: 'getContent', kind: area.kind, html: h.getContent() };
      case 'insertHtml':
        return { ok: true, op: 'insertHtml', kind: area.kind, via: h.insertHtml(request.html) };
      case 'replaceRange':
        return {
          ok: true,
          op: 'replaceRange',
          kind: area.kind,
          via: h.replaceTable(request.range.table, request.html),
        };
      case 'setContent':
        return { ok: true, op: 'setContent', kind: area.kind, via: h.setContent(request.html, request.base) };
    }
  } catch (e) {
    if (e instanceof EditorError) return { ok: false, error: e.code };
    return { ok: false, error: 'failed', message: String((e as Error)?.message ?? e).slice(0, 500) };
  }
}

/**
 * Starts the bridge in the page's main world (entrypoints/editor-bridge.ts) and returns the key the
 * content script needs to hand it its port (see BRIDGE_HOST_TAG in protocol.ts). The bridge answers
 * only what arrives on that port: nothing on the window's message bus, so page scripts that listen
 * to window messages, watch the DOM or read attributes can neither read its traffic nor answer in
 * its place.
 *
 * What this cannot do: the bridge runs in the page's own world, after the page's scripts. A page
 * that replaced built-ins beforehand (attachShadow, addEventListener, MessagePort.prototype,
 * crypto.getRandomValues) can take the port or the key and then read requests and forge replies,
 * and the extension would believe an insert that never happened. Such a page gains nothing it did
 * not have: it can already rewrite its own editor. The bridge never reads anything back into the
 * extension but the draft's HTML and which editors exist.
 */
export function serveBridge(win: Window): string {
  const key = newKey(win.crypto);
  const doc = win.document;
  const host = doc.createElement(BRIDGE_HOST_TAG);
  host.hidden = true;
  const point = doc.createElement('span');
  point.setAttribute('data-key', key);
  host.attachShadow({ mode: 'closed' }).append(point);
  const take = (event: Event) => {
    const port = (event as MessageEvent).ports?.[0];
    if (!port) return;
    point.removeEventListener(HANDOVER_EVENT, take);
    host.remove();
    port.onmessage = (e: MessageEvent) => {
      const request = parseMessage(BridgeRequest, e.data);
      if (!request) return;
      const response: BridgeResponse = { id: request.id, dir: 'response', ...run(win, request) };
      port.postMessage(JSON.stringify(response));
    };
  };
  point.addEventListener(HANDOVER_EVENT, take);
  (doc.body ?? doc.documentElement).append(host);
  return key;
}
