import type { ColumnDef, FormatDef, RowDef, TableDef, TableId } from '../format/schema';
import { compactLabel, stripOrdinal } from './text';
import { compactIndexAt, flatAt, type Doc } from './doc';
import { parseCell, tokenize, type Token } from './tokens';
import { firstIndex } from './search';

export interface ReadCell {
  row: string;
  column: string;
  value: number | null;
  raw: string;
  status: 'ok' | 'blank' | 'na' | 'invalid' | 'missing';
  start?: number;
  end?: number;
}

export interface ReadTable {
  id: TableId;
  def: TableDef;
  /** The format whose layout the table follows. */
  format: FormatDef;
  status: 'ok' | 'missing' | 'unrecognized';
  start?: number;
  end?: number;
  /** Row ids whose label was found. */
  found: Set<string>;
  /** Number rows of the layout whose label is absent. */
  absent: string[];
  cells: ReadCell[];
  score: number;
}

/** The next anchor must lie this close (compact characters) to the previous one. */
const WINDOW = 700;
/** How far past its start marker a table may reach (flat characters). */
const SPAN = 12000;

export const numberRows = (def: TableDef) =>
  def.sections.flatMap((s) => s.rows.filter((r) => !r.group).map((row) => ({ row, section: s })));

const keyCache = new WeakMap<object, string[]>();

