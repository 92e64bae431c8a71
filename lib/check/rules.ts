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

const byKeys = new WeakMap<readonly ReadCell[], Map<string, ReadCell>>();

/** A table's cells by cellKey: made once per reading, for the rules and every check that points at a cell. */
export function cellsByKey(cells: readonly ReadCell[]): Map<string, ReadCell> {
  let map = byKeys.get(cells);
  if (!map) byKeys.set(cells, (map = new Map(cells.map((c) => [cellKey(c.row, c.column), c]))));
  return map;
}

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

/** One rule applied to one column (over columns) or one row (over rows): the cells of each side. */
interface Instance {
  rule: RuleDef;
  left: string[];
  right: string[];
  /** The single-cell side's key, when one side is a single cell (a total). */
  total: string | null;
  /** Where a failure of a rule with no single side is reported: the last cell of its right side. */
  last: string;
}

function instances(def: TableDef, rules: readonly RuleDef[], found: ReadonlySet<string>): Instance[] {
  const out: Instance[] = [];
  const add = (rule: RuleDef, left: string[], right: string[]) => {
    const total = left.length === 1 ? left[0]! : right.length === 1 ? right[0]! : null;
    out.push({ rule, left, right, total, last: right[right.length - 1]! });
  };
  for (const rule of rules) {
    if (rule.table !== def.id) continue;
    for (const section of sectionsOf(def, rule)) {
      const numberRows = section.rows.filter((r) => !r.group && found.has(r.id)).map((r) => r.id);
      const columns = section.columns.map((c) => c.id);
      if (rule.over === 'columns') {
        const sides = [rule.left, rule.right].map((ids) => ids.flatMap((id) => leavesOf(def, id)));
        if (sides.flat().length === 0 || !sides.flat().every((r) => found.has(r))) continue;
        for (const column of rule.only ?? columns) {
          if (!columns.includes(column)) continue;
          add(rule, ...(sides.map((rows) => rows.map((row) => cellKey(row, column))) as [string[], string[]]));
        }
      } else {
        if (![...rule.left, ...rule.right].every((c) => columns.includes(c))) continue;
        for (const row of rule.only ?? numberRows) {
          if (!numberRows.includes(row)) continue;
          add(
            rule,
            ...([rule.left, rule.right].map((cols) => cols.map((column) => cellKey(row, column))) as [
              string[],
              string[],
            ]),
          );
        }
      }
    }
  }
  return out;
}

/**
 * A table's rule instances by the rows found, kept per table layout: they depend on nothing else,
 * and a page is checked again after every edit with the same rows. A few sets of rows per table at
 * most; the bound only keeps a crafted stream of pages from growing it.
 */
const instanceCache = new WeakMap<TableDef, Map<string, { rules: readonly RuleDef[]; list: Instance[] }>>();
const INSTANCE_LAYOUTS = 32;

function instancesFor(def: TableDef, rules: readonly RuleDef[], found: ReadonlySet<string>): Instance[] {
  let byFound = instanceCache.get(def);
  if (!byFound) instanceCache.set(def, (byFound = new Map()));
  const key = [...found].join('\u0000');
  const hit = byFound.get(key);
  if (hit?.rules === rules) return hit.list;
  if (byFound.size >= INSTANCE_LAYOUTS) byFound.clear();
  const list = instances(def, rules, found);
  byFound.set(key, { rules, list });
  return list;
}

/**
 * Evaluates a table's rules. A blank or not-applicable part counts as 0 (one blank cell must not
 * hide the real imbalances). A blank total is first computed from its own rule, and other rules
 * use that value: a report that leaves its 总计 column blank has no mismatch, only blank totals.
 */
export function evaluate(
  def: TableDef,
  rules: readonly RuleDef[],
  cells: readonly ReadCell[],
  found: ReadonlySet<string>,
): Violation[] {
  const byKey = cellsByKey(cells);
  const all = instancesFor(def, rules, found);
  const derived = new Map<string, number>();
  const written = (key: string) => byKey.get(key)?.value ?? null;
  const known = (key: string) => written(key) !== null || derived.has(key);
  const value = (key: string) => written(key) ?? derived.get(key) ?? 0;
  const sum = (keys: string[]) => keys.reduce((s, k) => s + value(k), 0);
  // A total whose parts are all written (or computed) is computed first, so the column of totals
  // is known before the rules over it; a total over blank parts is 0.
  const parts = (i: Instance) => (i.total === i.left[0] && i.left.length === 1 ? i.right : i.left);
  const open = all.filter((i) => i.rule.op === '=' && i.total !== null && !known(i.total));
  for (let changed = true; changed; ) {
    changed = false;
    for (const i of open) {
      if (known(i.total!) || !parts(i).every(known)) continue;
      derived.set(i.total!, round(sum(parts(i))));
      changed = true;
    }
  }
  for (const i of open) if (!known(i.total!)) derived.set(i.total!, round(sum(parts(i))));
  const out: Violation[] = [];
  const at = (key: string) => {
    const [row, column] = key.split('\u0000') as [string, string];
    return { row, column };
  };
  for (const i of all) {
    const { rule } = i;
    if (i.total !== null) {
      const single = i.total === i.left[0] && i.left.length === 1;
      const other = sum(single ? i.right : i.left);
      if (written(i.total) === null) {
        if (rule.op === '=') out.push({ rule, ...at(i.total), expected: round(other), actual: null, blankTotal: true });
        continue;
      }
      const total = written(i.total)!;
      const ok = single ? holds(rule.op, total, other) : holds(rule.op, other, total);
      if (!ok) out.push({ rule, ...at(i.total), expected: round(other), actual: total, blankTotal: false });
      continue;
    }
    const l = sum(i.left);
    const r = sum(i.right);
    if (!holds(rule.op, l, r))
      out.push({ rule, ...at(i.last), expected: round(l), actual: round(r), blankTotal: false });
  }
  return out;
}
