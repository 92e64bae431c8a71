import type { Checked } from '../../check/engine';
import type { Finding, TableId } from '../../check/report';
import type { FormatId } from '../../format/schema';

/** One cell a fix writes: its ids, the value, and where the cell's text lies in the draft's flat text. */
export interface CellWrite {
  row: string;
  column: string;
  value: number;
  /** The cell as the engine read it (status blank: the empty cell's position). */
  start: number;
  end: number;
  /** What the cell holds now ('' when blank). */
  raw: string;
}

/**
 * What a fix changes, in offsets of the checked draft's flat text. Cell writes and layout changes
 * of one table are composed when several fixes are applied together (plan.ts).
 */
export type Change =
  | { kind: 'text'; start: number; end: number; text: string }
  | { kind: 'cells'; table: TableId; cells: CellWrite[] }
  | { kind: 'layout'; table: TableId; to: FormatId }
  | { kind: 'insert'; part: number; format: FormatId; before: number | null; tables: boolean };

/** A mend for one finding: what it changes and one line of Chinese saying so (旧 → 新). */
export interface Fix {
  /** Names the finding across two readings of the same draft (the page and the editor's HTML). */
  key: string;
  /** Index of the finding in the report's findings. */
  finding: number;
  code: Finding['code'];
  changes: Change[];
  preview: string;
}

/** A fix function: the mend for one finding of a checked draft, or null when it has no unambiguous one. */
export type FixFor = (checked: Checked, finding: Finding) => Omit<Fix, 'key' | 'finding' | 'code'> | null;