export function rowKeys(row: RowDef): string[] {
  let keys = keyCache.get(row);
  if (!keys)
    keyCache.set(row, (keys = (row.keys ?? [stripOrdinal(row.label).replace(/[（(].*$/, '')]).map(compactLabel)));
  return keys;
}

function columnKeys(col: ColumnDef): string[] {
  let keys = keyCache.get(col);
  if (!keys) keyCache.set(col, (keys = (col.keys ?? [col.label]).map(compactLabel)));
  return keys;
}

function earliest(hay: string, keys: readonly string[], from: number, to: number): [number, string] | null {
  // A short window is searched in its own slice, so a key that is absent does not scan the whole page.
  const window = to - from < 4096 ? hay.slice(from, to) : null;
  let best: [number, string] | null = null;
  for (const k of keys) {
    const i = window !== null ? (window.indexOf(k) < 0 ? -1 : window.indexOf(k) + from) : hay.indexOf(k, from);
    if (i >= 0 && i + k.length <= to && (!best || i < best[0])) best = [i, k];
  }
  return best;
}

function missingCells(def: TableDef, format: FormatDef, status: 'missing' | 'unrecognized', start?: number): ReadTable {
  return { id: def.id, def, format, status, start, found: new Set(), absent: [], cells: [], score: 0 };
}

const empty = (t: Token) => t.kind === 'blank' && t.raw.trim() === '';

/** How many empty fields open a row. */
function leading(values: Token[]): number {
  let lead = 0;
  while (lead < values.length && empty(values[lead]!)) lead++;
  return lead;
}

function mode(counts: number[]): number {
  const seen = new Map<number, number>();
  let best = 0;
  for (const c of counts) {
    seen.set(c, (seen.get(c) ?? 0) + 1);
    if (seen.get(c)! > (seen.get(best) ?? 0)) best = c;
  }
  return best;
}

/**
 * Trims a row's cells down to n (a shorter row keeps its length: the rest are missing cells). Tabs
 * leave empty fields around a row (the label spanning two columns, a trailing tab, rowspan
 * placeholders); `lead` is how many the table's rows usually carry before their numbers, so a row's
 * own blank first cell is not mistaken for one. Trailing empty fields go first, then leading ones,
 * then placeholders (— /) at the edges.
 */
function fit(values: Token[], n: number, lead: number): Token[] {
  let a = 0;
  let b = values.length;
  for (let i = 0; i < lead && b - a > n && empty(values[a]!); i++) a++;
  while (b - a > n && (empty(values[b - 1]!) || empty(values[a]!))) {
    if (empty(values[b - 1]!)) b--;
    else a++;
  }
  while (b - a > n && values[a]!.kind === 'blank') a++;
  while (b - a > n && values[b - 1]!.kind === 'blank') b--;
  return values.slice(a, b);
}

function cellsOf(rowId: string, columns: readonly ColumnDef[], values: Token[]): ReadCell[] {
  return columns.map((col, i) => {
    const t = values[i];
    if (!t) return { row: rowId, column: col.id, value: null, raw: '', status: 'missing' };
    const { value, status } = parseCell(t.raw, col);
    return { row: rowId, column: col.id, value, raw: t.raw.trim(), status, start: t.start, end: t.end };
  });
}

/** The token holding flat offset `at`, or the first after it. */
function tokenAt(tokens: readonly Token[], at: number): number {
  return firstIndex(tokens.length, (i) => tokens[i]!.end > at);
}

/** A labelled table's row labels found in reading order, and how well the format's layout fits them. */
interface Anchored {
  doc: Doc;
  def: TableDef;
  format: FormatDef;
  rows: { row: RowDef; section: TableDef['sections'][number] }[];
  cStart: number;
  cEnd: number;
  anchors: { row: RowDef; columns: ColumnDef[]; at: number; end: number }[];
  score: number;
}

/** One format's reading of a table: its score decides between formats before its cells are read. */
interface Candidate {
  score: number;
  read(): ReadTable;
}

const done = (t: ReadTable): Candidate => ({ score: t.score, read: () => t });

/**
 * Anchors a labelled table (二, 三) on its row labels in reading order; its cells are the numbers
 * after each label (cellsOfLabelled), so a table is read even where its grid is broken.
 */
function anchorLabelled(doc: Doc, def: TableDef, format: FormatDef, from: number, to: number): Candidate {
  const c = doc.compact;
  const rows = numberRows(def);
  const startKeys = (def.start ?? []).map(compactLabel);
  const cFrom = compactIndexAt(c, from);
  const cTo = compactIndexAt(c, to);
  const marker = earliest(c.text, startKeys.length ? startKeys : rowKeys(rows[0]!.row), cFrom, cTo);
  if (!marker) return done(missingCells(def, format, 'missing'));
  const cStart = marker[0];
  const cEnd = Math.min(cTo, compactIndexAt(c, flatAt(c, cStart) + SPAN));

  const anchors: Anchored['anchors'] = [];
  let pos = cStart;
  let limit = Math.min(cEnd, cStart + WINDOW);
  for (const { row, section } of rows) {
    const hit = earliest(c.text, rowKeys(row), pos, limit);
    if (!hit) continue;
    anchors.push({ row, columns: section.columns, at: hit[0], end: hit[0] + hit[1].length });
    pos = hit[0] + hit[1].length;
    limit = Math.min(cEnd, pos + WINDOW);
  }
  if (anchors.length === 0) return done(missingCells(def, format, 'unrecognized', flatAt(c, cStart)));

  const headerEnd = anchors[anchors.length - 1]!.end;
  let columnsFound = 0;
  for (const s of def.sections)
    for (const col of s.columns) if (earliest(c.text, columnKeys(col), cStart, headerEnd)) columnsFound++;
  const anchored: Anchored = {
    doc,
    def,
    format,
    rows,
    cStart,
    cEnd,
    anchors,
    score: anchors.length * 2 + columnsFound,
  };
  return { score: anchored.score, read: () => cellsOfLabelled(anchored) };
}

function cellsOfLabelled({ doc, def, format, rows, cStart, cEnd, anchors, score }: Anchored): ReadTable {
  const c = doc.compact;
  const lastFlat = flatAt(c, anchors[anchors.length - 1]!.end);
  const flatStart = flatAt(c, cStart);
  const flatEnd = Math.min(flatAt(c, cEnd), lastFlat + 600);
  const tokens = tokenize(doc.text, flatStart, flatEnd);
  const labelTokens = anchors.map((a) => tokenAt(tokens, flatAt(c, a.end - 1)));

  const collected = anchors.map((a, i) => {
    const stop = i + 1 < anchors.length ? labelTokens[i + 1]! : tokens.length;
    const values: Token[] = [];
    const n = a.columns.length;
    for (let t = labelTokens[i]! + 1; t < stop; t++) {
      const tok = tokens[t]!;
      if (values.length >= n && tok.line !== values[values.length - 1]!.line) break;
      // Text in a number's place (十三, 约5) is that column's cell: the numbers after it keep their columns.
      if (tok.kind === 'num' || tok.kind === 'blank' || tok.kind === 'odd') values.push(tok);
      else if (values.length > 0) break;
    }
    return values;
  });
  const lead = mode(collected.filter((v, i) => v.length > anchors[i]!.columns.length).map(leading));
  const cells = anchors.flatMap((a, i) => cellsOf(a.row.id, a.columns, fit(collected[i]!, a.columns.length, lead)));

  const found = new Set(anchors.map((a) => a.row.id));
  const lastCell = [...cells].reverse().find((x) => x.end !== undefined);
  return {
    id: def.id,
    def,
    format,
    status: anchors.length * 2 >= rows.length ? 'ok' : 'unrecognized',
    start: flatStart,
    end: lastCell?.end ?? lastFlat,
    found,
    absent: rows.filter((r) => !found.has(r.row.id)).map((r) => r.row.id),
    cells,
    score,
  };
}

const REVIEW_MARKERS = ['结果维持', '未经复议', '复议后起诉', '尚未审结'].map(compactLabel);

/** Reads table 四: one row of fifteen numbers under a two-level header, found by its header words. */
function readReview(doc: Doc, def: TableDef, format: FormatDef, from: number, to: number): ReadTable {
  const c = doc.compact;
  const section = def.sections[0]!;
  const n = section.columns.length;
  const cFrom = compactIndexAt(c, from);
  const cTo = compactIndexAt(c, to);
  const marker = earliest(c.text, REVIEW_MARKERS, cFrom, cTo);
  if (!marker) return missingCells(def, format, 'missing');
  const before = c.text.lastIndexOf(compactLabel('行政复议'), marker[0]);
  const cStart = before >= 0 && marker[0] - before < 300 ? before : marker[0];
  const flatStart = flatAt(c, cStart);
  const tokens = tokenize(doc.text, flatStart, Math.min(to, flatStart + 4000));
  let run: Token[] = [];
  let best: Token[] = [];
  // An empty template's row is all blanks: taken only when no row with numbers follows.
  let blankRow: Token[] = [];
  const numbered = (r: Token[]) => r.some((t) => t.kind === 'num');
  for (const tok of [...tokens, null]) {
    if (tok && (tok.kind === 'num' || tok.kind === 'blank' || tok.kind === 'odd')) {
      run.push(tok);
      continue;
    }
    if (run.length >= n && numbered(run)) {
      best = run;
      break;
    }
    if (numbered(run) && run.length > best.length) best = run;
    if (!numbered(run) && run.length >= n && !blankRow.length) blankRow = run;
    run = [];
  }
  if (!best.length && blankRow.length) best = blankRow;
  if (best.length === 0) return missingCells(def, format, 'unrecognized', flatStart);
  const cells = cellsOf(section.rows[0]!.id, section.columns, fit(best, n, leading(best)));
  return {
    id: def.id,
    def,
    format,
    status: best.length >= n ? 'ok' : 'unrecognized',
    start: flatStart,
    end: best[best.length - 1]!.end,
    found: new Set([section.rows[0]!.id]),
    absent: [],
    cells,
    score: Math.min(best.length, n),
  };
}

function candidate(doc: Doc, def: TableDef, format: FormatDef, from: number, to: number): Candidate {
  return def.id === 'review'
    ? done(readReview(doc, def, format, from, to))
    : anchorLabelled(doc, def, format, from, to);
}

export function readTable(doc: Doc, def: TableDef, format: FormatDef, from = 0, to = doc.text.length): ReadTable {
  return candidate(doc, def, format, from, to).read();
}

const signatures = new WeakMap<TableDef, string>();
function signature(def: TableDef): string {
  let sig = signatures.get(def);
  if (!sig) signatures.set(def, (sig = JSON.stringify(def)));
  return sig;
}

/**
 * Anchors each of the three tables with every format that defines it and reads the layout that fits
 * best (ties go to the expected format): so a 2019 table in a 2021 report is read, and named.
 */
export function readTables(
  doc: Doc,
  candidates: readonly FormatDef[],
  expected: FormatDef | null,
): Map<TableId, ReadTable> {
  const result = new Map<TableId, ReadTable>();
  const ordered = expected ? [expected, ...candidates.filter((f) => f !== expected)] : [...candidates];
  let from = 0;
  for (const id of ['active', 'requests', 'review'] as const) {
    let chosen: Candidate | null = null;
    const seen = new Set<string>();
    for (const format of ordered) {
      const def = format.tables.find((t) => t.id === id);
      // formats that print a table identically (table 四) need it read once
      if (!def || seen.has(signature(def))) continue;
      seen.add(signature(def));
      // `from` is 0 until table 三 is read: table 四 is looked for after it.
      const c = candidate(doc, def, format, from, doc.text.length);
      if (!chosen || c.score > chosen.score) chosen = c;
    }
    // Only the layout that fits best has its cells read.
    const best = chosen?.read();
    if (best) {
      result.set(id, best);
      if (best.end !== undefined && id === 'requests') from = best.end;
    }
  }
  return result;
}
