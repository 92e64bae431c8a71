/**
 * How the light content script (entrypoints/loader.ts) and the engine it loads meet. The loader
 * asks the background for the engine with LOAD_ENGINE; the background injects ENGINE_FILE into the
 * loader's frame, in the same isolated world, where the engine leaves its message handler under
 * ENGINE_KEY. No zod here: the loader imports this on every page.
 */
export const LOAD_ENGINE = 'load-engine';
/** The light content script: declared in the manifest, registered for enabled sites, executed by the popup. */
export const CONTENT_SCRIPT = '/loader.js';
export const ENGINE_FILE = '/engine.js';
export const ENGINE_KEY = '__nianbaoEngine';
/**
 * Where the loader leaves its `listen()`: on a page that holds no report it does not listen for the
 * panel (the extension API alone costs a page a millisecond or more), and the panel or popup, finding
 * nobody there, calls this through scripting.executeScript, then asks again.
 */
export const LOADER_KEY = '__nianbaoLoader';

export interface Loader {
  /** Starts answering the panel's messages; false where the extension API is missing. */
  listen(): boolean;
}

export interface Engine {
  /** Answers one message of the panel or popup (ToContent); undefined for anything else. */
  handle(message: unknown): Promise<unknown>;
}

/** How long a round trip to the background may take before it counts as lost. */
export const ROUND_TRIP_MS = 8000;

/**
 * A round trip to the background, asked once more if it fails or gets no answer in `ms`: a service
 * worker stopped and restarted by the browser can drop a message, and the page's answer to the panel
 * or popup waits on this one. Rejects after the second try.
 */
export function askBackground<T>(send: () => Promise<T>, ms = ROUND_TRIP_MS): Promise<T> {
  const once = () =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('nianbao: the background did not answer')), ms);
      send().then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  return once().catch(once);
}
