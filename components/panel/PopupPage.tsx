import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PageStatus } from '../../lib/extension/messages';
import { hostOf, hostPattern } from '../../lib/extension/settings';
import { loadSettings, saveSettings } from '../options/store';
import { Popup } from '../popup/Popup';
import { copySnippet } from './clipboard';
import { openPanel } from './open';
import { pageStatus, writeToPage } from './page';
import { CONTENT_SCRIPT } from '../../lib/extension/engine-link';
import { t, type MessageKey } from './t';

export type Tab = { id?: number; windowId?: number; url?: string };
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

const SITE_NOTE: Record<Exclude<Site, 'available'>, MessageKey> = {
  default: 'popupSiteDefault',
  enabled: 'popupSiteEnabled',
  none: 'popupNoSite',
};

const activeTab = async (): Promise<Tab | undefined> =>
  (await browser.tabs.query({ active: true, currentWindow: true }))[0];

/**
 * The popup around the snippet helper's body: it finds the tab, its draft (year and unit), and
 * whether the extension runs on its host; inserts go to the draft's editor through the content script.
 */
export function PopupPage({ currentTab = activeTab }: { currentTab?: () => Promise<Tab | undefined> }) {
  const [tab, setTab] = useState<Tab | null>(null);
  const [site, setSite] = useState<Site>('none');
  const [status, setStatus] = useState<PageStatus | null>(null);
  const [error, setError] = useState<MessageKey | null>(null);

  useEffect(() => {
    currentTab().then((current) => {
      if (!current) return;
      setTab(current);
      siteOf(current).then(setSite, () => setSite('none'));
      if (current.id !== undefined) pageStatus(current.id).then(setStatus);
    });
  }, [currentTab]);

  const tabId = () => {
    if (tab?.id === undefined) throw new Error('no tab');
    return tab.id;
  };

  // Called straight from the click: opening a side panel needs the user gesture.
  const open = (view?: Record<string, string>) => {
    openPanel(tabId(), tab?.windowId, view).then(
      () => window.close(),
      () => {},
    );
  };

  const enable = async () => {
    const host = tab?.url ? hostOf(tab.url) : null;
    if (!host) return;
    const granted = await browser.permissions.request({ origins: [hostPattern(host)] });
    if (!granted) {
      setError('popupPermissionDenied');
      return;
    }
    const settings = await loadSettings();
    if (!settings.sites.includes(host)) await saveSettings({ ...settings, sites: [...settings.sites, host] });
    // The background registers it for later loads; this page gets it now.
    await browser.scripting.executeScript({
      target: { tabId: tabId() },
      files: [CONTENT_SCRIPT],
    });
    setSite('enabled');
    setStatus(await pageStatus(tabId()));
  };

  const report = status?.report;
  return (
    <main class="popup">
      <h1>{t('extName')}</h1>
      <Popup
        detectedYear={report?.year ?? null}
        unit={report?.unit ?? ''}
        onInsert={(html) => writeToPage(tabId(), { type: 'editor', op: { op: 'insertHtml', html } })}
        onCopy={copySnippet}
        onOpenPanel={() => open()}
        {...(site === 'available'
          ? { onEnableSite: () => enable().catch(() => setError('popupPermissionDenied')) }
          : {})}
        onOpenFiller={(table, year) => open({ filler: table, year: String(year) })}
      />
      {site !== 'available' ? (
        <p class="site-state" data-site={site}>
          {t(SITE_NOTE[site])}
        </p>
      ) : null}
      {error ? <p class="error">{t(error)}</p> : null}
      <button type="button" class="link" onClick={() => browser.runtime.openOptionsPage()}>
        {t('popupOptions')}
      </button>
    </main>
  );
}
