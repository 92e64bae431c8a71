import type { ColumnDef, FormatDef, RowDef, SectionDef, TableDef, TableId } from '../format/schema';
import { cellKey, leavesOf } from '../check/rules';

/** One number cell of a table, as the format lays it out. */
export interface NumberCell {
  key: string;
  row: RowDef;
  column: ColumnDef;
  section: SectionDef;
}

/** Why a typed value is refused; the UI turns the code into a message. */
export type CellError = 'nonNegativeInteger' | 'integer' | 'nonNegativeNumber' | 'negativeResult';

/** A derived cell: the sum of `plus` minus the sum of `minus` (cell keys). */
interface Derivation {
  plus: string[];
  minus: string[];
}

export interface Filled {
  /** Every number cell's value: leaves as typed (blank counts as 0), derived cells computed. */
  values: Map<string, number>;
  /** Keys of the cells computed from the format's rules (read-only for the clerk). */
  derived: Set<string>;
  errors: Map<string, CellError>;
}

export function tableDef(format: FormatDef, id: TableId): TableDef {
  const def = format.tables.find((t) => t.id === id);
  if (!def) throw new Error(`format ${format.id} has no table ${id}`);
  return def;
}

export function numberCells(def: TableDef): NumberCell[] {
  return def.sections.flatMap((section) =>
    section.rows
      .filter((r) => !r.group)
      .flatMap((row) => section.columns.map((column) => ({ key: cellKey(row.id, column.id), row, column, section }))),
  );
}

const derivationCache = new WeakMap<FormatDef, Map<TableId, Map<string, Derivation[]>>>();

/**
 * Which cells the '=' rules make totals, and how to compute each. The single-cell side of a rule is
 * its total (the 总计 column, the （七）总计 row, the 总计 of each review group); when both sides hold
 * several cells (一 + 二 = 七 + 四) the last cell of the right side is solved for: 四、结转下年度 is what
 * is left once the year's results are counted.
 */
export function derivations(format: FormatDef, id: TableId): Map<string, Derivation[]> {
  let byTable = derivationCache.get(format);
  if (!byTable) derivationCache.set(format, (byTable = new Map()));
  const cached = byTable.get(id);
  if (cached) return cached;
  const def = tableDef(format, id);
  const out = new Map<string, Derivation[]>();
  const add = (target: string, d: Derivation) => out.set(target, [...(out.get(target) ?? []), d]);
  for (const rule of format.rules) {
    if (rule.table !== id || rule.op !== '=') continue;
    for (const section of def.sections) {
      if (rule.section && rule.section !== section.id) continue;
      const rowIds = new Set(section.rows.filter((r) => !r.group).map((r) => r.id));
      const columnIds = section.columns.map((c) => c.id);
      const byColumns = rule.over === 'columns';
      const [left, right] = byColumns
        ? [rule.left, rule.right].map((ids) => ids.flatMap((r) => leavesOf(def, r)))
        : [rule.left, rule.right];
      const known = byColumns ? (x: string) => rowIds.has(x) : (x: string) => columnIds.includes(x);
      if (![...left!, ...right!].every(known)) continue;
      const lines = rule.only ?? (byColumns ? columnIds : [...rowIds]);
      for (const line of lines) {
        const key = (x: string) => (byColumns ? cellKey(x, line) : cellKey(line, x));
        if (left!.length === 1) add(key(left![0]!), { plus: right!.map(key), minus: [] });
        else if (right!.length === 1) add(key(right![0]!), { plus: left!.map(key), minus: [] });
        else add(key(right!.at(-1)!), { plus: left!.map(key), minus: right!.slice(0, -1).map(key) });
      }
    }
  }
  byTable.set(id, out);
  return out;
}

const toHalfWidth = (s: string) =>
  s.replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[−—–]/g, '-');

/** A typed cell: blank is fine (0), otherwise a number of the kind the column holds. */
export function validateCell(column: ColumnDef, raw: string): { value: number | null } | { error: CellError } {
  const s = toHalfWidth(raw.trim());
  if (s === '') return { value: null };
  if (column.money) return /^\d+(\.\d+)?$/.test(s) ? { value: Number(s) } : { error: 'nonNegativeNumber' };
  if (column.signed) return /^[-+]?\d+$/.test(s) ? { value: Number(s) } : { error: 'integer' };
  return /^\d+$/.test(s) ? { value: Number(s) } : { error: 'nonNegativeInteger' };
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * The table as the clerk has typed it so far: leaves validated, every total computed from the
 * format's rules. Typed values for derived cells are ignored (they are not the clerk's to set).
 */
export function fillTable(format: FormatDef, id: TableId, typed: ReadonlyMap<string, string>): Filled {
  const def = tableDef(format, id);
  const rules = derivations(format, id);
  const cells = numberCells(def);
  const values = new Map<string, number>();
  const errors = new Map<string, CellError>();
  for (const c of cells) {
    if (rules.has(c.key)) continue;
    const r = validateCell(c.column, typed.get(c.key) ?? '');
    if ('error' in r) errors.set(c.key, r.error);
    values.set(c.key, 'value' in r ? (r.value ?? 0) : 0);
  }
  // Totals may feed other totals (the 总计 column of 四 needs 一's 总计): compute until nothing is left.
  let pending = cells.filter((c) => rules.has(c.key));
  while (pending.length > 0) {
    const next = pending.filter((c) => {
      const d = rules.get(c.key)!.find((x) => [...x.plus, ...x.minus].every((k) => values.has(k)));
      if (!d) return true;
      const sum = (keys: string[]) => keys.reduce((s, k) => s + values.get(k)!, 0);
      const v = round(sum(d.plus) - sum(d.minus));
      values.set(c.key, v);
      if (v < 0 && !c.column.signed) errors.set(c.key, 'negativeResult');
      return false;
    });
    if (next.length === pending.length)
      throw new Error(`table ${id} of format ${format.id}: totals depend on each other`);
    pending = next;
  }
  return { values, derived: new Set(rules.keys()), errors };
}
