import { format2019, format2021, formatForYear, formatPre2019, formats } from '../format';
import type { FormatDef, TableDef, TableId } from '../format/schema';
import type { Attachment } from '../read/attachments';
import type { Doc } from '../read/doc';
import { readMeta, type Meta } from '../read/meta';
import { findHeadings, matchParts, type Heading, type PartMatch } from '../read/parts';
import { readTables, rowKeys, type ReadTable } from '../read/tables';
import type { FindingCode, ReportFormat } from './report';
import { evaluate, type Violation } from './rules';
import { listsReports, opensLikeReport, titleNamesOther, titleNamesReport } from '../read/classify';
import { compactLabel } from '../read/text';
import { readPartContents, type PartReading } from './content';

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
  /** No text at all: a new, empty draft (its own state, not "no report"). */
  empty: boolean;
  /** What each found part holds: prose of its own, only the skeleton's template text, or nothing. */
  contents: Map<number, PartReading>;
  now: Date;
  previous?: Previous;
  file?: FileInfo;
}

/** The file a report was read from, when it was not a page or a text. */
export interface FileInfo {
  kind: 'pdf' | 'docx' | 'doc';
  pages?: number;
  /** PDF pages with no text layer (scanned images). */
  imagePages?: number;
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
  /** The title the CMS keeps in a field beside the editor, when the draft's body holds none. */
  title?: string;
  /** The publication date the page shows outside the text checked. */
  publishedAt?: string;
  now?: Date;
  previous?: Previous;
  /** Last year's report by this one's unit and year, before `previous` (lib/check/engine.ts CheckOptions). */
  previousOf?: (unit: string | null, year: number | null) => Previous | undefined;
  file?: FileInfo;
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
  const meta = readMeta(doc, options.title);
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

  const read = [...tables.values()].filter((t) => t.status === 'ok');
  // Table 二's labels (规章, 行政许可 …) also head other statistics; 三 and 四 are the report's own.
  const reportTables = read.length >= 2 || read.some((t) => t.id !== 'active');
  const head = doc.compact.text.slice(0, 5000);
  const lines = firstLines(doc.text, 0, 40);
  // A first line that reads as a title names the page even when it is not a report's title (…工作要点).
  const heading = meta.title ?? lines.find((l) => l.length <= 50 && !/[。；;]/.test(l)) ?? '';
  const other = titleNamesOther(heading) || listsReports(lines);
  // The opening paragraph: the first real paragraph after the title (a date or unit line may come between).
  const opening = firstLines(doc.text, meta.titleEnd ?? 0, 3).find((l) => l.length >= 20) ?? '';
  const named = (!!meta.title && titleNamesReport(meta.title)) || opensLikeReport(compactLabel(opening));
  const partHeading = six.some((p) => p.heading && p.heading.number === p.part && namesPart(p));
  // The old structure: before 2019 some units titled their report 工作总结.
  const oldReport = oldFound >= 3 && /政府信息公开/.test(head);
  const isReport = other
    ? reportTables || (oldReport && year !== null && year < 2019)
    : reportTables || named || partHeading || sixFound >= 3 || oldReport;

  let format: ReportFormat;
  if (tableFormat) format = tableFormat;
  else if ((year !== null && year < 2019) || (oldCue && oldFound >= 2)) format = 'pre2019';
  else if (sixFound >= 2) format = expected?.demandsParts ? expected.id : 'unknown';
  else if (oldFound >= 2) format = 'pre2019';
  // A draft just begun (a title, an opening, part 一): judged against the format its year requires.
  else format = isReport && expected?.demandsParts ? expected.id : 'unknown';

  const violations = new Map<TableId, Violation[]>();
  for (const [id, t] of tables) {
    if (t.status === 'ok') violations.set(id, evaluate(t.def, t.format.rules, t.cells, t.found));
  }

  const parts = format === 'pre2019' ? old : six;
  const tableParts = new Map((format === 'pre2019' ? [] : (expected ?? format2021).tables).map((t) => [t.id, t.part]));
  return {
    doc,
    source: options.source ?? '',
    meta,
    year,
    expected,
    format,
    parts,
    headings,
    tables,
    violations,
    isReport,
    empty: doc.compact.text.length === 0,
    contents: readPartContents(doc.text, parts, tables, (id) => tableParts.get(id)),
    now: options.now ?? new Date(),
    previous: options.previousOf?.(meta.unit, year) ?? options.previous,
    file: options.file,
  };
}

/** Up to `count` non-empty lines of the text from `from` on. */
function firstLines(text: string, from: number, count: number): string[] {
  const out: string[] = [];
  let at = from;
  while (at < text.length && out.length < count && at - from < 20000) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const line = text.slice(at, end).trim();
    if (line) out.push(line);
    at = end + 1;
  }
  return out;
}

/** A heading worded as the part (its title, a usual variant, or holding the title), not only by a keyword. */
function namesPart(p: PartMatch): boolean {
  if (p.status === 'ok') return true;
  const part = format2021.parts.find((x) => x.number === p.part)!;
  const words = p.heading!.words;
  return [part.title, ...part.variants].some(
    (v) => words === compactLabel(v) || words.includes(compactLabel(part.title)),
  );
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
  return !!a.expected?.demandsParts && a.format !== 'pre2019' && a.format !== 'unknown' && !bodyInAttachment(a);
}

/**
 * The page is only a title and a link to the report as a file: no table read, at most one part
 * heading, and a document attached. Its structure is the attachment's, not the page's.
 */
export function bodyInAttachment(a: Analysis): boolean {
  if (!a.doc.attachments?.length) return false;
  if ([...a.tables.values()].some((t) => t.status === 'ok')) return false;
  return a.parts.filter((p) => p.status !== 'missing').length <= 1;
}

/** The attached file that is the report: one named like a report, else the only one of a report page. */
export function reportAttachment(a: Analysis): Attachment | undefined {
  if (!bodyInAttachment(a)) return undefined;
  const files = a.doc.attachments!;
  return files.find((f) => titleNamesReport(f.name.replace(/\.\w+$/, ''))) ?? (a.isReport ? files[0] : undefined);
}

const labelCache = new WeakMap<TableDef, Map<string, string>>();

/** A table's row and column labels by id ("r:" / "c:"), built once per table: findings name many cells. */
function labelsOf(def: TableDef): Map<string, string> {
  let labels = labelCache.get(def);
  if (!labels) {
    labels = new Map();
    for (const s of def.sections) {
      for (const r of s.rows) if (!labels.has(`r:${r.id}`)) labels.set(`r:${r.id}`, r.label);
      for (const c of s.columns)
        if (!labels.has(`c:${c.id}`)) labels.set(`c:${c.id}`, [c.group, c.subgroup, c.label].filter(Boolean).join('·'));
    }
    labelCache.set(def, labels);
  }
  return labels;
}

export function rowLabel(def: TableDef, id: string): string {
  return labelsOf(def).get(`r:${id}`) ?? id;
}

export function columnLabel(def: TableDef, id: string): string {
  return labelsOf(def).get(`c:${id}`) ?? id;
}

export type { FindingCode };
