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
]);
export type FindingCode = z.infer<typeof FindingCode>;

const num = z.number();

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
});
export type PartResult = z.infer<typeof PartResult>;

export const ReportFormat = z.enum(['2021', '2019', 'pre2019', 'unknown']);
export type ReportFormat = z.infer<typeof ReportFormat>;

export const CellResult = z.object({
  row: z.string(),
  column: z.string(),
  value: z.nullable(num),
  raw: z.string(),
  /** ok | blank ("", 无, —) | invalid (not a number for this column) | missing (no cell at all) */
  status: z.enum(['ok', 'blank', 'invalid', 'missing']),
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
});
export type TableResult = z.infer<typeof TableResult>;

export const ReportJson = z.object({
  source: z.string(),
  title: z.nullable(z.string()),
  year: z.nullable(num),
  unit: z.nullable(z.string()),
  level: Level,
  format: ReportFormat,
  expectedFormat: ReportFormat,
  publishedAt: z.nullable(z.string()),
  parts: z.array(PartResult),
  tables: z.array(TableResult),
  findings: z.array(Finding),
});
export type ReportJson = z.infer<typeof ReportJson>;

export const AuditOutput = z.array(ReportJson);

export { FormatId, Level, TableId };
