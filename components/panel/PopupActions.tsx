import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { hostOf, hostPattern } from '../../lib/settings';
import { loadSettings, saveSettings } from '../options/store';
import { openPanel } from './open';
import { t, type MessageKey } from './t';

type Tab = { id?: number; windowId?: number; url?: string };
type Site = 'default' | 'enabled' | 'available' | 'none';

const isDefault = (host: string) => host === 'gov.cn' || host.endsWith('.gov.cn');

async function siteOf(tab: Tab): Promise<Site> {
  const url = tab.url ?? '';
  const host = /^https?:/.test(url) ? hostOf(url) : null;
  if (!host) return 'none';
  if (isDefault(host)) return 'default';
  const settings = await loadSettings();
  return settings.sites.includes(host) ? 'enabled' : 'available';
}

/**
 * The popup's two actions on the current tab: open the check panel, and run the extension on this
 * host (CMS consoles often sit on an intranet address), asking for the host at run time.
 */
const activeTab = async (): Promise<Tab | undefined> => (await browser.tabs.query({ active: true, currentWindow: true }))[0];

export function PopupActions({ currentTab = activeTab }: { currentTab?: () => Promise<Tab | undefined> }) {
  const [tab, setTab] = useState<Tab | null>(null);
  const [site, setSite] = useState<Site>('none');
  const [error, setError] = useState<MessageKey | null>(null);

  useEffect(() => {
    currentTab().then((current) => {
      if (!current) return;
      setTab(current);
      siteOf(current).then(setSite, () => setSite('none'));
    });
  }, [currentTab]);

  const open = () => {
    if (tab?.id === undefined) return;
    // Called straight from the click: opening a side panel needs the user gesture.
    openPanel(tab.id, tab.windowId).then(
      () => window.close(),
      () => {},
    );
  };

  const enable = async () => {
    const host = tab?.url ? hostOf(tab.url) : null;
    if (!host || tab?.id === undefined) return;
    const granted = await browser.permissions.request({ origins: [hostPattern(host)] });
    if (!granted) {
      setError('popupPermissionDenied');
      return;
    }
    const settings = await loadSettings();
    if (!settings.sites.includes(host)) await saveSettings({ ...settings, sites: [...settings.sites, host] });
    // The background registers it for later loads; this page gets it now.
    await browser.scripting.executeScript({ target: { tabId: tab.id, allFrames: true }, files: ['/content-scripts/content.js'] });
    setSite('enabled');
  };

  return (
    <div class="popup-actions">
      <button type="button" class="primary" onClick={open} disabled={tab?.id === undefined}>
        {t('popupOpenPanel')}
      </button>
      {site === 'available' ? (
        <button type="button" onClick={() => enable().catch(() => setError('popupPermissionDenied'))}>
          {t('popupEnableSite')}
        </button>
      ) : (
        <p class="site-state" data-site={site}>
          {t(site === 'enabled' ? 'popupSiteEnabled' : site === 'default' ? 'popupSiteDefault' : 'popupNoSite')}
        </p>
      )}
      {error ? <p class="error">{t(error)}</p> : null}
      <button type="button" class="link" onClick={() => browser.runtime.openOptionsPage()}>
        {t('popupOptions')}
      </button>
    </div>
  );
}
