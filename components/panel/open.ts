import { browser } from 'wxt/browser';
import { sendToPage } from './page';

/** The side panel APIs the polyfill does not type: Chrome's sidePanel, Firefox's sidebarAction. */
interface PanelApis {
  sidePanel?: {
    setOptions(o: { tabId: number; path: string; enabled: boolean }): Promise<void>;
    open(o: { tabId: number; windowId?: number }): Promise<void>;
  };
  sidebarAction?: { open(): Promise<void>; setPanel(o: { panel: string }): Promise<void> };
}

function apis(): PanelApis {
  const g = globalThis as unknown as { chrome?: PanelApis };
  return { sidePanel: g.chrome?.sidePanel, sidebarAction: (browser as unknown as PanelApis).sidebarAction };
}

/**
 * Opens the panel for a tab (`view` adds to its address: the table filler). Must run inside a user gesture (a click, a keyboard command): so no
 * await before open(). Where the browser has neither a side panel nor a sidebar, the content script
 * shows the same page inside the tab.
 */
export async function openPanel(
  tabId: number,
  windowId?: number,
  view: Record<string, string> = {},
): Promise<'sidepanel' | 'sidebar' | 'inpage'> {
  const { sidePanel, sidebarAction } = apis();
  const query = new URLSearchParams({ tab: String(tabId), ...view }).toString();
  if (sidePanel) {
    const bound = sidePanel.setOptions({ tabId, path: `sidepanel.html?${query}`, enabled: true });
    const opened = sidePanel.open(windowId === undefined ? { tabId } : { tabId, windowId });
    await Promise.all([bound, opened]);
    return 'sidepanel';
  }
  if (sidebarAction) {
    const opened = sidebarAction.open();
    await Promise.all([
      opened,
      sidebarAction.setPanel({ panel: browser.runtime.getURL(`/sidepanel.html?${query}` as '/sidepanel.html') }),
    ]);
    return 'sidebar';
  }
  await sendToPage(tabId, { type: 'toggle-inpage-panel', tabId, query });
  return 'inpage';
}
