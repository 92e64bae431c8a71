import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { watchForReport } from '../lib/extension/look';
import {
  askBackground,
  ENGINE_KEY,
  LOAD_ENGINE,
  LOADER_KEY,
  type Engine,
  type Loader,
} from '../lib/extension/engine-link';

/**
 * The content script of every matched page (declared in wxt.config.ts, registered by the background
 * for the sites a user enabled, executed by the popup on a site just enabled). It stays a few KB: no
 * engine, no zod, no polyfill, no storage. It asks the cheap question (lib/extension/look.ts) and,
 * only once a report may be there, has the background inject the engine into this frame; the engine
 * then reads the settings, checks the page and answers the panel through this script's listener.
 * Only the top frame works: it reads editor frames through contentDocument. It touches the extension
 * API only once a report may be there, or when the panel calls `listen()` (LOADER_KEY): on the many
 * pages that are no report, that API's making in the page would be most of what the script costs.
 */

/** The extension API as the browser gives it: `browser` (Firefox, promises) or `chrome` (Chromium MV3, promises too). */
interface Runtime {
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: {
    addListener(
      listener: (message: unknown, sender: unknown, respond: (answer?: unknown) => void) => boolean | undefined,
    ): void;
  };
}
type Scope = typeof globalThis & {
  browser?: { runtime?: Runtime };
  chrome?: { runtime?: Runtime };
  [ENGINE_KEY]?: Engine;
  [LOADER_KEY]?: Loader;
};

/** Questions a page that holds no report answers without the engine. */
const LIGHT: Record<string, () => unknown> = {
  status: () => ({ kind: 'none', parsed: false, url: location.href, errors: 0 }),
  recheck: () => LIGHT.status!(),
  reveal: () => ({ ok: false }),
  'previous-data': () => null,
};

export default defineUnlistedScript(() => {
  const scope = globalThis as Scope;
  // Frames below the top are read from it; the popup may execute this again on a page that has it.
  if (window !== window.top || scope[LOADER_KEY]) return;

  let runtime: Runtime | undefined;
  let engine: Promise<Engine> | null = null;
  const load = (): Promise<Engine> => {
    engine ??= askBackground(() => runtime!.sendMessage({ type: LOAD_ENGINE }))
      .then(() => {
        const loaded = scope[ENGINE_KEY];
        if (!loaded) throw new Error('nianbao: the engine did not load');
        return loaded;
      })
      .catch((error: unknown) => {
        // Asked again on the next message.
        engine = null;
        throw error;
      });
    return engine;
  };
  const answer = (message: unknown, _sender: unknown, respond: (answer?: unknown) => void) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type !== 'string') return undefined;
    const light = LIGHT[type];
    // The panel asking about a page that still holds no report: the cheap question again, no engine.
    if (light && !engine && !watcher.ask()) {
      respond(light());
      return undefined;
    }
    // Anything else (an insert from the popup, the in-page panel, a reviewer's comparison) needs the engine.
    watcher.stop();
    load()
      .then((e) => e.handle(message))
      .then(respond, () => respond(undefined));
    return true;
  };
  const listen = (): boolean => {
    if (!runtime) {
      runtime = scope.browser?.runtime ?? scope.chrome?.runtime;
      runtime?.onMessage.addListener(answer);
    }
    return runtime !== undefined;
  };
  scope[LOADER_KEY] = { listen };
  const watcher = watchForReport(document, () => {
    if (listen()) load().catch(() => {});
  });
});
