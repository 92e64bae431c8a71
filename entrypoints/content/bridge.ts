import { browser } from 'wxt/browser';
import { OneTimeKey, type BridgeOp, type BridgeResult } from '../../lib/extension/editors/protocol';
import { createBridgeClient, handOver, type BridgeClient } from '../../lib/extension/editors/bridge-client';
import { findEditingAreas } from '../../lib/extension/editors/detect';
import { askBackground } from '../../lib/extension/engine-link';

let client: Promise<BridgeClient> | null = null;

/** Opens a closed shadow root: Chrome's chrome.dom API, Firefox's own Element method (isolated world only). */
function shadowOf(el: Element): ShadowRoot | null {
  const dom = (globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?(e: Element): ShadowRoot | null } } }).chrome
    ?.dom;
  if (dom?.openOrClosedShadowRoot) return dom.openOrClosedShadowRoot(el);
  return (el as Element & { openOrClosedShadowRoot?(): ShadowRoot | null }).openOrClosedShadowRoot?.() ?? null;
}

/**
 * The main-world bridge, injected on first use only (a page nobody writes into never gets it): the
 * background runs editor-bridge.js in this frame's main world and returns its handover key; the
 * port goes to the bridge through the closed shadow root that holds the key.
 */
function bridge(): Promise<BridgeClient> {
  client ??= (async () => {
    const key = OneTimeKey.parse(await askBackground(() => browser.runtime.sendMessage({ type: 'inject-bridge' })));
    const { port1, port2 } = new MessageChannel();
    if (!handOver(document, key, port2, shadowOf)) throw new Error('the bridge was removed before its handover');
    return createBridgeClient(port1);
  })();
  // A failed injection is tried again on the next operation.
  client.catch(() => {
    client = null;
  });
  return client;
}

/**
 * Runs an editor operation (read, insert, replace a table) through the editor's own API in the main
 * world. Without an explicit editor, the one holding the draft the content script is checking.
 */
export async function editorOp(op: BridgeOp, draft: HTMLElement | null): Promise<BridgeResult> {
  let request = op;
  if (op.op !== 'which' && op.editor === undefined && draft) {
    const index = findEditingAreas(document).findIndex((a) => a.root === draft);
    if (index >= 0) request = { ...op, editor: index };
  }
  let c: BridgeClient;
  try {
    c = await bridge();
  } catch (e) {
    return { ok: false, error: 'failed', message: String((e as Error)?.message ?? e).slice(0, 500) };
  }
  return c.request(request);
}
