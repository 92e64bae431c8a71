import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { ToBackground } from '../lib/extension/messages';
import { OneTimeKey } from '../lib/extension/editors/protocol';
import { hostPattern, type Settings } from '../lib/extension/settings';
import { CONTENT_SCRIPT, ENGINE_FILE } from '../lib/extension/engine-link';
import { openPanel } from '../components/panel/open';
import { loadSettings, onSettingsChanged } from '../components/options/store';

const SCRIPT_ID = 'nianbao-sites';

function setBadge(tabId: number, errors: number): void {
  // Firefox builds MV2, where the toolbar button is browserAction.
  const action = browser.action ?? browser.browserAction;
  action.setBadgeText({ tabId, text: errors > 0 ? String(errors) : '' }).catch(() => {});
  action.setBadgeBackgroundColor({ tabId, color: '#c62828' }).catch(() => {});
}

/**
 * The engine, into the frame whose light content script found a report may be there: the same
 * isolated world, so the content script hands it the panel's messages (lib/extension/engine-link.ts).
 */
async function loadEngine(tabId: number, frameId: number): Promise<boolean> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [ENGINE_FILE] });
  return true;
}

/** Runs the content script on the hosts the user enabled and granted, beyond the default *.gov.cn. */
async function registerSites(settings: Settings): Promise<void> {
  const granted = await Promise.all(
    settings.sites.map((h) => browser.permissions.contains({ origins: [hostPattern(h)] })),
  );
  const matches = settings.sites.filter((_, i) => granted[i]).map(hostPattern);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (!matches.length) return;
  await browser.scripting.registerContentScripts([
    {
      id: SCRIPT_ID,
      matches,
      // Registered scripts name their files relative to the extension's root, without the slash.
      js: [CONTENT_SCRIPT.slice(1)],
      // Top frame only, as the declared script (wxt.config.ts).
      allFrames: false,
      runAt: 'document_idle',
      persistAcrossSessions: true,
    },
  ]);
}

function sync(): void {
  loadSettings()
    .then(registerSites)
    .catch((e: unknown) => console.error('nianbao: could not register sites', e));
}

/**
 * Runs the editor bridge in the main world of the asking frame, from the extension's package (no
 * web-accessible file a page could load), and returns the key it will take its port with: the
 * result travels back through the extension's messaging, which no page script sees.
 */
async function injectBridge(tabId: number, frameId: number): Promise<string | null> {
  const [injected] = await browser.scripting.executeScript({
    target: { tabId, frameIds: [frameId] },
    world: 'MAIN',
    files: ['/editor-bridge.js'],
  });
  const key = OneTimeKey.safeParse(injected?.result);
  return key.success ? key.data : null;
}

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((raw: unknown, sender): Promise<boolean | string | null> | undefined => {
    const msg = ToBackground.safeParse(raw);
    const tabId = sender.tab?.id;
    // Only scripts of this extension, in a tab, send these.
    if (!msg.success || sender.id !== browser.runtime.id || tabId === undefined) return undefined;
    if (msg.data.type === 'load-engine') return loadEngine(tabId, sender.frameId ?? 0);
    if (msg.data.type === 'inject-bridge') return injectBridge(tabId, sender.frameId ?? 0);
    setBadge(tabId, msg.data.status.errors);
    return undefined;
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'open-panel' && tab?.id !== undefined) openPanel(tab.id, tab.windowId).catch(() => {});
  });

  browser.runtime.onInstalled.addListener(sync);
  browser.runtime.onStartup.addListener(sync);
  onSettingsChanged((s) => registerSites(s).catch(() => {}));
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
});
