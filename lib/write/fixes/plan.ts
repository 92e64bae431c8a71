import type { Checked } from '../../check/engine';
import type { TableId } from '../../check/report';
import { cellKey } from '../../check/rules';
import { formatById } from '../../format';
import type { FormatId } from '../../format/schema';
import { partSnippet, tableSnippet } from '../snippets';
import { carry } from './layout';
import type { CellWrite, Fix } from './types';

/** A change to the draft, in flat-text offsets: text replaced, a whole table replaced, a block inserted. */
export type Edit =
  | { kind: 'text'; start: number; end: number; text: string }
  /** Replace the table holding flat offset `at`. */
  | { kind: 'table'; at: number; html: string }
  /** Insert before the block holding flat offset `before` (null: at the end). */
  | { kind: 'insert'; before: number | null; html: string };

const fmt = (n: number) => String(Math.round(n * 1e6) / 1e6);

/**
 * Composes fixes into edits. Fixes of one table meet here: cell writes (totals, blanks) are merged,
 * and when the table is also laid out anew they are carried into the new layout instead of written
 * into the old one. Text edits that overlap an earlier one are dropped.
 */
export function planEdits(checked: Checked, fixes: readonly Fix[]): Edit[] {
  const writes = new Map<TableId, Map<string, CellWrite>>();
  const layouts = new Map<TableId, FormatId>();
  const edits: Edit[] = [];
  for (const fix of fixes) {
    for (const c of fix.changes) {
      if (c.kind === 'text') edits.push(c);
      else if (c.kind === 'layout') layouts.set(c.table, c.to);
      else if (c.kind === 'cells') {
        const m = writes.get(c.table) ?? new Map<string, CellWrite>();
        for (const w of c.cells) m.set(cellKey(w.row, w.column), w);
        writes.set(c.table, m);
      } else {
        const format = formatById(c.format);
        const o = { year: checked.year ?? new Date().getFullYear(), unit: checked.unit ?? '', tables: c.tables };
        edits.push({ kind: 'insert', before: c.before, html: partSnippet(format, c.part, o).html });
      }
    }
  }
  const replaced: [number, number][] = [];
  for (const [table, to] of layouts) {
    const t = checked.tables.find((x) => x.table === table);
    const at = t?.cells?.find((c) => c.start !== undefined)?.start;
    if (!t?.cells || at === undefined) continue;
    const set = writes.get(table);
    const cells = t.cells.map((c) => ({ ...c, value: set?.get(cellKey(c.row, c.column))?.value ?? c.value }));
    edits.push({
      kind: 'table',
      at,
      html: tableSnippet(formatById(to), table, carry(formatById(to), table, cells).values).html,
    });
    writes.delete(table);
    replaced.push([Math.min(t.start ?? at, at), t.end ?? at]);
  }
  for (const m of writes.values())
    for (const w of m.values()) edits.push({ kind: 'text', start: w.start, end: w.end, text: fmt(w.value) });
  const inReplaced = (e: Edit) => e.kind === 'text' && replaced.some(([a, b]) => e.start >= a && e.end <= b);
  return withoutOverlaps(edits.filter((e) => !inReplaced(e)));
}

const span = (e: Edit): [number, number] =>
  e.kind === 'text'
    ? [e.start, e.end]
    : e.kind === 'table'
      ? [e.at, e.at]
      : [e.before ?? Infinity, e.before ?? Infinity];

/** Edits in draft order; a text edit overlapping an earlier one is dropped. */
function withoutOverlaps(edits: Edit[]): Edit[] {
  const out: Edit[] = [];
  let last = -1;
  for (const e of [...edits].sort((a, b) => span(a)[0] - span(b)[0])) {
    if (e.kind === 'text') {
      if (e.start < last) continue;
      last = Math.max(last, e.end);
    }
    out.push(e);
  }
  return out;
}
