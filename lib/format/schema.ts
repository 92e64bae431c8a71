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

// ---- claims: what the narrative states about the tables (text-table-mismatch) ----

/**
 * A figure the narrative states ("予以公开N件") and the table cells it must equal. `before` is a regular
 * expression over compact text (no white space, half-width digits and punctuation, 、 as '.') that must
 * end where the number's filler (共, 为, 的 …) begins; the claim whose words end closest to the number
 * wins. A claim has `before`, `after` or both.
 */
export const FigureClaimDef = z.object({
  id: text,
  table: TableId,
  /** Rows summed; a group row stands for its leaves. */
  rows: z.array(text).check(z.minLength(1)),
  /** Columns summed (行政诉讼 is 未经复议直接起诉 plus 复议后起诉). */
  columns: z.array(text).check(z.minLength(1)),
  /** How the narrative names the figure, for the message: 现行有效行政规范性文件. */
  label: text,
  before: z.optional(text),
  /** Or words right after the number's unit: 另有103件顺延到下年度, 其中10件予以公开. */
  after: z.optional(text),
  /** Non-digit characters allowed between the words and the number (default 0). */
  gap: z.optional(z.number().check(z.int(), z.gte(0), z.lte(16))),
  /** The topic in force at the number (the last topic word of the sentence before it) must be one of these. */
  topics: z.optional(z.array(text)),
  /** Only right after one of these claims in the same sentence (其中自然人N件 after 收到申请N件). */
  follows: z.optional(z.array(text)),
  /** Words in the sentence before the number that put the figure out of this claim's reach (主动公开 …). */
  unless: z.optional(text),
  /** An amount in 万元 (元 is converted) rather than a count. */
  money: z.optional(z.boolean()),
  /** Units a count may carry here (default 件 个 条 次 份 起 宗). */
  units: z.optional(z.array(text)),
  /** Claims this figure is a share of, nearest first, for 占X% (stated in the sentence, else read in the table). */
  wholes: z.optional(z.array(text)),
});
export type FigureClaimDef = z.infer<typeof FigureClaimDef>;

/** A phrase that says a count is zero (未收到政府信息公开申请): the cells must sum to 0. */
export const NoneClaimDef = z.object({
  id: text,
  table: TableId,
  rows: z.array(text).check(z.minLength(1)),
  columns: z.array(text).check(z.minLength(1)),
  /** A regular expression over compact text. */
  pattern: text,
  label: text,
});
export type NoneClaimDef = z.infer<typeof NoneClaimDef>;

/** Words that set what a sentence is about from there on (规范性文件, 申请, 行政复议 …). */
export const TopicDef = z.object({ id: text, words: z.array(text).check(z.minLength(1)) });
export type TopicDef = z.infer<typeof TopicDef>;

export const ClaimsDef = z.object({
  topics: z.array(TopicDef),
  figures: z.array(FigureClaimDef),
  none: z.array(NoneClaimDef),
  /** Filler between a claim's words and its number (regular expression): 共, 共计, 为, 的 … */
  filler: text,
  /** Joins two claims' words into one summed figure: 予以公开及部分公开N件. */
  conjunction: text,
  /** A clause with these words states another time (较上年, 同比, 去年 …): its figures are not claimed. */
  comparison: text,
  /** Right before or after a number, these make it approximate (约, 近, 余, 以上 …). */
  approxBefore: text,
  approxAfter: text,
  /** Words for the area a government covers (全市, 全区 …): another scope in a department's report. */
  area: text,
  /** Words for the units below the reporting organ (各部门, 各乡镇 …): always another scope. */
  below: text,
});
export type ClaimsDef = z.infer<typeof ClaimsDef>;

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
  /** What the narrative states about the tables, checked by text-table-mismatch (none without tables). */
  claims: z.optional(ClaimsDef),
  contentRules: z.array(ContentRuleDef),
  /** Heading words that only the old structure uses (收费及减免 …). */
  cues: z.optional(z.array(text)),
});
export type FormatDef = z.infer<typeof FormatDef>;
