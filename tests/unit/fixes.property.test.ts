import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { format2021 } from '../../lib/format';
import { cellKey } from '../../lib/check/rules';
import { derivations } from '../../lib/write/filler';
import { fixesFor } from '../../lib/write/fixes';
import { fixSource, readSource } from '../../lib/write/fixes/apply';
import { asHtml, generate, key, numberCells, report } from '../support/report';

/**
 * Random balanced tables (the seeded generator of tests/support/report.ts, built from the format
 * data, not by the filler) written as editor HTML, one number changed, then every sum fix made:
 * a changed total is restored; a changed typed cell is kept and the totals follow it.
 */
const format = format2021;
const YEAR = 2023;
const html = (tables: ReturnType<typeof generate>) =>
  report(format, YEAR, tables, asHtml)
    .split('\n')
    .map((l) => (l.startsWith('<') ? l : `<p>${l}</p>`))
    .join('');

const TABLES = ['requests', 'review'] as const;
const cells = TABLES.flatMap((table) =>
  numberCells(format.tables.find((t) => t.id === table)!).map((c) => ({
    table,
    ...c,
    derived: derivations(format, table).has(cellKey(c.row, c.column)),
  })),
);
const derived = cells.filter((c) => c.derived);
const leaves = cells.filter((c) => !c.derived);

/** Every sum fix offered made at once; the values the engine then reads. */
function valuesAfterFix(source: string) {
  const before = readSource(source, { year: YEAR }).checked;
  const sums = fixesFor(before).filter((f) => f.code === 'sum-mismatch');
  const fixed = fixSource(
    source,
    sums.map((f) => f.key),
    { year: YEAR },
  ).source;
  const after = readSource(fixed, { year: YEAR }).checked;
  const values = new Map<string, number | null>();
  for (const t of after.tables)
    for (const c of t.cells ?? []) values.set(`${t.table}:${key(c.row, c.column)}`, c.value);
  return { sums, after, values };
}

describe('sum fixes on random balanced tables (2021 format, as editor HTML)', () => {
  it('one derived cell changed: the fix restores its value, and only it changes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 }),
        fc.nat(derived.length - 1),
        fc.integer({ min: 1, max: 40 }),
        (seed, which, delta) => {
          const tables = generate(format, seed);
          const cell = derived[which]!;
          const k = key(cell.row, cell.column);
          const original = tables.get(cell.table)!.get(k)!;
          tables.get(cell.table)!.set(k, original + delta);
          const { sums, after, values } = valuesAfterFix(html(tables));
          expect(sums.length).toBeGreaterThan(0);
          expect(after.findings.filter((f) => f.code === 'sum-mismatch')).toEqual([]);
          tables.get(cell.table)!.set(k, original);
          for (const c of cells)
            expect(values.get(`${c.table}:${key(c.row, c.column)}`)).toBe(
              tables.get(c.table)!.get(key(c.row, c.column)),
            );
        },
      ),
      { numRuns: 40 },
    );
  });

  it('one typed cell changed: the fix balances the table by changing derived cells only', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 }),
        fc.nat(leaves.length - 1),
        fc.integer({ min: 1, max: 40 }),
        (seed, which, delta) => {
          const tables = generate(format, seed);
          const cell = leaves[which]!;
          const k = key(cell.row, cell.column);
          const v = tables.get(cell.table)!.get(k)!;
          // Down for a result (so 结转下年度 stays ≥ 0), up for what comes in (新收, 上年结转) and review counts.
          const incoming = cell.table === 'review' || cell.row === 'new' || cell.row === 'carried';
          const changed = incoming ? v + delta : Math.max(0, v - delta);
          fc.pre(changed !== v);
          tables.get(cell.table)!.set(k, changed);
          const { sums, after, values } = valuesAfterFix(html(tables));
          expect(sums.length).toBeGreaterThan(0);
          expect(after.findings.filter((f) => f.code === 'sum-mismatch')).toEqual([]);
          for (const c of leaves)
            expect(values.get(`${c.table}:${key(c.row, c.column)}`)).toBe(
              tables.get(c.table)!.get(key(c.row, c.column)),
            );
        },
      ),
      { numRuns: 40 },
    );
  });
});
