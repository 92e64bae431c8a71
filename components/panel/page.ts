import { browser } from 'wxt/browser';
import { BridgeResult } from '../../lib/extension/editors/protocol';
import { LOADER_KEY, type Loader } from '../../lib/extension/engine-link';
import { PageStatus, type ToContent } from '../../lib/extension/messages';

/** Has the tab's content script listen, where it runs; false where it does not (a site not enabled, a browser page). */
async function wakeLoader(tabId: number): Promise<boolean> {
  const [woken] = await browser.scripting.executeScript({
    target: { tabId, frameIds: [0] },
    func: (key: string) => (globalThis as unknown as Record<string, Loader | undefined>)[key]?.listen() ?? false,
    args: [LOADER_KEY],
  });
  return woken?.result === true;
}

/**
 * Messages to a tab's content script: only its top frame answers. On a page that holds no report
 * the content script does not listen until asked (entrypoints/loader.ts): nobody answering, it is
 * woken and asked once more.
 */
export async function sendToPage(tabId: number, message: ToContent): Promise<unknown> {
  const send = () => browser.tabs.sendMessage(tabId, message, { frameId: 0 });
  try {
    return await send();
  } catch (error) {
    if (!(await wakeLoader(tabId).catch(() => false))) throw error;
    return send();
  }
}

/** What the content script found in the tab, or null where it does not run. */
export async function pageStatus(tabId: number): Promise<PageStatus | null> {
  try {
    const status = PageStatus.safeParse(await sendToPage(tabId, { type: 'status' }));
    return status.success ? status.data : null;
  } catch {
    return null;
  }
}

/** A write into the draft through the editor's own API; rejects when it did not happen. */
export async function writeToPage(
  tabId: number,
  message: Extract<ToContent, { type: 'editor' | 'replace-table' }>,
): Promise<void> {
  const result = BridgeResult.safeParse(await sendToPage(tabId, message));
  if (!result.success) throw new Error('no answer from the page');
  if (!result.data.ok) throw new Error(result.data.error);
}
