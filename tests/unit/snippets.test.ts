import { describe, expect, it } from 'vitest';
import { format2019, format2021, formatForYear, type FormatDef, type TableDef } from '../../lib/format';
import { partHeading, partSnippet, reportSkeleton, tableHtml, tableSnippet, tableText } from '../../lib/write/snippets';
import { cellKey } from '../../lib/check/rules';

const parse = (html: string) => {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
};

/** Each cell of an HTML table with the grid position it occupies once row- and colspans are laid out. */
function layout(table: HTMLTableElement) {
  const taken: boolean[][] = [];
  const cells: { text: string; x: number; y: number; rowspan: number; colspan: number }[] = [];
  [...table.rows].forEach((tr, y) => {
    let x = 0;
    for (const td of [...tr.cells]) {
      while (taken[y]?.[x]) x++;
      const rowspan = td.rowSpan || 1;
      const colspan = td.colSpan || 1;
      for (let dy = 0; dy < rowspan; dy++) for (let dx = 0; dx < colspan; dx++) (taken[y + dy] ??= [])[x + dx] = true;
      cells.push({ text: td.textContent ?? '', x, y, rowspan, colspan });
      x += colspan;
    }
  });
  return { cells, widths: taken.map((row) => row.filter(Boolean).length), height: taken.length };
}

const tableOf = (format: FormatDef, id: string) => format.tables.find((t) => t.id === id)!;
const firstTable = (html: string) => parse(html).querySelector('table')!;
const cell = (l: ReturnType<typeof layout>, text: string) => l.cells.find((c) => c.text === text)!;

