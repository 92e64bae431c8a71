import { browser } from 'wxt/browser';
import { OneTimeKey } from '../../lib/extension/editors/protocol';
import { PANEL_KEY_MESSAGE, RevealResult } from '../../lib/extension/messages';
import { sendToPage } from './page';

/** The content script posts the key as soon as the frame has loaded; a frame that gets none by then was not framed by it. */
const WAIT_MS = 5000;

/** Redeems a key with the bound tab's content script: true once, for the key it handed to the panel it framed. */
async function claim(tabId: number, key: string): Promise<boolean> {
  try {
    const claimed = RevealResult.safeParse(await sendToPage(tabId, { type: 'claim-panel', key }));
    return claimed.success && claimed.data.ok;
  } catch {
    return false;
  }
}

/**
 * Whether a panel running in a frame may start. It must be bound to a tab, sit in that very tab
 * (tabs.getCurrent, where the browser tells), and redeem with that tab's content script the one-time
 * key the content script posts to it. A page that frames sidepanel.html itself (were it to learn the
 * dynamic URL) has no key to give, and the key of another tab's panel is spent and bound to that tab:
 * such a panel shows nothing and writes nothing. Keys the page posts to the frame are tried and fail;
 * the genuine one still opens it. What this does not cover: a panel the extension opened is still
 * inside a page that can hide it, cover it or trick the clerk into clicks on it (clickjacking).
 */
export function framedPanelAllowed(win: Window, boundTab: number | null): Promise<boolean> {
  if (boundTab === null) return Promise.resolve(false);
  // Listening starts at once: the key comes with the frame's load event, before any await here ends.
  const keyed = new Promise<boolean>((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      win.removeEventListener('message', onMessage);
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), WAIT_MS);
    const onMessage = (event: MessageEvent) => {
      if (event.source !== win.parent) return;
      const data = event.data as { type?: unknown; key?: unknown } | null;
      const key = OneTimeKey.safeParse(data?.key);
      if (data?.type !== PANEL_KEY_MESSAGE || !key.success) return;
      claim(boundTab, key.data).then((ok) => ok && done(true));
    };
    win.addEventListener('message', onMessage);
  });
  const inBoundTab = browser.tabs.getCurrent().then(
    (tab) => tab?.id === undefined || tab.id === boundTab,
    () => true,
  );
  return Promise.all([keyed, inBoundTab]).then(([a, b]) => a && b);
}
