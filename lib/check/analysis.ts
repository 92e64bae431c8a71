import { format2019, format2021, formatForYear, formatPre2019, formats } from '../format';
import type { FormatDef, TableDef, TableId } from '../format/schema';
import type { Doc } from '../read/doc';
import { readMeta, type Meta } from '../read/meta';
import { findHeadings, matchParts, type Heading, type PartMatch } from '../read/parts';
import { readTables, rowKeys, type ReadTable } from '../read/tables';
import type { FindingCode, ReportFormat } from './report';
import { evaluate, type Violation } from './rules';
import { looksLikeReport } from '../read/classify';
import { compactLabel } from '../read/text';

/** The engine's reading of one document, shared by every check. */
export interface Analysis {
  doc: Doc;
  source: string;
  meta: Meta;
  year: number | null;
  /** The format the report year requires (null when the year is unknown). */
  expected: FormatDef | null;
  /** The structure the document uses. */
  format: ReportFormat;
  /** The parts judged against the document's own structure. */
  parts: PartMatch[];
  headings: Heading[];
  tables: Map<TableId, ReadTable>;
  violations: Map<TableId, Violation[]>;
  isReport: boolean;
  now: Date;
  previous?: Previous;
}

/** What the cross-year checks need of last year's report. */
export interface Previous {
  source: string;
  year: number | null;
  text: string;
  tables: { table: TableId; cells?: { row: string; column: string; value: number | null }[] }[];
}

export interface AnalyseOptions {
  source?: string;
  year?: number;
  /** The publication date the page shows outside the text checked. */
  publishedAt?: string;
  now?: Date;
  previous?: Previous;
}

// Table rows that start with a top-level ordinal (一、本年新收…) are not part headings.
const TOP_ROW_KEYS = [
  ...new Set(
    formats.flatMap((f) =>
      f.tables.flatMap((t: TableDef) => t.sections.flatMap((s) => s.rows.filter((r) => !r.parent).flatMap(rowKeys))),
    ),
  ),
];
const OLD_CUES = (formatPre2019.cues ?? []).map(compactLabel);

export function analyse(doc: Doc, options: AnalyseOptions = {}): Analysis {
  const meta = readMeta(doc);
  if (!meta.publishedAt && options.publishedAt) meta.publishedAt = { date: options.publishedAt };
  const year = options.year ?? meta.year;
  const expected = year ? formatForYear(year) : null;
  const tableFormats = [format2021, format2019];
  const tables = readTables(doc, tableFormats, expected?.tables.length ? expected : null);
  const headings = findHeadings(doc, TOP_ROW_KEYS);
  const six = matchParts(headings, expected?.demandsParts ? expected : format2021);
  const sixFound = six.filter((p) => p.status !== 'missing').length;
  const old = matchParts(headings, formatPre2019);
  const oldFound = old.filter((p) => p.status !== 'missing').length;

  const active = tables.get('active');
  const requests = tables.get('requests');
  const tableFormat =
    active?.status === 'ok' ? active.format.id : requests?.status === 'ok' ? requests.format.id : null;
  const oldCue = headings.some((h) => OLD_CUES.some((cue) => h.words.includes(cue)));

  let format: ReportFormat;
  if (tableFormat) format = tableFormat;
  else if ((year !== null && year < 2019) || (oldCue && oldFound >= 2)) format = 'pre2019';
  else if (sixFound >= 2) format = expected?.demandsParts ? expected.id : 'unknown';
  else format = oldFound >= 2 ? 'pre2019' : 'unknown';

  const anyTable = [...tables.values()].some((t) => t.status === 'ok');
  const titled = !!meta.title && looksLikeReport(meta.title);
  const isReport =
    anyTable || titled || sixFound >= 3 || (oldFound >= 3 && /政府信息公开/.test(doc.compact.text.slice(0, 5000)));

  const violations = new Map<TableId, Violation[]>();
  for (const [id, t] of tables) {
    if (t.status === 'ok') violations.set(id, evaluate(t.def, t.format.rules, t.cells, t.found));
  }

  return {
    doc,
    source: options.source ?? '',
    meta,
    year,
    expected,
    format,
    parts: format === 'pre2019' ? old : six,
    headings,
    tables,
    violations,
    isReport,
    now: options.now ?? new Date(),
    previous: options.previous,
  };
}

/** The part whose text holds a flat offset. */
export function partAt(a: Analysis, offset: number | undefined): number | undefined {
  if (offset === undefined) return undefined;
  let best: PartMatch | undefined;
  for (const p of a.parts) if (p.start !== undefined && p.start <= offset && (!best || p.start > best.start!)) best = p;
  return best?.part;
}

/** Whether the report is judged against the 2019/2021 six-part structure. */
export function demandsStructure(a: Analysis): boolean {
  return !!a.expected?.demandsParts && a.format !== 'pre2019' && a.format !== 'unknown';
}

export function rowLabel(def: TableDef, id: string): string {
  return def.sections.flatMap((s) => s.rows).find((r) => r.id === id)?.label ?? id;
}

export function columnLabel(def: TableDef, id: string): string {
  const col = def.sections.flatMap((s) => s.columns).find((c) => c.id === id);
  if (!col) return id;
  return [col.group, col.subgroup, col.label].filter(Boolean).join('·');
}

export type { FindingCode };
