import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { format2019, format2021 } from '../../lib/format';
import { checked, generate, key } from '../support/report';
import { narrative, type Sentence } from '../support/narrative';

const cases = [
  { format: format2019, year: 2020 },
  { format: format2021, year: 2023 },
];
const layouts = fc.constantFrom('tabs', 'one cell per line', 'html');
const withNarrative = (sentences: Sentence[]) => (t: string) =>
  t.replace('一、总体情况\n本部分的说明文字。', `一、总体情况\n${sentences.map((s) => s.text).join('\n')}`);
/** The sentences flagged (a sentence stating a group and one of its rows is flagged once for each). */
const marked = (r: ReturnType<typeof checked>) => [
  ...new Set(r.findings.filter((f) => f.code === 'text-table-mismatch').map((f) => r.text.slice(f.start, f.end))),
];

describe.each(cases)('$format.name: a narrative written from its own tables', ({ format, year }) => {
  it('agrees with them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), fc.nat(5), layouts, (seed, pick, layout) => {
        const tables = generate(format, seed);
        const r = checked(format, year, tables, layout, withNarrative(narrative(format, tables, pick)));
        expect(marked(r)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('one changed cell that a sentence states flags exactly the sentences that state it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 }),
        fc.nat(5),
        fc.nat(),
        fc.integer({ min: 1, max: 50 }),
        layouts,
        (seed, pick, which, delta, layout) => {
          const tables = generate(format, seed);
          const sentences = narrative(format, tables, pick);
          const stated = sentences.flatMap((s) => s.cells);
          const cell = stated[which % stated.length]!;
          const values = tables.get(cell.table)!;
          values.set(key(cell.row, cell.column), values.get(key(cell.row, cell.column))! + delta);
          const r = checked(format, year, tables, layout, withNarrative(sentences));
          const stating = sentences.filter((s) =>
            s.cells.some((c) => c.table === cell.table && c.row === cell.row && c.column === cell.column),
          );
          expect(marked(r)).toEqual(stating.map((s) => s.text));
        },
      ),
      { numRuns: 80 },
    );
  });
});
