import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { serveBridge } from '../lib/extension/editors/bridge-host';

/**
 * Runs in the page's main world, where the editors' objects live. The content script injects it
 * with injectScript('/editor-bridge.js', { modifyScript: (s) => { s.dataset.token = token } }) and
 * talks to it through lib/extension/editors/bridge-client.ts; without a token it does nothing.
 */
export default defineUnlistedScript(() => {
  const token = (document.currentScript as HTMLScriptElement | null)?.dataset.token;
  if (token) serveBridge(window, token);
});
