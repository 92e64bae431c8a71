import * as z from 'zod/mini';
import { FormatId, Level, TableId } from '../format/schema';

/** What the engine says about one report: the extension shows it, the CLI prints it (--json). */

export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

export const FindingCode = z.enum([
  'part-missing',
  'part-title',
  'part-order',
  'table-missing',
  'table-format',
  'table-image',
  'sum-mismatch',
  'cell-invalid',
  'value-implausible',
  'text-table-mismatch',
  'year-mismatch',
  'deadline',
  'format-outdated',
  'old-format',
  'content-missing',
  'not-a-report',
  'carryover-mismatch',
  'copied-text',
  'cells-blank',
  'template-text',
  'part-empty',
  'attachment-only',
  'scanned-file',
  'figure-jump',
]);
export type FindingCode = z.infer<typeof FindingCode>;

const num = z.number();

/** A table cell a finding names: the grid marks it, the panel jumps to it. */
export const CellRef = z.object({
  row: z.string(),
  column: z.string(),
  start: z.optional(num),
  end: z.optional(num),
});
export type CellRef = z.infer<typeof CellRef>;

export const Finding = z.object({
  code: FindingCode,
  severity: Severity,
  message: z.string(),
  part: z.optional(z.number()),
  table: z.optional(TableId),
  row: z.optional(z.string()),
  column: z.optional(z.string()),
  rule: z.optional(z.string()),
  expected: z.optional(num),
  actual: z.optional(z.nullable(num)),
  /** Offsets into the document's flat text: what the extension scrolls to and marks. */
  start: z.optional(num),
  end: z.optional(num),
  /** The cells a grouped finding stands for (cells-blank: every blank cell of its table). */
  cells: z.optional(z.array(CellRef)),
});
export type Finding = z.infer<typeof Finding>;

export const PartStatus = z.enum(['ok', 'retitled', 'missing']);
export const PartResult = z.object({
  part: num,
  status: PartStatus,
  heading: z.optional(z.string()),
  title: z.string(),
  start: z.optional(num),
  end: z.optional(num),
  /** Whether the format demands this part; false for the old structure's parts (shown as information). */
  required: z.optional(z.boolean()),
  /** What the part holds under its heading: nothing, only the skeleton's template text, or text of its own. */
  content: z.optional(z.enum(['none', 'template', 'own'])),
});
export type PartResult = z.infer<typeof PartResult>;

export const ReportFormat = z.enum(['2021', '2019', 'pre2019', 'unknown']);
export type ReportFormat = z.infer<typeof ReportFormat>;

export const CellResult = z.object({
  row: z.string(),
  column: z.string(),
  value: z.nullable(num),
  raw: z.string(),
  /**
   * ok | blank (nothing written: counts 0 in sums, reported once per table) | na (not applicable:
   * —, /, 无, 不适用; counts 0, not missing) | invalid (not a number for this column; a Chinese
   * numeral keeps its value) | missing (no cell at all)
   */
  status: z.enum(['ok', 'blank', 'na', 'invalid', 'missing']),
  start: z.optional(num),
  end: z.optional(num),
});
export type CellResult = z.infer<typeof CellResult>;

export const TableResult = z.object({
  table: TableId,
  status: z.enum(['ok', 'missing', 'unrecognized']),
  format: ReportFormat,
  start: z.optional(num),
  end: z.optional(num),
  cells: z.optional(z.array(CellResult)),
  /** Whether the format the year requires demands this table. */
  required: z.optional(z.boolean()),
  /** How many of its cells are still blank (or missing). */
  blank: z.optional(num),
});
export type TableResult = z.infer<typeof TableResult>;

/**
 * Where the draft stands, computed by the engine (docs/engine.md):
 * empty — no text yet; not-a-report — the page is something else; needs-year — a report whose year
 * (so whose format) is unknown: ask for it; in-progress — only unfinished work is left (parts,
 * tables, blank cells, template text); problems — errors or warnings beyond unfinished work;
 * all-clear — year and format known, every demanded part written, every table read and filled, no
 * error or warning.
 */
export const Verdict = z.enum(['empty', 'not-a-report', 'needs-year', 'in-progress', 'problems', 'all-clear']);
export type Verdict = z.infer<typeof Verdict>;

export const Progress = z.object({
  /** Demanded parts present with text of their own (not only a heading, sub-headings or template sentences). */
  partsWritten: num,
  /** Parts the format demands: 6 from 2019 on, 0 for the old structure or while the format is unknown. */
  partsRequired: num,
  /** Demanded tables read with no blank cell. */
  tablesFilled: num,
  tablesRequired: num,
  errors: num,
  warnings: num,
  /** Parts whose text is still only the skeleton's (template sentences, 某某, bare sub-headings, zero tables). */
  templateParts: z.array(num),
  /** Checks that could not run because the year is unknown (the CLI names them; --year supplies it). */
  unchecked: z.array(FindingCode),
});
export type Progress = z.infer<typeof Progress>;

export const ReportJson = z.object({
  source: z.string(),
  title: z.nullable(z.string()),
  year: z.nullable(num),
  unit: z.nullable(z.string()),
  level: Level,
  format: ReportFormat,
  expectedFormat: ReportFormat,
  publishedAt: z.nullable(z.string()),
  /** The website and its column the page was published in, as the page's meta tags state them. */
  site: z.optional(z.nullable(z.string())),
  column: z.optional(z.nullable(z.string())),
  parts: z.array(PartResult),
  tables: z.array(TableResult),
  findings: z.array(Finding),
  verdict: Verdict,
  progress: Progress,
  /** The file the page links as its report, when the page holds nothing else of it. */
  attachment: z.optional(z.object({ name: z.string(), href: z.string() })),
});
export type ReportJson = z.infer<typeof ReportJson>;

export const AuditOutput = z.array(ReportJson);

export { FormatId, Level, TableId };
