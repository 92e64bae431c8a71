import { browser } from 'wxt/browser';

/** The side panel APIs the polyfill does not type: Chrome's sidePanel, Firefox's sidebarAction. */
interface PanelApis {
  sidePanel?: {
    setOptions(o: { tabId: number; path: string; enabled: boolean }): Promise<void>;
    open(o: { tabId: number; windowId?: number }): Promise<void>;
  };
  sidebarAction?: { open(): Promise<void> };
}

function apis(): PanelApis {
  const g = globalThis as unknown as { chrome?: PanelApis };
  return { sidePanel: g.chrome?.sidePanel, sidebarAction: (browser as unknown as PanelApis).sidebarAction };
}

/**
 * Opens the panel for a tab. Must run inside a user gesture (a click, a keyboard command): so no
 * await before open(). Where the browser has neither a side panel nor a sidebar, the content script
 * shows the same page inside the tab.
 */
export async function openPanel(tabId: number, windowId?: number): Promise<'sidepanel' | 'sidebar' | 'inpage'> {
  const { sidePanel, sidebarAction } = apis();
  if (sidePanel) {
    const bound = sidePanel.setOptions({ tabId, path: `sidepanel.html?tab=${tabId}`, enabled: true });
    const opened = sidePanel.open(windowId === undefined ? { tabId } : { tabId, windowId });
    await Promise.all([bound, opened]);
    return 'sidepanel';
  }
  if (sidebarAction) {
    await sidebarAction.open();
    return 'sidebar';
  }
  await browser.tabs.sendMessage(tabId, { type: 'toggle-inpage-panel', tabId }, { frameId: 0 });
  return 'inpage';
}