describe.each([format2019, format2021])('$name tables', (format) => {
  it.each(['active', 'requests', 'review'] as const)('%s is a rectangle: every row covers the full width', (id) => {
    const l = layout(firstTable(tableHtml(format, id)));
    expect(new Set(l.widths).size).toBe(1);
  });

  it('table 三: the 勾稽关系 note in the corner, 申请人情况 over the seven columns, 法人或其他组织 over five', () => {
    const def = tableOf(format, 'requests');
    const l = layout(firstTable(tableHtml(format, 'requests')));
    const corner = cell(l, def.note!);
    expect(corner).toMatchObject({ x: 0, y: 0, rowspan: 3, colspan: 3 });
    expect(cell(l, '申请人情况')).toMatchObject({ y: 0, colspan: 7 });
    const org = def.sections[0]!.columns.filter((c) => c.group === '法人或其他组织');
    expect(cell(l, '法人或其他组织')).toMatchObject({ y: 1, colspan: org.length });
    expect(cell(l, '自然人')).toMatchObject({ y: 1, rowspan: 2 });
    expect(cell(l, '总计')).toMatchObject({ y: 1, rowspan: 2 });
    for (const c of org) expect(l.cells.find((x) => x.text === c.label && x.y === 2)).toBeTruthy();
  });

  it('table 三: group rows span their sub-rows in the label columns', () => {
    const def = tableOf(format, 'requests');
    const rows = def.sections[0]!.rows;
    const l = layout(firstTable(tableHtml(format, 'requests')));
    const numberRowsUnder = (id: string): number =>
      rows.filter((r) => r.parent === id).reduce((n, r) => n + (r.group ? numberRowsUnder(r.id) : 1), 0);
    for (const r of rows.filter((r) => r.group)) expect(cell(l, r.label).rowspan).toBe(numberRowsUnder(r.id));
    expect(cell(l, rows.find((r) => r.id === 'new')!.label)).toMatchObject({ x: 0, colspan: 3 });
    expect(cell(l, rows.find((r) => r.id === 'total')!.label)).toMatchObject({ x: 1, colspan: 2 });
    expect(cell(l, rows.find((r) => r.id === 'denied.secret')!.label)).toMatchObject({ x: 2, colspan: 1 });
    // One data row per number row, under three header rows.
    expect(l.height).toBe(3 + rows.filter((r) => !r.group).length);
  });

  it('table 四: 行政复议 over five columns, 行政诉讼 over ten, its two kinds over five each, one row of fifteen cells', () => {
    const columns = tableOf(format, 'review').sections[0]!.columns;
    const l = layout(firstTable(tableHtml(format, 'review')));
    expect(cell(l, '行政复议')).toMatchObject({
      x: 0,
      y: 0,
      colspan: columns.filter((c) => c.group === '行政复议').length,
    });
    expect(cell(l, '行政诉讼')).toMatchObject({
      x: 5,
      y: 0,
      colspan: columns.filter((c) => c.group === '行政诉讼').length,
    });
    expect(cell(l, '未经复议直接起诉')).toMatchObject({ x: 5, y: 1, colspan: 5 });
    expect(cell(l, '复议后起诉')).toMatchObject({ x: 10, y: 1, colspan: 5 });
    expect(l.cells.filter((c) => c.y === 1 && c.x < 5).map((c) => [c.text, c.rowspan])).toEqual(
      columns.slice(0, 5).map((c) => [c.label, 2]),
    );
    expect(l.cells.filter((c) => c.y === 3)).toHaveLength(columns.length);
    expect(l.height).toBe(4);
  });

  it('table 二: a 第二十条 header row per section across the table, then 信息内容 and its columns', () => {
    const def = tableOf(format, 'active');
    const table = firstTable(tableHtml(format, 'active'));
    const l = layout(table);
    const width = l.widths[0]!;
    expect(width).toBe(1 + Math.max(...def.sections.map((s) => s.columns.length)));
    for (const s of def.sections) {
      const head = cell(l, s.label!);
      expect(head).toMatchObject({ x: 0, colspan: width });
      const header = l.cells.filter((c) => c.y === head.y + 1);
      expect(header.map((c) => c.text)).toEqual(['信息内容', ...s.columns.map((c) => c.label)]);
      // A narrow section's last column reaches the table's right edge.
      expect(header.at(-1)!.x + header.at(-1)!.colspan).toBe(width);
    }
  });

  it('writes the given values in their cells, and leaves cells blank without them', () => {
    const def = tableOf(format, 'requests');
    const values = new Map([
      [cellKey('new', 'natural'), 3],
      [cellKey('carryover', 'total'), 12],
    ]);
    const l = layout(firstTable(tableHtml(format, 'requests', values)));
    const rowY = (id: string) => cell(l, def.sections[0]!.rows.find((r) => r.id === id)!.label).y;
    const at = (y: number, x: number) => l.cells.find((c) => c.y === y && c.x === x)!.text;
    expect(at(rowY('new'), 3)).toBe('3');
    expect(at(rowY('carryover'), 9)).toBe('12');
    expect(at(rowY('carried'), 3)).toBe('');
    expect(
      layout(firstTable(tableHtml(format, 'requests'))).cells.filter((c) => c.x >= 3 && /\d/.test(c.text)),
    ).toEqual([]);
  });

  it('copies as tab-separated rows of equal width, with the same text as the HTML', () => {
    for (const t of format.tables) {
      const lines = tableText(format, t.id).split('\n');
      const table = firstTable(tableHtml(format, t.id));
      expect(lines).toHaveLength(table.rows.length);
      expect(new Set(lines.map((l) => l.split('\t').length))).toEqual(new Set([layout(table).widths[0]]));
      expect(lines.join('').replace(/\t/g, '')).toBe(table.textContent);
    }
  });
});

describe('(六)其他处理 by format', () => {
  it('is one row of numbers in 2019 and a group of three sub-rows in 2021', () => {
    const rows2019 = tableOf(format2019, 'requests').sections[0]!.rows;
    const rows2021 = tableOf(format2021, 'requests').sections[0]!.rows;
    const l2019 = layout(firstTable(tableHtml(format2019, 'requests')));
    const l2021 = layout(firstTable(tableHtml(format2021, 'requests')));
    expect(cell(l2019, rows2019.find((r) => r.id === 'other')!.label)).toMatchObject({ rowspan: 1, colspan: 2 });
    const subRows = rows2021.filter((r) => r.parent === 'other');
    expect(subRows).toHaveLength(3);
    expect(cell(l2021, rows2021.find((r) => r.id === 'other')!.label)).toMatchObject({ rowspan: 3 });
    for (const r of subRows) {
      expect(cell(l2021, r.label)).toBeTruthy();
      expect(l2019.cells.some((c) => c.text === r.label)).toBe(false);
    }
  });
});

