import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import {
  ToContent,
  type FixResult,
  type PageStatus,
  type PreviousReport,
  type RevealResult,
} from '../lib/extension/messages';
import { defaultSettings, type Settings } from '../lib/extension/settings';
import { ENGINE_KEY, type Engine } from '../lib/extension/engine-link';
import type { BridgeResult } from '../lib/extension/editors/protocol';
import { loadPageYear, loadSettings, onPageYearChanged, onSettingsChanged } from '../components/options/store';
import { Session } from './content/session';
import { claimPanel, toggleInpagePanel } from './content/inpage';
import { editorOp } from './content/bridge';

type Answer = PageStatus | RevealResult | BridgeResult | FixResult | PreviousReport | null | undefined;

/** One message of the panel or popup, answered by this page's session. */
function answer(session: Session, raw: unknown): Promise<Answer> {
  const msg = ToContent.safeParse(raw);
  if (!msg.success) return Promise.resolve(undefined);
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
    case 'claim-panel':
      return Promise.resolve({ ok: claimPanel(msg.data.key) });
    case 'editor':
      session.current();
      return editorOp(msg.data.op, session.draft());
    case 'replace-table': {
      session.current();
      const table = session.tableIndex(msg.data.table);
      if (table === null) return Promise.resolve({ ok: false, error: 'no-table' } satisfies BridgeResult);
      return editorOp({ op: 'replaceRange', range: { table }, html: msg.data.html }, session.draft());
    }
    case 'fix':
      return session.fix(msg.data.keys);
    case 'previous-data':
      return Promise.resolve(session.previousData());
    case 'set-previous':
      return Promise.resolve(session.setPrevious(msg.data.previous));
  }
}

/**
 * The engine: injected by the background into the top frame of a page whose first look found a
 * report may be there (entrypoints/loader.ts). Reads the settings, then finds, checks and watches
 * the draft; the loader hands it every message of the panel and popup.
 */
export default defineUnlistedScript(() => {
  const scope = globalThis as typeof globalThis & { [ENGINE_KEY]?: Engine };
  if (scope[ENGINE_KEY]) return;
  const ready = Promise.all([
    loadSettings().catch((): Settings => defaultSettings),
    // The year the clerk gave in the panel for a draft that does not state its own.
    loadPageYear(location.href).catch(() => null),
  ]).then(([settings, year]) => {
    const session = new Session(document, settings);
    session.setPageYear(year);
    session.start();
    onSettingsChanged((s) => session.setSettings(s));
    onPageYearChanged(location.href, (y) => session.setPageYear(y));
    return session;
  });
  scope[ENGINE_KEY] = { handle: (raw) => ready.then((session) => answer(session, raw)) };
});
