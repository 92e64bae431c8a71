import * as z from 'zod/mini';
import { BridgeOp, OneTimeKey } from './editors/protocol';
import { ReportJson, TableId } from '../check/report';
import { LOAD_ENGINE } from './engine-link';

/**
 * Every message between the extension's contexts. Each receiver parses what it gets, so a
 * malformed or foreign message is ignored instead of trusted.
 */

/** What the content script found on its page: an editor, a published report, or nothing (not parsed). */
export const PageKind = z.enum(['editor', 'published', 'none']);
export type PageKind = z.infer<typeof PageKind>;

/** A report as last year's, for carryover-mismatch and copied-text: the engine's `Previous` and its title. */
export const PreviousReport = z.object({
  source: z.string(),
  title: z.nullable(z.string()),
  year: z.nullable(z.number()),
  text: z.string(),
  tables: z.array(
    z.object({
      table: TableId,
      cells: z.optional(z.array(z.object({ row: z.string(), column: z.string(), value: z.nullable(z.number()) }))),
    }),
  ),
});
export type PreviousReport = z.infer<typeof PreviousReport>;

/** A fix the panel may offer for one finding: its key, the finding's index in the report, and 旧 → 新. */
export const FixOffer = z.object({ key: z.string(), finding: z.number(), preview: z.string() });
export type FixOffer = z.infer<typeof FixOffer>;

export const PageStatus = z.object({
  kind: PageKind,
  /** Whether the engine ever ran on this page: false proves a non-report page was left alone. */
  parsed: z.boolean(),
  /** Which editor holds the draft (tinymce, ckeditor4, textarea …), when kind is editor. */
  editor: z.optional(z.string()),
  url: z.string(),
  /** The report without its flat text, which only the content script needs. */
  report: z.optional(ReportJson),
  errors: z.number(),
  /** The 统计期限 the text states (years of 1月1日 … 12月31日), null when it states none. */
  period: z.optional(z.nullable(z.object({ from: z.number(), to: z.number() }))),
  /** Last year's report the page is compared with. */
  previous: z.optional(z.object({ source: z.string(), title: z.nullable(z.string()), year: z.nullable(z.number()) })),
  /** Fixes for the findings of a draft in an editor (never on a published page). */
  fixes: z.optional(z.array(FixOffer)),
});
export type PageStatus = z.infer<typeof PageStatus>;

/** Side panel or popup → the content script of one tab (sent to frame 0 only). */
export const ToContent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status') }),
  z.object({ type: z.literal('recheck') }),
  z.object({ type: z.literal('reveal'), start: z.number(), end: z.number() }),
  /** Browsers without a side panel API: show sidepanel.html in a panel inside the page. */
  z.object({ type: z.literal('toggle-inpage-panel'), tabId: z.number(), query: z.optional(z.string()) }),
  /**
   * The in-page panel → the content script that framed it: redeem the one-time key it was handed
   * (answered with a RevealResult: ok when the key is the one issued, which is then spent).
   */
  z.object({ type: z.literal('claim-panel'), key: OneTimeKey }),
  /**
   * Popup or filler → the draft's editor, through its own API in the page (answered with a
   * BridgeResult). Without `op.editor`, the editor holding the draft being checked.
   */
  z.object({ type: z.literal('editor'), op: BridgeOp }),
  /** The filler → replace the draft's table of this kind (the one the engine read) by `html`. */
  z.object({ type: z.literal('replace-table'), table: TableId, html: z.string() }),
  /** The panel → make these fixes (keys of FixOffers) in the draft's editor as one undo step; answered with a FixResult. */
  z.object({ type: z.literal('fix'), keys: z.array(z.string()).check(z.minLength(1)) }),
  /** Another tab's panel → this page's report as last year's (answered with a PreviousReport, or null). */
  z.object({ type: z.literal('previous-data') }),
  /** The panel → compare this page with last year's report (null: stop comparing); answered with the new PageStatus. */
  z.object({ type: z.literal('set-previous'), previous: z.nullable(PreviousReport) }),
]);
export type ToContent = z.infer<typeof ToContent>;

/** The content script → its framed panel (window.postMessage to the frame): `{ type, key }`. */
export const PANEL_KEY_MESSAGE = 'nianbao:panel-key';

/** How many of the asked fixes were written, or why none was (a BridgeError, or 'none' when nothing was left to fix). */
export const FixResult = z.object({ ok: z.boolean(), applied: z.number(), error: z.optional(z.string()) });
export type FixResult = z.infer<typeof FixResult>;

export const RevealResult = z.object({ ok: z.boolean() });
export type RevealResult = z.infer<typeof RevealResult>;

/** Content script → background (badge) and side panel (live update), after every check. */
export const PageReport = z.object({ type: z.literal('page-report'), status: PageStatus });
export type PageReport = z.infer<typeof PageReport>;

/** The light content script → background: inject the engine into my frame (answered once it ran). */
export const LoadEngine = z.object({ type: z.literal(LOAD_ENGINE) });

/**
 * Content script → background: run the editor bridge in my frame's main world (answered with its
 * handover key). Only the background may call scripting.executeScript.
 */
export const InjectBridge = z.object({ type: z.literal('inject-bridge') });

/** Content script → background: page reports, the engine's loading and the bridge (the popup opens the panel itself, inside the click). */
export const ToBackground = z.discriminatedUnion('type', [PageReport, LoadEngine, InjectBridge]);
export type ToBackground = z.infer<typeof ToBackground>;
