import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { FixResult, PageReport, PageStatus, RevealResult } from '../../lib/extension/messages';
import { loadPageYear, onPageYearChanged, savePageYear } from '../options/store';
import { browserReviewApi } from '../review/api';
import { sendToPage as send, writeToPage } from './page';
import { Panel, type PanelState } from './Panel';

/**
 * The side panel bound to one tab (sidepanel.html?tab=<id>, also the in-page panel), or following
 * the active tab when opened without one (Firefox's sidebar, a panel opened from the toolbar).
 */
export function PanelApp({ boundTab }: { boundTab: number | null }) {
  const [tabId, setTabId] = useState<number | null>(boundTab);
  const [state, setState] = useState<PanelState>({ kind: 'connecting' });

  const ask = useCallback(
    (type: 'status' | 'recheck') => {
      if (tabId === null) return;
      send(tabId, { type }).then(
        (raw) => {
          const status = PageStatus.safeParse(raw);
          setState(status.success ? { kind: 'page', status: status.data } : { kind: 'unreachable' });
        },
        () => setState({ kind: 'unreachable' }),
      );
    },
    [tabId],
  );

  useEffect(() => {
    if (boundTab !== null) return;
    const follow = () =>
      browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
        if (tab?.id !== undefined) setTabId(tab.id);
      });
    follow();
    browser.tabs.onActivated.addListener(follow);
    return () => browser.tabs.onActivated.removeListener(follow);
  }, [boundTab]);

  useEffect(() => {
    if (tabId === null) return;
    setState({ kind: 'connecting' });
    ask('status');
    const onMessage = (raw: unknown, sender: { tab?: { id?: number } }) => {
      const msg = PageReport.safeParse(raw);
      if (msg.success && sender.tab?.id === tabId) setState({ kind: 'page', status: msg.data.status });
      return undefined;
    };
    // A new page in the tab: its content script starts over.
    const onUpdated = (id: number, info: { status?: string }) => {
      if (id === tabId && info.status === 'complete') ask('status');
    };
    browser.runtime.onMessage.addListener(onMessage);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.runtime.onMessage.removeListener(onMessage);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [tabId, ask]);

  const reveal = async (start: number, end: number) => {
    if (tabId === null) return false;
    const r = RevealResult.safeParse(await send(tabId, { type: 'reveal', start, end }));
    return r.success && r.data.ok;
  };

  const fix = async (keys: string[]): Promise<FixResult> => {
    if (tabId === null) return { ok: false, applied: 0, error: 'no-editor' };
    const r = FixResult.safeParse(await send(tabId, { type: 'fix', keys }));
    return r.success ? r.data : { ok: false, applied: 0, error: 'failed' };
  };

  const review = useMemo(() => (tabId === null ? null : browserReviewApi(tabId)), [tabId]);

  // The report year given for the page in the tab, remembered by its address.
  const url = state.kind === 'page' ? state.status.url : null;
  const [givenYear, setGivenYear] = useState<number | null>(null);
  useEffect(() => {
    setGivenYear(null);
    if (url === null) return;
    loadPageYear(url).then(setGivenYear, () => {});
    return onPageYearChanged(url, setGivenYear);
  }, [url]);

  return (
    <Panel
      state={state}
      onRecheck={() => ask('recheck')}
      onReveal={reveal}
      review={review}
      onFix={fix}
      givenYear={givenYear}
      {...(url !== null ? { onYear: (year: number | null) => void savePageYear(url, year) } : {})}
      {...(tabId !== null
        ? { onInsert: (html: string) => writeToPage(tabId, { type: 'editor', op: { op: 'insertHtml', html } }) }
        : {})}
    />
  );
}
