import { describe, expect, it } from 'vitest';
import { cellKey, evaluate, leavesOf } from '../../lib/check/rules';
import type { RuleDef, TableDef } from '../../lib/format/schema';
import type { ReadCell } from '../../lib/read/tables';

/**
 * The rule evaluator on a small table of its own, one rule at a time: which cell a finding names,
 * with which expected and actual value, for '=', '<=' and '>=' over columns and over rows.
 */
const def: TableDef = {
  id: 'requests',
  part: 4,
  title: '测试表',
  sections: [
    {
      id: 'main',
      columns: [
        { id: 'a', label: '甲' },
        { id: 'b', label: '乙' },
        { id: 'total', label: '总计' },
      ],
      rows: [
        { id: 'x', label: '一、新收' },
        { id: 'g', label: '二、结果', group: true },
        { id: 'g1', label: '（一）予以公开', parent: 'g' },
        { id: 'h', label: '（二）不予公开', parent: 'g', group: true },
        { id: 'h1', label: '1.属于国家秘密', parent: 'h' },
        { id: 'h2', label: '2.其他', parent: 'h' },
        { id: 'sum', label: '三、总计' },
      ],
    },
    {
      id: 'docs',
      columns: [
        { id: 'made', label: '本年制发件数' },
        { id: 'repealed', label: '本年废止件数' },
        { id: 'inForce', label: '现行有效件数', money: true },
      ],
      rows: [
        { id: 'p', label: '规章' },
        { id: 'q', label: '规范性文件' },
      ],
    },
  ],
};
const ALL_ROWS = new Set(['x', 'g1', 'h1', 'h2', 'sum', 'p', 'q']);

const rule = (r: Partial<RuleDef> & Pick<RuleDef, 'left' | 'op' | 'right' | 'over'>): RuleDef => ({
  id: 'r',
  table: 'requests',
  code: 'sum-mismatch',
  label: '测试规则',
  ...r,
});

/** Cells from `row|column` → value (null: a blank cell); anything not given is absent. */
function cells(values: Record<string, number | null>): ReadCell[] {
  return Object.entries(values).map(([k, value]) => {
    const [row, column] = k.split('|') as [string, string];
    return { row, column, value, raw: value === null ? '' : String(value), status: value === null ? 'blank' : 'ok' };
  });
}

/** A balanced main section: sum = x + g1 + h1 + h2 in each column, total = a + b in each row. */
function balanced(): Record<string, number | null> {
  const v: Record<string, number | null> = {};
  const base: Record<string, [number, number]> = { x: [1, 2], g1: [3, 4], h1: [5, 6], h2: [7, 8] };
  for (const [row, [a, b]] of Object.entries(base)) Object.assign(v, { [`${row}|a`]: a, [`${row}|b`]: b });
  v['sum|a'] = 16;
  v['sum|b'] = 20;
  for (const row of ['x', 'g1', 'h1', 'h2', 'sum']) v[`${row}|total`] = v[`${row}|a`]! + v[`${row}|b`]!;
  return v;
}

const columnSum = rule({ section: 'main', over: 'columns', left: ['sum'], op: '=', right: ['x', 'g'] });
const rowTotal = rule({ section: 'main', over: 'rows', left: ['total'], op: '=', right: ['a', 'b'] });
const run = (r: RuleDef, v: Record<string, number | null>, found: ReadonlySet<string> = ALL_ROWS) =>
  evaluate(def, [r], cells(v), found).map(({ rule: _rule, ...rest }) => rest);

describe('leavesOf', () => {
  it('expands a group row to its leaf rows, through nested groups, in order', () => {
    expect(leavesOf(def, 'g')).toEqual(['g1', 'h1', 'h2']);
    expect(leavesOf(def, 'h')).toEqual(['h1', 'h2']);
    expect(leavesOf(def, 'x')).toEqual(['x']);
    expect(leavesOf(def, 'nowhere')).toEqual([]);
    // asked again (cached): the same answer
    expect(leavesOf(def, 'g')).toEqual(['g1', 'h1', 'h2']);
  });

  it('cellKey keeps row and column apart', () => {
    expect(cellKey('a', 'bc')).not.toBe(cellKey('ab', 'c'));
  });
});

