import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDom, checkText, type Checked } from '../../lib/check/engine';
import { fillTable, numberCells } from '../../lib/write/filler';
import { format2019, format2021, type FormatDef } from '../../lib/format';
import { cellKey } from '../../lib/check/rules';
import { reportSkeleton, tableSnippet, type Snippet } from '../../lib/write/snippets';

/** What the generated report and tables must never cost the clerk when checked by the engine. */
const codes = (r: Checked, ...which: string[]) =>
  r.findings.filter((f) => which.includes(f.code)).map((f) => `${f.code}: ${f.message}`);

const asDom = (html: string) => {
  const div = document.createElement('div');
  div.innerHTML = html;
  return checkDom(div);
};

/** Random leaves typed into the filler, each table's totals computed by it. */
function filledReport(format: FormatDef, year: number, numbers: number[]): Snippet {
  const skeleton = reportSkeleton(format, { year, unit: '某县人民政府' });
  let { html, text } = skeleton;
  let i = 0;
  for (const def of format.tables) {
    const typed = new Map<string, string>();
    for (const c of numberCells(def)) typed.set(c.key, String(numbers[i++ % numbers.length]));
    if (def.id === 'requests') for (const c of def.sections[0]!.columns) typed.set(cellKey('carried', c.id), '5000');
    const filled = fillTable(format, def.id, typed);
    expect(filled.errors.size).toBe(0);
    const empty = tableSnippet(format, def.id);
    const full = tableSnippet(format, def.id, filled.values);
    html = html.replace(empty.html, full.html);
    text = text.replace(empty.text, full.text);
  }
  return { html, text };
}

const cases = [
  { format: format2019, year: 2020 },
  { format: format2021, year: 2023 },
];

describe.each(cases)('$format.name skeleton through the engine', ({ format, year }) => {
  const skeleton = reportSkeleton(format, { year, unit: '某县人民政府' });
  const serious = [
    'part-missing',
    'part-title',
    'part-order',
    'table-format',
    'sum-mismatch',
    'old-format',
    'format-outdated',
  ];

  it.each([
    ['HTML', () => asDom(skeleton.html)],
    ['plain text', () => checkText(skeleton.text)],
  ])('as %s: every part found, tables 二 and 三 read in the expected format, nothing unbalanced', (_, check) => {
    const r = check();
    expect(r.year).toBe(year);
    expect(r.format).toBe(format.id);
    expect(codes(r, ...serious)).toEqual([]);
    expect(r.tables.filter((t) => t.table !== 'review').map((t) => [t.status, t.format])).toEqual([
      ['ok', format.id],
      ['ok', format.id],
    ]);
    expect(codes(r, 'table-missing')).toEqual([]);
  });

  // Table 四 with all fifteen cells blank, as the skeleton inserts it, is still read as table 四.
  it.each([
    ['HTML', () => asDom(skeleton.html)],
    ['plain text', () => checkText(skeleton.text)],
  ])('as %s: the blank table 四 is read too', (_, check) => {
    const r = check();
    expect(codes(r, 'table-missing')).toEqual([]);
    expect(r.tables.find((t) => t.table === 'review')!.status).toBe('ok');
  });

  it('with tables filled from random leaves: balanced and readable, as HTML and as text', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(40), { minLength: 5, maxLength: 30 }), (numbers) => {
        const report = filledReport(format, year, numbers);
        for (const r of [asDom(report.html), checkText(report.text)]) {
          expect(r.tables.map((t) => [t.status, t.format])).toEqual(format.tables.map(() => ['ok', format.id]));
          expect(codes(r, 'part-missing', 'table-missing', 'sum-mismatch', 'cell-invalid', 'table-format')).toEqual([]);
        }
      }),
      { numRuns: 25 },
    );
  });
});
