import { BRIDGE_CHANNEL, BridgeRequest, parseMessage, type BridgeResponse, type BridgeResult } from './protocol';
import { EditorError, handle } from './apis';
import { findEditingAreas } from './detect';

/**
 * The main-world end of the bridge (run by entrypoints/editor-bridge.ts): answers requests that
 * carry this page's token and come from this window; everything else is ignored without a reply.
 */
export function run(win: Window, request: BridgeRequest): BridgeResult {
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
    }
  } catch (e) {
    if (e instanceof EditorError) return { ok: false, error: e.code };
    return { ok: false, error: 'failed', message: String((e as Error)?.message ?? e).slice(0, 500) };
  }
}

export function serveBridge(win: Window, token: string): () => void {
  const onMessage = (event: MessageEvent) => {
    if (event.source !== win) return;
    const request = parseMessage(BridgeRequest, event.data);
    if (!request || request.token !== token) return;
    const response: BridgeResponse = {
      channel: BRIDGE_CHANNEL,
      token,
      id: request.id,
      dir: 'response',
      ...run(win, request),
    };
    // Posted to this same window, whatever its origin (about:blank and data: pages have none).
    win.postMessage(JSON.stringify(response), '*');
  };
  win.addEventListener('message', onMessage);
  return () => win.removeEventListener('message', onMessage);
}
