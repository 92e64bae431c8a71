import * as z from 'zod/mini';
import { EDITOR_KINDS } from './detect';

/**
 * Messages between the content script (isolated world) and the editor bridge (the page's main
 * world, where the editor objects live). They travel as JSON strings over a MessagePort of their
 * own, handed to the bridge at injection (bridge-host.ts, bridge-client.ts): not over the window's
 * message bus, which every script of the page reads and writes. Each end still parses what arrives
 * here and drops anything else: a page that patched the DOM's built-ins before the bridge ran can
 * reach the port (docs/security.md).
 */
export const EditorKind = z.enum(EDITOR_KINDS);

/**
 * The handover. The injected bridge puts an element of this tag in the page, with a closed shadow
 * root holding one element that carries a fresh random key; it returns the key to the extension
 * (the result of scripting.executeScript, which no page script sees). The content script opens that
 * shadow root (an extension-only API), finds the element with the key, and dispatches on it a
 * MessageEvent of HANDOVER_EVENT carrying the port. The event does not leave the shadow root (not
 * composed), so no listener of the page is called, and the element is removed at once.
 */
export const BRIDGE_HOST_TAG = 'nianbao-bridge';
export const HANDOVER_EVENT = 'nianbao-port';

/** 24 random bytes in hex. */
export const OneTimeKey = z.string().check(z.regex(/^[0-9a-f]{48}$/));

/** 24 random bytes in hex: the one-time keys of the bridge handover and of the in-page panel. */
export function newKey(crypto: Crypto = globalThis.crypto): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(24)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Drafts are tens of kilobytes; a cap keeps a runaway message from tying up the page. */
const Html = z.string().check(z.maxLength(4_000_000));

/** Pairs a response with its request on the port. */
const envelope = { id: z.string().check(z.minLength(1), z.maxLength(64)) };

/** Which editing area (index into findEditingAreas(top document)); absent: the first. */
const target = { editor: z.optional(z.number().check(z.int(), z.gte(0), z.lte(1000))) };

export const BridgeOp = z.discriminatedUnion('op', [
  z.object({ op: z.literal('which') }),
  z.object({ op: z.literal('getContent'), ...target }),
  z.object({ op: z.literal('insertHtml'), html: Html, ...target }),
  /** Replace the n-th <table> of the editing body (document order) by `html`, as one undo step. */
  z.object({
    op: z.literal('replaceRange'),
    range: z.object({ table: z.number().check(z.int(), z.gte(0)) }),
    html: Html,
    ...target,
  }),
  /**
   * Replace the whole draft by `html` (the draft with fixes made) as one undo step, provided the
   * editor still holds `base`: a draft changed since the fixes were computed is left alone.
   */
  z.object({ op: z.literal('setContent'), html: Html, base: Html, ...target }),
]);
export type BridgeOp = z.infer<typeof BridgeOp>;

export const BridgeRequest = z.intersection(z.object({ ...envelope, dir: z.literal('request') }), BridgeOp);
export type BridgeRequest = z.infer<typeof BridgeRequest>;

export const EditorInfo = z.object({
  kind: EditorKind,
  /** The editor's own object was found in the page (else writes fall back to the browser's editing commands). */
  api: z.boolean(),
});
export type EditorInfo = z.infer<typeof EditorInfo>;

/** How a write was made: the editor's API, the browser's insertHTML in the editing document, or the textarea's value. */
export const WriteVia = z.enum(['api', 'execCommand', 'textarea']);

/** no-api: an editor that must only be written through its API (CKEditor 5, wangEditor 5) whose object the page does not expose. */
/** changed: the draft is no longer what a setContent was computed from. */
export const BridgeError = z.enum(['no-editor', 'no-api', 'no-table', 'source-mode', 'changed', 'failed']);
export type BridgeError = z.infer<typeof BridgeError>;

export const BridgeResult = z.union([
  z.object({ ok: z.literal(true), op: z.literal('which'), editors: z.array(EditorInfo) }),
  z.object({ ok: z.literal(true), op: z.literal('getContent'), kind: EditorKind, html: Html }),
  z.object({
    ok: z.literal(true),
    op: z.enum(['insertHtml', 'replaceRange', 'setContent']),
    kind: EditorKind,
    via: WriteVia,
  }),
  z.object({
    ok: z.literal(false),
    error: z.union([BridgeError, z.literal('timeout')]),
    message: z.optional(z.string().check(z.maxLength(500))),
  }),
]);
export type BridgeResult = z.infer<typeof BridgeResult>;

export const BridgeResponse = z.intersection(z.object({ ...envelope, dir: z.literal('response') }), BridgeResult);
export type BridgeResponse = z.infer<typeof BridgeResponse>;

/** Parses a message from the port; null for anything that is not a well-formed bridge message. */
export function parseMessage<T>(schema: z.ZodMiniType<T>, data: unknown): T | null {
  if (typeof data !== 'string' || data.length > 4_100_000) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(data);
  } catch {
    return null;
  }
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
