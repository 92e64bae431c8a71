import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fillTable, numberCells, tableDef, validateCell } from '../../lib/write/filler';
import { format2019, format2021, type FormatDef, type RuleDef, type TableDef } from '../../lib/format';
import { cellKey } from '../../lib/check/rules';

/**
 * The rules are evaluated here straight from the RuleDefs, with this file's own reading of groups,
 * so the filler is not checked by its own code path.
 */
function rowsUnder(def: TableDef, id: string): string[] {
  const rows = def.sections.flatMap((s) => s.rows);
  const row = rows.find((r) => r.id === id)!;
  if (!row.group) return [id];
  return rows.filter((r) => r.parent === id).flatMap((r) => rowsUnder(def, r.id));
}

function broken(def: TableDef, rule: RuleDef, values: Map<string, number>): string[] {
  const out: string[] = [];
  for (const s of def.sections) {
    if (rule.section && rule.section !== s.id) continue;
    const sides = (line: string) =>
      [rule.left, rule.right].map((ids) =>
        rule.over === 'columns'
          ? ids.flatMap((id) => rowsUnder(def, id)).reduce((sum, r) => sum + values.get(cellKey(r, line))!, 0)
          : ids.reduce((sum, c) => sum + values.get(cellKey(line, c))!, 0),
      );
    const lines =
      rule.over === 'columns' ? s.columns.map((c) => c.id) : s.rows.filter((r) => !r.group).map((r) => r.id);
    for (const line of lines) {
      const [l, r] = sides(line);
      if (l !== r) out.push(`${rule.id} at ${line}: ${l} ≠ ${r}`);
    }
  }
  return out;
}

const cases = [format2019, format2021].flatMap((format) =>
  (['requests', 'review'] as const).map((table) => ({ format, table, name: `${format.name} ${table}` })),
);

describe.each(cases)('$name: totals from the rules', ({ format, table }) => {
  const def = tableDef(format, table);
  const rules = format.rules.filter((r) => r.table === table && r.op === '=');
  const leaves = numberCells(def).filter((c) => !fillTable(format, table, new Map()).derived.has(c.key));

  it('has totals to compute and leaves to type', () => {
    expect(rules.length).toBeGreaterThan(0);
    expect(leaves.length).toBeGreaterThan(0);
    expect(leaves.length).toBeLessThan(numberCells(def).length);
  });

  it('random leaves give a table that satisfies every rule', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(500), { minLength: leaves.length, maxLength: leaves.length }), (numbers) => {
        const typed = new Map(leaves.map((c, i) => [c.key, String(numbers[i])]));
        // 结转下年度 is what remains: keep the year's results within what was received so it stays ≥ 0.
        if (table === 'requests')
          for (const c of def.sections[0]!.columns) typed.set(cellKey('carried', c.id), '100000');
        const filled = fillTable(format, table, typed);
        expect(filled.errors.size).toBe(0);
        for (const c of leaves) expect(filled.values.get(c.key)).toBe(Number(typed.get(c.key)));
        expect(rules.flatMap((r) => broken(def, r, filled.values))).toEqual([]);
      }),
      { numRuns: 80 },
    );
  });
});