describe("'=' over columns: a total row equal to the sum of the rows (a group row standing for its leaves)", () => {
  it('a balanced table has no finding, in either rule', () => {
    expect(run(columnSum, balanced())).toEqual([]);
    expect(run(rowTotal, balanced())).toEqual([]);
  });

  it('a part off by one names the total cell of that column only, with the sum it should hold', () => {
    const v = { ...balanced(), 'h2|b': 9 };
    expect(run(columnSum, v)).toEqual([{ row: 'sum', column: 'b', expected: 21, actual: 20, blankTotal: false }]);
  });

  it('a total off by one names itself', () => {
    const v = { ...balanced(), 'sum|a': 15 };
    expect(run(columnSum, v)).toEqual([{ row: 'sum', column: 'a', expected: 16, actual: 15, blankTotal: false }]);
  });

  it('a blank or absent total is a blank total with the value it should hold, not a mismatch', () => {
    expect(run(columnSum, { ...balanced(), 'sum|a': null })).toEqual([
      { row: 'sum', column: 'a', expected: 16, actual: null, blankTotal: true },
    ]);
    const { 'sum|b': _gone, ...absent } = balanced();
    expect(run(columnSum, absent)).toEqual([{ row: 'sum', column: 'b', expected: 20, actual: null, blankTotal: true }]);
  });

  it('a blank part counts as 0', () => {
    expect(run(columnSum, { ...balanced(), 'x|a': null, 'sum|a': 15 })).toEqual([]);
    expect(run(columnSum, { ...balanced(), 'x|a': null })).toEqual([
      { row: 'sum', column: 'a', expected: 15, actual: 16, blankTotal: false },
    ]);
  });

  it('is skipped while a row it involves was not found, and applies to `only` columns of the section', () => {
    const v = { ...balanced(), 'h2|a': 0, 'h2|b': 0 };
    expect(run(columnSum, v, new Set([...ALL_ROWS].filter((r) => r !== 'h1')))).toEqual([]);
    expect(run({ ...columnSum, only: ['b'] }, v).map((f) => f.column)).toEqual(['b']);
    expect(run({ ...columnSum, only: ['elsewhere'] }, v)).toEqual([]);
    expect(run({ ...columnSum, left: ['nowhere'], right: ['nothing'] }, v)).toEqual([]);
  });

  it('belongs to its own table and section', () => {
    const v = { ...balanced(), 'h2|b': 9 };
    expect(run({ ...columnSum, table: 'active' }, v)).toEqual([]);
    // in the other section its rows have no cells: blank totals there, and nothing of the main section
    expect(run({ ...columnSum, section: 'docs' }, v).map((f) => f.column)).toEqual(['made', 'repealed', 'inForce']);
    // with no section, it applies in each section (the other one's cells are absent: blank totals)
    const everywhere = run({ ...columnSum, section: undefined }, v);
    expect(everywhere.filter((f) => !f.blankTotal)).toEqual([
      { row: 'sum', column: 'b', expected: 21, actual: 20, blankTotal: false },
    ]);
    expect(everywhere.filter((f) => f.blankTotal).map((f) => f.column)).toEqual(['made', 'repealed', 'inForce']);
  });
});

describe("'=' over rows: a total column equal to the sum of the columns", () => {
  it('names the total cell of the row that is off, and only number rows that were found', () => {
    const v = { ...balanced(), 'g1|a': 4 };
    expect(run(rowTotal, v)).toEqual([{ row: 'g1', column: 'total', expected: 8, actual: 7, blankTotal: false }]);
    expect(run(rowTotal, v, new Set(['x', 'h1', 'h2', 'sum']))).toEqual([]);
    expect(run({ ...rowTotal, only: ['x', 'g1', 'g'] }, v).map((f) => f.row)).toEqual(['g1']);
    expect(run({ ...rowTotal, only: ['x'] }, v)).toEqual([]);
  });

  it('applies only in a section that has every column it names', () => {
    const across = rule({ over: 'rows', left: ['total'], op: '=', right: ['a', 'made'] });
    expect(run(across, { ...balanced(), 'x|made': 100 })).toEqual([]);
  });
});

