import { browser } from 'wxt/browser';
import { t } from '../../components/panel/t';
import { newKey } from '../../lib/extension/editors/protocol';
import { PANEL_KEY_MESSAGE } from '../../lib/extension/messages';

/**
 * The side panel inside the page, for Chromium cores without a side panel API (older 360/QQ
 * builds): sidepanel.html bound to this tab, in an iframe in a closed shadow root on the top
 * document, so neither the page's styles nor the editor see it.
 *
 * sidepanel.html is web-accessible only under a dynamic URL (use_dynamic_url: a per-session id a
 * page cannot guess), and a framed panel stays inert until it redeems a one-time key with this
 * content script (claimPanel): a page that got hold of the URL still could not show a tab's report
 * in a frame of its own, nor write through its filler. What it cannot prevent: a page can cover or
 * remove the panel it sees, as it can anything in its own document.
 */
let host: HTMLElement | null = null;
let issued: string | null = null;

export function toggleInpagePanel(tabId: number, query = `tab=${tabId}`): void {
  if (host) {
    host.remove();
    host = null;
    issued = null;
    return;
  }
  host = document.createElement('nianbao-panel');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = `
    .box { position: fixed; top: 0; right: 0; width: 380px; height: 100vh; z-index: 2147483646; background: #fff;
      box-shadow: -2px 0 8px rgba(0,0,0,.25); display: flex; flex-direction: column; }
    button { align-self: flex-end; margin: 4px; font: 14px sans-serif; }
    iframe { flex: 1; border: 0; width: 100%; }`;
  const box = document.createElement('div');
  box.className = 'box';
  const close = document.createElement('button');
  close.textContent = t('inpageClose');
  close.addEventListener('click', () => toggleInpagePanel(tabId));
  const frame = document.createElement('iframe');
  const url = browser.runtime.getURL(`/sidepanel.html?${query}` as '/sidepanel.html');
  frame.src = url;
  // A fresh key for every page the frame loads (the filler's back link loads the panel again), handed
  // to the panel's window only and addressed to the extension's origin: the page's scripts never see it.
  frame.addEventListener('load', () => {
    const key = newKey();
    issued = key;
    // The frame is loaded by its dynamic URL, but its document has the extension's own origin (Chrome):
    // addressed to both, it reaches the panel whichever the browser uses, and nothing else.
    for (const origin of new Set([new URL(url).origin, `chrome-extension://${browser.runtime.id}`]))
      frame.contentWindow?.postMessage({ type: PANEL_KEY_MESSAGE, key }, origin);
  });
  box.append(close, frame);
  shadow.append(style, box);
  document.documentElement.append(host);
}

/** The framed panel redeems its key: true once, for the key handed to the panel this script framed. */
export function claimPanel(key: string): boolean {
  if (issued === null || key !== issued) return false;
  issued = null;
  return true;
}
