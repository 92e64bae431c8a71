import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { serveBridge } from '../lib/extension/editors/bridge-host';

/**
 * Runs in the page's main world, where the editors' objects live. The background injects it with
 * scripting.executeScript({ world: 'MAIN', files }) when the content script asks (it is no
 * web-accessible resource: a page can neither load it nor detect the extension by it). Its result,
 * the handover key, goes back to the content script, which hands the bridge its MessagePort
 * (lib/extension/editors/bridge-host.ts).
 */
export default defineUnlistedScript({
  // No global variable holding main()'s result (WXT's default): the key would sit on the page's
  // window. The anonymous script's completion value still reaches executeScript.
  globalName: false,
  main: () => serveBridge(window),
});