describe('report skeleton', () => {
  const order = (html: string, format: FormatDef) => {
    const root = parse(html);
    const blocks = [...root.children];
    const headingAt = (p: number) =>
      blocks.findIndex((b) => b.tagName === 'P' && b.textContent === partHeading(format.parts[p - 1]!));
    return { root, blocks, headingAt };
  };

  it.each([
    [2020, format2019],
    [2023, format2021],
  ] as const)('for %i: title, the six headings in order, and each table inside its own part', (year, format) => {
    expect(formatForYear(year).id).toBe(format.id);
    const { html } = reportSkeleton(format, { year, unit: '某某县人民政府' });
    const { root, blocks, headingAt } = order(html, format);
    expect(blocks[0]!.textContent).toBe(`某某县人民政府${year}年政府信息公开工作年度报告`);
    const at = [1, 2, 3, 4, 5, 6].map(headingAt);
    expect(at.every((i, n) => i > 0 && (n === 0 || i > at[n - 1]!))).toBe(true);
    expect(root.querySelectorAll('table')).toHaveLength(3);
    for (const t of format.tables) {
      const i = blocks.findIndex((b) => b.tagName === 'TABLE' && b.outerHTML === tableHtml(format, t.id));
      expect(i).toBeGreaterThan(at[t.part - 1]!);
      expect(t.part === 6 || i < at[t.part]!).toBe(true);
    }
    // Part one's usual sub-headings, numbered （一） to （五）.
    const subs = format.parts[0]!.subheadings!;
    expect(subs).toHaveLength(5);
    subs.forEach((s, i) => expect(blocks.some((b) => b.textContent === `（${'一二三四五'[i]}）${s}`)).toBe(true));
    expect(html).not.toContain('{year}');
    expect(html).not.toContain('{unit}');
  });

  it('says what the format requires of part 6: 信息处理费 from 2021', () => {
    const rule = format2021.contentRules.find((r) => r.part === 6)!;
    const { blocks, headingAt } = order(reportSkeleton(format2021, { year: 2022, unit: '某局' }).html, format2021);
    const part6 = blocks
      .slice(headingAt(6) + 1)
      .map((b) => b.textContent)
      .join('');
    expect(rule.any.some((w) => part6.includes(w))).toBe(true);
  });

  it('escapes the unit name', () => {
    const { html } = reportSkeleton(format2021, { year: 2022, unit: '<img src=x onerror=alert(1)>局' });
    expect(parse(html).querySelector('img')).toBeNull();
    expect(parse(html).textContent).toContain('<img src=x onerror=alert(1)>局2022年');
  });

  it('plain text has one line per paragraph and the tables as tab-separated rows', () => {
    const { text } = reportSkeleton(format2019, { year: 2020, unit: '某乡人民政府' });
    const lines = text.split('\n');
    for (const p of format2019.parts) expect(lines).toContain(partHeading(p));
    for (const t of format2019.tables) expect(text).toContain(tableText(format2019, t.id));
  });
});

describe('part snippets', () => {
  it('offers each of the part’s boilerplate paragraphs as a variant, with year and unit filled in', () => {
    const part = format2021.parts[0]!;
    const texts = part.boilerplate!.map(
      (_, variant) => partSnippet(format2021, 1, { year: 2024, unit: '某区司法局', variant }).text,
    );
    expect(new Set(texts).size).toBe(part.boilerplate!.length);
    for (const t of texts) {
      expect(t.split('\n')[0]).toBe(partHeading(part));
      expect(t).toContain('2024');
      expect(t).not.toMatch(/\{(year|unit)\}/);
    }
  });

  it('every part has at least two alternative paragraphs', () => {
    for (const p of format2021.parts) expect(p.boilerplate?.length ?? 0).toBeGreaterThanOrEqual(2);
  });

  it('brings the part’s table with it', () => {
    const tables = (f: FormatDef, n: number) => f.tables.filter((t: TableDef) => t.part === n);
    for (const n of [1, 2, 3, 4, 5, 6]) {
      const { html } = partSnippet(format2021, n, { year: 2022, unit: '某局' });
      expect(parse(html).querySelectorAll('table')).toHaveLength(tables(format2021, n).length);
    }
    expect(tableSnippet(format2021, 'review').html).toBe(tableHtml(format2021, 'review'));
  });
});
