import { injectScript } from 'wxt/utils/inject-script';
import type { BridgeOp, BridgeResult } from '../../lib/extension/editors/protocol';
import { createBridgeClient, newBridgeToken, type BridgeClient } from '../../lib/extension/editors/bridge-client';
import { findEditingAreas } from '../../lib/extension/editors/detect';

let client: Promise<BridgeClient> | null = null;

/** The main-world bridge, injected on first use only: a page nobody writes into never gets it. */
function bridge(): Promise<BridgeClient> {
  client ??= (async () => {
    const token = newBridgeToken();
    const c = createBridgeClient(window, token);
    await injectScript('/editor-bridge.js', {
      modifyScript: (script) => {
        script.dataset.token = token;
      },
    });
    return c;
  })();
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
  return (await bridge()).request(request);
}