describe('what the filler computes', () => {
  it('makes the 总计 column, the （七）总计 row and 四、结转下年度 the computed cells of table 三', () => {
    const def = tableDef(format2021, 'requests');
    const { derived } = fillTable(format2021, 'requests', new Map());
    const rows = def.sections[0]!.rows.filter((r) => !r.group).map((r) => r.id);
    const columns = def.sections[0]!.columns.map((c) => c.id);
    for (const r of rows) expect(derived.has(cellKey(r, 'total'))).toBe(true);
    for (const c of columns) {
      expect(derived.has(cellKey('total', c))).toBe(true);
      expect(derived.has(cellKey('carryover', c))).toBe(true);
      expect(derived.has(cellKey('new', c))).toBe(c === 'total');
      expect(derived.has(cellKey('other.other', c))).toBe(c === 'total');
    }
  });

  it('carries over what is left: 一 + 二 − （七）总计', () => {
    const typed = new Map([
      [cellKey('new', 'natural'), '7'],
      [cellKey('carried', 'natural'), '2'],
      [cellKey('granted', 'natural'), '4'],
      [cellKey('denied.secret', 'natural'), '1'],
    ]);
    const { values, errors } = fillTable(format2021, 'requests', typed);
    expect(values.get(cellKey('total', 'natural'))).toBe(5);
    expect(values.get(cellKey('carryover', 'natural'))).toBe(4);
    expect(values.get(cellKey('carryover', 'total'))).toBe(4);
    expect(errors.size).toBe(0);
  });

  it('flags a carryover that would be negative (more results than requests)', () => {
    const { errors } = fillTable(format2019, 'requests', new Map([[cellKey('granted', 'business'), '3']]));
    expect(errors.get(cellKey('carryover', 'business'))).toBe('negativeResult');
    expect(errors.get(cellKey('carryover', 'total'))).toBe('negativeResult');
  });

  it('ignores a value typed into a computed cell', () => {
    const { values } = fillTable(
      format2021,
      'review',
      new Map([
        [cellKey('count', 'review.total'), '99'],
        [cellKey('count', 'review.upheld'), '2'],
      ]),
    );
    expect(values.get(cellKey('count', 'review.total'))).toBe(2);
  });

  it('computes nothing in table 二, whose rules are plausibility warnings', () => {
    for (const f of [format2019, format2021] as FormatDef[])
      expect(fillTable(f, 'active', new Map()).derived.size).toBe(0);
  });
});

describe('cell validation', () => {
  const columnOf = (format: FormatDef, table: 'active' | 'requests', id: string) =>
    numberCells(tableDef(format, table)).find((c) => c.column.id === id)!.column;
  const count = columnOf(format2021, 'requests', 'natural');
  const change = columnOf(format2019, 'active', 'change');
  const money = columnOf(format2021, 'active', 'amount');

  it('refuses letters, negative counts and decimals in count columns', () => {
    expect(validateCell(count, 'abc')).toEqual({ error: 'nonNegativeInteger' });
    expect(validateCell(count, '-1')).toEqual({ error: 'nonNegativeInteger' });
    expect(validateCell(count, '1.5')).toEqual({ error: 'nonNegativeInteger' });
    expect(validateCell(count, '3件')).toEqual({ error: 'nonNegativeInteger' });
  });

  it('accepts blank, digits and full-width digits', () => {
    expect(validateCell(count, '')).toEqual({ value: null });
    expect(validateCell(count, ' 12 ')).toEqual({ value: 12 });
    expect(validateCell(count, '１２')).toEqual({ value: 12 });
  });

  it('lets 本年增/减 be negative but not a decimal', () => {
    expect(change.signed).toBe(true);
    expect(validateCell(change, '-4')).toEqual({ value: -4 });
    expect(validateCell(change, '1.5')).toEqual({ error: 'integer' });
    expect(validateCell(change, 'abc')).toEqual({ error: 'integer' });
  });

  it('lets money hold decimals but not a negative amount', () => {
    expect(money.money).toBe(true);
    expect(validateCell(money, '1.5')).toEqual({ value: 1.5 });
    expect(validateCell(money, '-1')).toEqual({ error: 'nonNegativeNumber' });
    expect(validateCell(money, '1.2.3')).toEqual({ error: 'nonNegativeNumber' });
  });

  it('reports a refused leaf through fillTable and counts it as 0 in the totals', () => {
    const { errors, values } = fillTable(
      format2021,
      'review',
      new Map([
        [cellKey('count', 'review.upheld'), 'abc'],
        [cellKey('count', 'review.corrected'), '1'],
      ]),
    );
    expect(errors.get(cellKey('count', 'review.upheld'))).toBe('nonNegativeInteger');
    expect(values.get(cellKey('count', 'review.total'))).toBe(1);
  });
});
