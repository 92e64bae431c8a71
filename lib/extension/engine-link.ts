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

export interface Engine {
  /** Answers one message of the panel or popup (ToContent); undefined for anything else. */
  handle(message: unknown): Promise<unknown>;
}
