import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { format2019, format2021 } from '../../lib/format';
import { checked, generate, key, numberCells } from '../support/report';

const cases = [
  { format: format2019, year: 2020 },
  { format: format2021, year: 2023 },
];
describe.each(cases)('$format.name tables with random balanced numbers', ({ format, year }) => {
  it.each(['tabs', 'one cell per line', 'html'])('balance when written as %s', (layout) => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), (seed) => {
        const r = checked(format, year, generate(format, seed), layout);
        expect(r.tables.map((t) => [t.status, t.format])).toEqual(format.tables.map(() => ['ok', format.id]));
        expect(
          r.findings.filter((f) => f.code === 'sum-mismatch' || f.code === 'cell-invalid' || f.code === 'table-format'),
        ).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it.each(['tabs', 'one cell per line', 'html'])('any single changed number is named when written as %s', (layout) => {
    const cells = format.tables
      .filter((t) => t.id !== 'active')
      .flatMap((t) => numberCells(t).map((c) => ({ table: t.id, ...c })));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 }),
        fc.nat(cells.length - 1),
        fc.integer({ min: 1, max: 50 }),
        (seed, which, delta) => {
          const tables = generate(format, seed);
          const cell = cells[which]!;
          const values = tables.get(cell.table)!;
          values.set(key(cell.row, cell.column), values.get(key(cell.row, cell.column))! + delta);
          const r = checked(format, year, tables, layout);
          const sums = r.findings.filter((f) => f.code === 'sum-mismatch');
          expect(sums.length).toBeGreaterThan(0);
          expect(sums.every((f) => f.table === cell.table)).toBe(true);
          expect(sums.some((f) => f.row === cell.row || f.column === cell.column)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});