describe("'<=' and '>=' (table 二's plausibility rules)", () => {
  const docs = (made: number, repealed: number, inForce: number) => ({
    'p|made': made,
    'p|repealed': repealed,
    'p|inForce': inForce,
    'q|made': 0,
    'q|repealed': 0,
    'q|inForce': 0,
  });
  const issued = rule({
    section: 'docs',
    over: 'rows',
    left: ['made'],
    op: '<=',
    right: ['repealed', 'inForce'],
    code: 'value-implausible',
  });

  it('a single cell on the left: holds up to equality, names it beyond', () => {
    expect(run(issued, docs(5, 2, 3))).toEqual([]);
    expect(run(issued, docs(4, 2, 3))).toEqual([]);
    expect(run(issued, docs(6, 2, 3))).toEqual([
      { row: 'p', column: 'made', expected: 5, actual: 6, blankTotal: false },
    ]);
    const atLeast = { ...issued, op: '>=' as const };
    expect(run(atLeast, docs(5, 2, 3))).toEqual([]);
    expect(run(atLeast, docs(6, 2, 3))).toEqual([]);
    expect(run(atLeast, docs(4, 2, 3))).toEqual([
      { row: 'p', column: 'made', expected: 5, actual: 4, blankTotal: false },
    ]);
  });

  it('a single cell on the right: the sum on the left is compared with it, in that order', () => {
    const under = rule({ section: 'docs', over: 'rows', left: ['made', 'repealed'], op: '<=', right: ['inForce'] });
    expect(run(under, docs(2, 1, 3))).toEqual([]);
    expect(run(under, docs(2, 1, 4))).toEqual([]);
    expect(run(under, docs(2, 2, 3))).toEqual([
      { row: 'p', column: 'inForce', expected: 4, actual: 3, blankTotal: false },
    ]);
    const over = { ...under, op: '>=' as const };
    expect(run(over, docs(2, 2, 3))).toEqual([]);
    expect(run(over, docs(2, 1, 4))).toEqual([
      { row: 'p', column: 'inForce', expected: 3, actual: 4, blankTotal: false },
    ]);
  });

  it('no single cell: the finding sits on the last cell of the right side, with both sums', () => {
    const pairs = rule({ section: 'main', over: 'columns', left: ['x', 'g1'], op: '<=', right: ['h1', 'h2'] });
    expect(run(pairs, balanced())).toEqual([]);
    const v = { ...balanced(), 'x|a': 8, 'g1|a': 4 };
    expect(run(pairs, v)).toEqual([]);
    const w = { ...balanced(), 'x|a': 9, 'g1|a': 4 };
    expect(run(pairs, w)).toEqual([{ row: 'h2', column: 'a', expected: 13, actual: 12, blankTotal: false }]);
    expect(run({ ...pairs, op: '>=' }, balanced())).toEqual([
      { row: 'h2', column: 'a', expected: 4, actual: 12, blankTotal: false },
      { row: 'h2', column: 'b', expected: 6, actual: 14, blankTotal: false },
      { row: 'h2', column: 'total', expected: 10, actual: 26, blankTotal: false },
    ]);
    expect(run({ ...pairs, op: '=' }, w)).toEqual([
      { row: 'h2', column: 'a', expected: 13, actual: 12, blankTotal: false },
      { row: 'h2', column: 'b', expected: 6, actual: 14, blankTotal: false },
      { row: 'h2', column: 'total', expected: 10, actual: 26, blankTotal: false },
    ]);
  });

  it('a blank single cell is no finding: only an equation asks for a total', () => {
    expect(run(issued, { ...docs(6, 2, 3), 'p|made': null })).toEqual([]);
  });
});

describe('money', () => {
  it('sums of decimals compare after rounding, and findings carry rounded sums', () => {
    const money = rule({ section: 'docs', over: 'columns', left: ['q'], op: '=', right: ['p'], only: ['inForce'] });
    const sumOf = rule({ section: 'docs', over: 'rows', left: ['inForce'], op: '=', right: ['made', 'repealed'] });
    expect(run(money, { 'p|inForce': 0.3, 'q|inForce': 0.3 })).toEqual([]);
    expect(run(sumOf, { 'p|made': 0.1, 'p|repealed': 0.2, 'p|inForce': 0.3 }, new Set(['p']))).toEqual([]);
    expect(run(sumOf, { 'p|made': 0.1, 'p|repealed': 0.2, 'p|inForce': 0.4 }, new Set(['p']))).toEqual([
      { row: 'p', column: 'inForce', expected: 0.3, actual: 0.4, blankTotal: false },
    ]);
  });
});
