import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDom, checkText } from '../../lib/check/engine';
import { format2019, format2021 } from '../../lib/format';
import type { FormatDef, TableDef } from '../../lib/format/schema';
import { asCellPerLine, asHtml, asMarkdown, asSpaces, asTabs, generate, report, type Values } from '../support/report';

/** Every way a clerk pastes a table: the same balanced numbers must come out of each, cell for cell. */
const layouts: Record<string, (def: TableDef, v: Values) => string> = {
  tabs: asTabs,
  'one cell per line': asCellPerLine,
  'markdown with rule line and outer pipes': (d, v) => asMarkdown(d, v, { rule: true, outer: true, bold: false }),
  'markdown without rule line': (d, v) => asMarkdown(d, v, { rule: false, outer: true, bold: false }),
  'markdown without outer pipes': (d, v) => asMarkdown(d, v, { rule: true, outer: false, bold: false }),
  'markdown with # headings and **bold**': (d, v) => asMarkdown(d, v, { rule: true, outer: true, bold: true }),
  'runs of spaces (PDF)': (d, v) => asSpaces(d, v, '    '),
  'full-width spaces (PDF)': (d, v) => asSpaces(d, v, '\u3000'),
  'single spaces (PDF)': (d, v) => asSpaces(d, v, ' '),
};

function read(format: FormatDef, year: number, tables: Map<string, Values>, layout: string) {
  if (layout === 'html') {
    const div = document.createElement('div');
    div.innerHTML = report(format, year, tables, asHtml)
      .split('\n')
      .map((l) => (l.startsWith('<') ? l : `<p>${l}</p>`))
      .join('');
    return checkDom(div, { year });
  }
  return checkText(report(format, year, tables, layouts[layout]!), { year });
}

const cases = [
  { format: format2019, year: 2020 },
  { format: format2021, year: 2024 },
];

describe.each(cases)('$format.name: the same table pasted in every layout', ({ format, year }) => {
  it.each([...Object.keys(layouts), 'html'])('reads every cell of every table as written, from %s', (layout) => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), (seed) => {
        const tables = generate(format, seed);
        const r = read(format, year, tables, layout);
        for (const def of format.tables) {
          const t = r.tables.find((x) => x.table === def.id)!;
          expect([t.table, t.status, t.format]).toEqual([def.id, 'ok', format.id]);
          const want = tables.get(def.id)!;
          expect(t.cells!.map((c) => [c.row, c.column, c.value, c.status])).toEqual(
            [...want].map(([k, v]) => [...k.split('|'), v, 'ok']),
          );
        }
        expect(r.findings.filter((f) => ['sum-mismatch', 'cell-invalid', 'cells-blank'].includes(f.code))).toEqual([]);
      }),
      { numRuns: 15, seed: 20261201 },
    );
  });
});
