import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { ToContent, type PageStatus, type PreviousReport, type RevealResult } from '../../lib/extension/messages';
import { defaultSettings } from '../../lib/extension/settings';
import { loadPageYear, loadSettings, onPageYearChanged, onSettingsChanged } from '../../components/options/store';
import { Session } from './session';
import { toggleInpagePanel } from './inpage';
import { editorOp } from './bridge';
import type { BridgeResult } from '../../lib/extension/editors/protocol';

export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main() {
    // The top frame reads editor frames through contentDocument; only it answers messages.
    if (window !== window.top) return;
    const session = new Session(document, defaultSettings);
    session.start();
    loadSettings().then(
      (s) => session.setSettings(s),
      () => {},
    );
    onSettingsChanged((s) => session.setSettings(s));
    // The year the clerk gave in the panel for a draft that does not state its own.
    loadPageYear(location.href).then(
      (y) => session.setPageYear(y),
      () => {},
    );
    onPageYearChanged(location.href, (y) => session.setPageYear(y));

    browser.runtime.onMessage.addListener(
      (
        raw: unknown,
      ): Promise<PageStatus | RevealResult | BridgeResult | PreviousReport | null | undefined> | undefined => {
        const msg = ToContent.safeParse(raw);
        if (!msg.success) return undefined;
        switch (msg.data.type) {
          case 'status':
            return Promise.resolve(session.current());
          case 'recheck':
            return Promise.resolve(session.recheck());
          case 'reveal':
            return Promise.resolve({ ok: session.reveal(msg.data.start, msg.data.end) });
          case 'toggle-inpage-panel':
            toggleInpagePanel(msg.data.tabId, msg.data.query);
            return Promise.resolve(undefined);
          case 'editor':
            session.current();
            return editorOp(msg.data.op, session.draft());
          case 'replace-table': {
            session.current();
            const table = session.tableIndex(msg.data.table);
            if (table === null) return Promise.resolve({ ok: false, error: 'no-table' } satisfies BridgeResult);
            return editorOp({ op: 'replaceRange', range: { table }, html: msg.data.html }, session.draft());
          }
          case 'previous-data':
            return Promise.resolve(session.previousData());
          case 'set-previous':
            return Promise.resolve(session.setPrevious(msg.data.previous));
        }
      },
    );
  },
});
