import * as z from 'zod/mini';
import { EDITOR_KINDS } from './detect';

/**
 * Messages between the content script (isolated world) and the editor bridge (the page's main
 * world, where the editor objects live). They travel as JSON strings through window.postMessage,
 * which the page can also post: each carries the random per-page token handed to the bridge, and
 * the receiver parses it here and drops anything else.
 */
export const BRIDGE_CHANNEL = 'nianbao:editor-bridge';

export const EditorKind = z.enum(EDITOR_KINDS);

/** 24 random bytes in hex; shorter strings are not ours. */
export const Token = z.string().check(z.regex(/^[0-9a-f]{48}$/));

/** Drafts are tens of kilobytes; a cap keeps a runaway message from tying up the page. */
const Html = z.string().check(z.maxLength(4_000_000));

const envelope = {
  channel: z.literal(BRIDGE_CHANNEL),
  token: Token,
  id: z.string().check(z.minLength(1), z.maxLength(64)),
};

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
export const BridgeError = z.enum(['no-editor', 'no-api', 'no-table', 'source-mode', 'failed']);
export type BridgeError = z.infer<typeof BridgeError>;

export const BridgeResult = z.union([
  z.object({ ok: z.literal(true), op: z.literal('which'), editors: z.array(EditorInfo) }),
  z.object({ ok: z.literal(true), op: z.literal('getContent'), kind: EditorKind, html: Html }),
  z.object({ ok: z.literal(true), op: z.enum(['insertHtml', 'replaceRange']), kind: EditorKind, via: WriteVia }),
  z.object({
    ok: z.literal(false),
    error: z.union([BridgeError, z.literal('timeout')]),
    message: z.optional(z.string().check(z.maxLength(500))),
  }),
]);
export type BridgeResult = z.infer<typeof BridgeResult>;

export const BridgeResponse = z.intersection(z.object({ ...envelope, dir: z.literal('response') }), BridgeResult);
export type BridgeResponse = z.infer<typeof BridgeResponse>;

/** Parses a posted message; null for anything that is not a well-formed bridge message. */
export function parseMessage<T>(schema: z.ZodMiniType<T>, data: unknown): T | null {
  if (typeof data !== 'string' || data.length > 4_100_000 || !data.includes(BRIDGE_CHANNEL)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(data);
  } catch {
    return null;
  }
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
