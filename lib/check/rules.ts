import type { RuleDef, SectionDef, TableDef } from '../format/schema';
import type { ReadCell } from '../read/tables';

/** The outcome of one rule on one column (over columns) or one row (over rows). */
export interface Violation {
  rule: RuleDef;
  /** The cell the finding points at: the total when one side is a single cell. */
  row: string;
  column: string;
  expected: number;
  actual: number | null;
  /** The single-cell side is blank: report that cell once, with the value it should hold. */
  blankTotal: boolean;
}

export const cellKey = (row: string, column: string) => `${row}\u0000${column}`;

const leafCache = new WeakMap<TableDef, Map<string, string[]>>();

/** Leaf rows under a group row (a group id stands for the sum of its leaves). */
export function leavesOf(def: TableDef, id: string): string[] {
  let cache = leafCache.get(def);
  if (!cache) leafCache.set(def, (cache = new Map()));
  let leaves = cache.get(id);
  if (!leaves) {
    const rows = def.sections.flatMap((s) => s.rows);
    const row = rows.find((r) => r.id === id);
    leaves = !row ? [] : !row.group ? [id] : rows.filter((r) => r.parent === id).flatMap((r) => leavesOf(def, r.id));
    cache.set(id, leaves);
  }
  return leaves;
}

function sectionsOf(def: TableDef, rule: RuleDef): SectionDef[] {
  return def.sections.filter((s) => !rule.section || s.id === rule.section);
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

function holds(op: RuleDef['op'], left: number, right: number): boolean {
  const l = round(left);
  const r = round(right);
  return op === '=' ? l === r : op === '<=' ? l <= r : l >= r;
}

/**
 * Evaluates a table's rules. A blank part counts as 0 (one blank cell must not hide the real
 * imbalances); a blank single-cell side is not a mismatch but a blank total.
 */
export function evaluate(
  def: TableDef,
  rules: readonly RuleDef[],
  cells: readonly ReadCell[],
  found: ReadonlySet<string>,
): Violation[] {
  const byKey = new Map(cells.map((c) => [cellKey(c.row, c.column), c]));
  const out: Violation[] = [];
  for (const rule of rules) {
    if (rule.table !== def.id) continue;
    for (const section of sectionsOf(def, rule)) {
      const numberRows = section.rows.filter((r) => !r.group && found.has(r.id)).map((r) => r.id);
      const columns = section.columns.map((c) => c.id);
      if (rule.over === 'columns') {
        const sides = [rule.left, rule.right].map((ids) => ids.flatMap((id) => leavesOf(def, id)));
        const involved = sides.flat();
        if (involved.length === 0 || !involved.every((r) => found.has(r))) continue;
        for (const column of rule.only ?? columns) {
          if (!columns.includes(column)) continue;
          check(
            rule,
            sides[0]!,
            sides[1]!,
            (row) => byKey.get(cellKey(row, column)),
            (row) => ({ row, column }),
          );
        }
      } else {
        const sides = [rule.left, rule.right];
        if (![...sides[0]!, ...sides[1]!].every((c) => columns.includes(c))) continue;
        for (const row of rule.only ?? numberRows) {
          if (!numberRows.includes(row)) continue;
          check(
            rule,
            sides[0]!,
            sides[1]!,
            (column) => byKey.get(cellKey(row, column)),
            (column) => ({ row, column }),
          );
        }
      }
    }
  }
  return out;

  function check(
    rule: RuleDef,
    left: string[],
    right: string[],
    cell: (id: string) => ReadCell | undefined,
    at: (id: string) => { row: string; column: string },
  ) {
    const sum = (ids: string[]) => ids.reduce((s, id) => s + (cell(id)?.value ?? 0), 0);
    const l = sum(left);
    const r = sum(right);
    const single = left.length === 1 ? left[0]! : right.length === 1 ? right[0]! : null;
    if (single !== null) {
      const total = cell(single);
      const other = single === left[0] && left.length === 1 ? r : l;
      if (total?.value === null || total === undefined) {
        if (rule.op === '=') out.push({ rule, ...at(single), expected: other, actual: null, blankTotal: true });
        return;
      }
      const ok =
        single === left[0] && left.length === 1
          ? holds(rule.op, total.value, other)
          : holds(rule.op, other, total.value);
      if (!ok) out.push({ rule, ...at(single), expected: round(other), actual: total.value, blankTotal: false });
      return;
    }
    if (!holds(rule.op, l, r))
      out.push({ rule, ...at(right[right.length - 1]!), expected: round(l), actual: round(r), blankTotal: false });
  }
}
