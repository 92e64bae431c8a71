import { browser } from 'wxt/browser';
import { t } from '../../components/panel/t';

/**
 * The side panel inside the page, for Chromium cores without a side panel API (older 360/QQ
 * builds): sidepanel.html bound to this tab, in an iframe in a closed shadow root on the top
 * document, so neither the page's styles nor the editor see it.
 */
let host: HTMLElement | null = null;

export function toggleInpagePanel(tabId: number, query = `tab=${tabId}`): void {
  if (host) {
    host.remove();
    host = null;
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
  frame.src = browser.runtime.getURL(`/sidepanel.html?${query}` as '/sidepanel.html');
  box.append(close, frame);
  shadow.append(style, box);
  document.documentElement.append(host);
}
