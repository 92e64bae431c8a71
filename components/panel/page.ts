import { browser } from 'wxt/browser';
import { BridgeResult } from '../../lib/extension/editors/protocol';
import { PageStatus, type ToContent } from '../../lib/extension/messages';

/** Messages to a tab's content script: only its top frame answers. */
export function sendToPage(tabId: number, message: ToContent): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, message, { frameId: 0 });
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
