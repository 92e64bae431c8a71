import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkText } from '../../lib/check/engine';
import { format2021 } from '../../lib/format';
import type { TableDef } from '../../lib/format/schema';
import { chineseNumber, parseCell } from '../../lib/read/tokens';
import { seedsDir } from '../paths';
import { asCellPerLine, asMarkdown, asTabs, generate, key, report, type Values } from '../support/report';

/** Blank, zero, not applicable and text in a cell, read from a whole report in each text layout. */

const YEAR = 2024;
const codes = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code);
const layouts: Record<string, (def: TableDef, v: Values) => string> = {
  tabs: asTabs,
  'one cell per line': asCellPerLine,
  markdown: (d, v) => asMarkdown(d, v, { rule: true, outer: true, bold: false }),
};

/** A balanced report whose cells `mark` picks are written as `write(value)` instead of the number. */
function written(
  seed: number,
  layout: string,
  mark: (table: string, row: string, column: string) => boolean,
  write: (v: number) => string,
) {
  const tables = generate(format2021, seed);
  const marked = new Map<string, string>();
  const shown = new Map(
    [...tables].map(([id, values]) => {
      const copy: Values = new Map();
      for (const [k, v] of values) {
        const [row, column] = k.split('|') as [string, string];
        if (!mark(id, row, column)) copy.set(k, v);
        else {
          // A sentinel no table prints, replaced once the layout is written.
          const sentinel = 900000 + marked.size;
          marked.set(String(sentinel), write(v));
          copy.set(k, sentinel);
        }
      }
      return [id, copy] as const;
    }),
  );
  let text = report(format2021, YEAR, shown, layouts[layout]!);
  for (const [sentinel, text_] of marked) text = text.replace(sentinel, text_);
  return { text, tables };
}

const LEAF_RESULTS = new Set(
  format2021.tables
    .find((t) => t.id === 'requests')!
    .sections[0]!.rows.filter((r) => r.parent && !r.group && r.id !== 'total')
    .map((r) => r.id),
);

describe.each(Object.keys(layouts))('a blank 总计, from %s', (layout) => {
  it('the whole 总计 column blank: no sum-mismatch, one note naming the column', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), (seed) => {
        const { text } = written(
          seed,
          layout,
          (t, _r, c) => t === 'requests' && c === 'total',
          () => '',
        );
        const r = checkText(text);
        expect(codes(r)).not.toContain('sum-mismatch');
        const notes = r.findings.filter((f) => f.code === 'cells-blank');
        expect(notes).toHaveLength(1);
        expect(notes[0]!.message).toContain('「总计」列未填写');
        expect(notes[0]!.cells!.every((c) => c.column === 'total')).toBe(true);
      }),
      { numRuns: 10, seed: 101 },
    );
  });

  it('总计 blank in the result rows only, （七）总计 filled: computed first, no false sum-mismatch', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), (seed) => {
        const { text } = written(
          seed,
          layout,
          (t, row, c) => t === 'requests' && c === 'total' && LEAF_RESULTS.has(row),
          () => '',
        );
        const r = checkText(text);
        expect(codes(r)).not.toContain('sum-mismatch');
        expect(r.findings.filter((f) => f.code === 'cells-blank').map((f) => f.message)).toEqual([
          expect.stringMatching(/「总计」列有 \d+ 格未填写，可按勾稽关系算出后填上/),
        ]);
      }),
      { numRuns: 10, seed: 102 },
    );
  });
});

describe.each(Object.keys(layouts))('text in a cell stays in its column, from %s', (layout) => {
  it.each([
    ['abc', null],
    ['约5', null],
    ['十三', 13],
  ])('“%s” is an invalid cell of its own column; the numbers after it keep theirs', (odd, value) => {
    const { text, tables } = written(
      5,
      layout,
      (t, row, c) => t === 'requests' && row === 'granted' && c === 'research',
      () => odd,
    );
    const r = checkText(text);
    const cells = r.tables.find((t) => t.table === 'requests')!.cells!;
    const granted = cells.filter((c) => c.row === 'granted');
    const want = tables.get('requests')!;
    for (const c of granted) {
      if (c.column === 'research') expect([c.status, c.value, c.raw]).toEqual(['invalid', value, odd]);
      else expect([c.status, c.value]).toEqual(['ok', want.get(key('granted', c.column))]);
    }
    const finding = r.findings.find((f) => f.code === 'cell-invalid')!;
    expect([finding.table, finding.row, finding.column]).toEqual(['requests', 'granted', 'research']);
    expect(r.text.slice(finding.start, finding.end)).toBe(odd);
    if (value !== null) expect(finding.message).toContain('请改用阿拉伯数字 13');
  });
});

