import * as z from 'zod/mini';

/** Ids the rest of the code uses; labels stay Chinese and live only in the data. */
export const FormatId = z.enum(['2021', '2019', 'pre2019']);
export type FormatId = z.infer<typeof FormatId>;

export const TableId = z.enum(['active', 'requests', 'review']);
export type TableId = z.infer<typeof TableId>;

export const Level = z.enum(['township', 'county', 'city', 'province', 'department', 'unknown']);
export type Level = z.infer<typeof Level>;

const text = z.string().check(z.minLength(1));

export const PartDef = z.object({
  number: z.number().check(z.int(), z.gte(1)),
  title: text,
  /** Headings seen in real reports that still mean this part (matched tolerantly). */
  variants: z.array(text),
  /** Words that identify the part in a heading that is neither the title nor a variant. */
  keywords: z.array(text),
  /** Sub-headings the paragraph text usually holds; usual ones are inserted by the skeleton. */
  subheadings: z.optional(z.array(text)),
  /** Boilerplate paragraphs the popup offers for this part (alternatives). */
  boilerplate: z.optional(z.array(text)),
});
export type PartDef = z.infer<typeof PartDef>;

export const ColumnDef = z.object({
  id: text,
  label: text,
  /** The header cell spanning this column with its neighbours (法人或其他组织, 行政复议 …). */
  group: z.optional(text),
  /** A second, inner group level (未经复议直接起诉 under 行政诉讼). */
  subgroup: z.optional(text),
  keys: z.optional(z.array(text)),
  /** Money: decimals allowed. */
  money: z.optional(z.boolean()),
  /** A change: may be negative (本年增/减). */
  signed: z.optional(z.boolean()),
});
export type ColumnDef = z.infer<typeof ColumnDef>;

export const RowDef = z.object({
  id: text,
  label: text,
  parent: z.optional(text),
  /** A group row carries no numbers of its own: its value is the sum of its children. */
  group: z.optional(z.boolean()),
  /** Tolerant match keys; the first is what a heading must contain. Defaults to the label without its ordinal. */
  keys: z.optional(z.array(text)),
});
export type RowDef = z.infer<typeof RowDef>;

export const SectionDef = z.object({
  id: text,
  label: z.optional(text),
  columns: z.array(ColumnDef).check(z.minLength(1)),
  rows: z.array(RowDef).check(z.minLength(1)),
});
export type SectionDef = z.infer<typeof SectionDef>;

export const TableDef = z.object({
  id: TableId,
  part: z.number().check(z.int(), z.gte(1)),
  title: text,
  /** Printed inside the table's corner cell (the 勾稽关系 note of table 三). */
  note: z.optional(text),
  /** Where the table starts: any of these keys; the first row label is used when absent. */
  start: z.optional(z.array(text)),
  /** Header of the label column(s). */
  labelHeader: z.optional(text),
  sections: z.array(SectionDef).check(z.minLength(1)),
});
export type TableDef = z.infer<typeof TableDef>;

/**
 * An equation or inequality over one table. `over: 'columns'` applies it to every column of the
 * section with the ids naming rows; `over: 'rows'` applies it to every number row with the ids naming columns.
 * A group id stands for the sum of its leaf rows.
 */
export const RuleDef = z.object({
  id: text,
  table: TableId,
  section: z.optional(text),
  over: z.enum(['columns', 'rows']),
  left: z.array(text).check(z.minLength(1)),
  op: z.enum(['=', '<=', '>=']),
  right: z.array(text).check(z.minLength(1)),
  /** Restrict to these rows (over rows) or columns (over columns). */
  only: z.optional(z.array(text)),
  code: z.enum(['sum-mismatch', 'value-implausible']),
  label: text,
});
export type RuleDef = z.infer<typeof RuleDef>;

/** A cell that must be 0 for units of some levels (规章 outside provinces and 设区的市). */
export const LevelRuleDef = z.object({
  table: TableId,
  row: text,
  levels: z.array(Level),
  label: text,
});
export type LevelRuleDef = z.infer<typeof LevelRuleDef>;

/** A sentence pattern in the prose and the table cell it must agree with. */
export const TextClaimDef = z.object({
  id: text,
  /** A regular expression over compact text (no white space, half-width digits); group 1 is the number, none means 0. */
  pattern: text,
  table: TableId,
  rows: z.array(text).check(z.minLength(1)),
  column: text,
  label: text,
});
export type TextClaimDef = z.infer<typeof TextClaimDef>;

export const ContentRuleDef = z.object({
  id: text,
  /** Where to look: one part's text, or the whole report (0). */
  part: z.number().check(z.int(), z.gte(0)),
  any: z.array(text).check(z.minLength(1)),
  onlyGovernment: z.optional(z.boolean()),
  label: text,
});
export type ContentRuleDef = z.infer<typeof ContentRuleDef>;

export const Deadline = z.object({
  month: z.number().check(z.int(), z.gte(1), z.lte(12)),
  day: z.number().check(z.int(), z.gte(1), z.lte(31)),
  label: text,
});

export const FormatDef = z.object({
  id: FormatId,
  name: text,
  basis: text,
  years: z.object({ from: z.number(), to: z.optional(z.number()) }),
  /** false for the old structure: recognised, not demanded. */
  demandsParts: z.boolean(),
  /** Deadline in the year after the report year; governments at county level and above may use `governmentDeadline`. */
  deadline: Deadline,
  governmentDeadline: z.optional(Deadline),
  parts: z.array(PartDef).check(z.minLength(1)),
  tables: z.array(TableDef),
  rules: z.array(RuleDef),
  levelRules: z.array(LevelRuleDef),
  textClaims: z.array(TextClaimDef),
  contentRules: z.array(ContentRuleDef),
  /** Heading words that only the old structure uses (收费及减免 …). */
  cues: z.optional(z.array(text)),
});
export type FormatDef = z.infer<typeof FormatDef>;