describe('blank and not applicable are two things', () => {
  it.each(['—', '-', '/', '无', '不适用', '不涉及'])('“%s” is not applicable: 0, not missing', (raw) => {
    expect(parseCell(raw, {})).toEqual({ value: 0, status: 'na' });
  });
  it.each(['', ' ', '空', '……', '××'])('“%s” is blank', (raw) => {
    expect(parseCell(raw, {})).toEqual({ value: null, status: 'blank' });
  });
  it('Chinese numerals are read with their value', () => {
    expect([chineseNumber('十三'), chineseNumber('一百零五'), chineseNumber('两千'), chineseNumber('三〇')]).toEqual([
      13, 105, 2000, 30,
    ]);
    expect(parseCell('十三件', {})).toEqual({ value: 13, status: 'invalid' });
  });
  it('a table of dashes is filled, not blank; many invalid cells are one finding listing them', () => {
    const { text } = written(
      9,
      'tabs',
      (t) => t === 'review',
      () => '—',
    );
    const r = checkText(text);
    expect(r.tables.find((t) => t.table === 'review')!.blank).toBe(0);
    expect(codes(r)).not.toContain('cells-blank');
    const odd = written(
      9,
      'tabs',
      (t, row) => t === 'requests' && row === 'granted',
      () => 'abc',
    );
    const invalid = checkText(odd.text).findings.filter((f) => f.code === 'cell-invalid');
    expect(invalid).toHaveLength(1);
    expect(invalid[0]!.cells).toHaveLength(7);
  });
});

describe('统计期限 however written', () => {
  const draft = (period: string) =>
    `某镇人民政府${YEAR}年政府信息公开工作年度报告\n本报告根据《中华人民共和国政府信息公开条例》编制，${period}\n一、总体情况\n本镇持续推进政务公开。`;
  it.each([
    [`统计期限为${YEAR}年1月1日至12月31日。`, [YEAR, YEAR]],
    [`所列数据统计期限自${YEAR}年1月1日起至${YEAR}年12月31日止。`, [YEAR, YEAR]],
    [`所列数据的统计期限为1月1日—12月31日。`, [YEAR, YEAR]],
    [`统计期限为${YEAR - 1}年1月1日至12月31日。`, [YEAR - 1, YEAR - 1]],
    [`统计时间：${YEAR}年1月1日-${YEAR}年12月31日。`, [YEAR, YEAR]],
  ])('%s', (period, years) => {
    const r = checkText(draft(period));
    expect(r.period).toEqual({ from: years[0], to: years[1] });
    const mismatch = r.findings.filter((f) => f.code === 'year-mismatch');
    if (years[0] === YEAR) expect(mismatch).toEqual([]);
    else {
      expect(mismatch).toHaveLength(1);
      expect(r.text.slice(mismatch[0]!.start, mismatch[0]!.end)).toContain('统计期限');
    }
  });
});

describe('the old structure is shown as old', () => {
  const seed002 = readFileSync(resolve(seedsDir, '002_b149f0f934cd76e1.txt'), 'utf8');
  it('its parts are information: not required, none reported missing', () => {
    const r = checkText(seed002);
    expect(r.format).toBe('pre2019');
    expect(r.parts.every((p) => p.required === false)).toBe(true);
    expect(r.progress).toMatchObject({ partsRequired: 0, tablesRequired: 0 });
    expect(codes(r)).not.toContain('part-missing');
    expect(codes(r)).not.toContain('part-empty');
  });
});
