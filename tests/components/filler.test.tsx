import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TableFiller, type TableFillerProps } from '../../components/filler/TableFiller';
import { format2019, format2021, type FormatDef, type TableId } from '../../lib/format';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

function setup(props: Partial<TableFillerProps> = {}) {
  const handlers = {
    onInsert: vi.fn(async (_html: string, _text: string) => {}),
    onReplace: vi.fn(async (_html: string, _text: string) => {}),
    onCopy: vi.fn(async (_html: string, _text: string) => {}),
  };
  render(<TableFiller year={2023} table="requests" {...handlers} {...props} />);
  return handlers;
}

/** A cell's accessible name, from the format data: row label, then the column's groups and label. */
function cellName(format: FormatDef, table: TableId, row: string, column: string) {
  const s = format.tables.find((t) => t.id === table)!.sections.find((x) => x.rows.some((r) => r.id === row))!;
  const c = s.columns.find((x) => x.id === column)!;
  return `${s.rows.find((r) => r.id === row)!.label} ${[c.group, c.subgroup, c.label].filter(Boolean).join('·')}`;
}
const field = (format: FormatDef, table: TableId, row: string, column: string) =>
  screen.getByLabelText(cellName(format, table, row, column));
const type = (el: HTMLElement, value: string) => fireEvent.input(el, { target: { value } });

describe('table filler: table 三', () => {
  const at = (row: string, column: string) => field(format2021, 'requests', row, column);

  it('computes the 总计 column, the （七）总计 row and 四、结转下年度 as leaves are typed', () => {
    setup();
    expect(at('new', 'total').tagName).toBe('OUTPUT');
    expect(at('carryover', 'natural').tagName).toBe('OUTPUT');
    type(at('new', 'natural'), '5');
    type(at('new', 'business'), '2');
    type(at('carried', 'natural'), '1');
    type(at('granted', 'natural'), '3');
    type(at('other.noFee', 'natural'), '1');
    expect(at('new', 'total').textContent).toBe('7');
    expect(at('total', 'natural').textContent).toBe('4');
    expect(at('carryover', 'natural').textContent).toBe('2');
    expect(at('carryover', 'business').textContent).toBe('2');
    expect(at('carryover', 'total').textContent).toBe('4');
  });

  it('refuses a letter: inline error, 插入表格 disabled, nothing inserted', async () => {
    const h = setup();
    type(at('new', 'research'), '5');
    type(at('granted', 'research'), '3a');
    expect(screen.getByRole('alert').textContent).toContain('请输入非负整数');
    expect(at('granted', 'research').getAttribute('aria-invalid')).toBe('true');
    const insert = screen.getByText('插入表格') as HTMLButtonElement;
    expect(insert.disabled).toBe(true);
    fireEvent.click(insert);
    fireEvent.click(screen.getByText('替换草稿中的表格'));
    fireEvent.click(screen.getByText('复制'));
    await Promise.resolve();
    expect(h.onInsert).not.toHaveBeenCalled();
    expect(h.onReplace).not.toHaveBeenCalled();
    expect(h.onCopy).not.toHaveBeenCalled();
    type(at('granted', 'research'), '3');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(insert.disabled).toBe(false);
  });

  it('refuses more results than requests (a negative carryover)', () => {
    setup();
    type(at('granted', 'legal'), '2');
    expect(
      screen
        .getAllByRole('alert')
        .map((a) => a.textContent)
        .join(''),
    ).toContain('计算结果为负数');
    expect((screen.getByText('插入表格') as HTMLButtonElement).disabled).toBe(true);
  });

  it('prefills the leaves from the draft and recomputes the totals (a wrong total in the draft is not kept)', () => {
    setup({
      initial: [
        {
          table: 'requests',
          cells: [
            { row: 'new', column: 'natural', value: 4 },
            { row: 'new', column: 'total', value: 99 },
            { row: 'granted', column: 'natural', value: 4 },
            { row: 'carried', column: 'natural', value: null },
          ],
        },
      ],
    });
    expect((at('new', 'natural') as HTMLInputElement).value).toBe('4');
    expect((at('carried', 'natural') as HTMLInputElement).value).toBe('');
    expect(at('new', 'total').textContent).toBe('4');
    expect(at('carryover', 'total').textContent).toBe('0');
  });

  it('inserts the table with the typed and computed numbers', async () => {
    const h = setup();
    type(at('new', 'nonprofit'), '6');
    type(at('partial', 'nonprofit'), '2');
    fireEvent.click(screen.getByText('插入表格'));
    await waitFor(() => expect(h.onInsert).toHaveBeenCalledTimes(1));
    const [html, text] = h.onInsert.mock.calls[0]!;
    const div = document.createElement('div');
    div.innerHTML = html;
    const row = (label: string) =>
      [...div.querySelectorAll('tr')].find((tr) => [...tr.cells].some((td) => td.textContent === label))!;
    const rows = format2021.tables.find((t) => t.id === 'requests')!.sections[0]!.rows;
    const numbers = (id: string) =>
      [...row(rows.find((r) => r.id === id)!.label).cells].slice(-7).map((td) => td.textContent);
    expect(numbers('new')).toEqual(['0', '0', '0', '6', '0', '0', '6']);
    expect(numbers('carryover')).toEqual(['0', '0', '0', '4', '0', '0', '4']);
    expect(text.split('\n').some((l) => l.endsWith('\t0\t0\t0\t2\t0\t0\t2'))).toBe(true);
    expect(await screen.findByText('表格已插入。')).toBeTruthy();
  });
});

describe('table filler: other tables', () => {
  it('table 四 lists its fifteen cells, the three 总计 computed', () => {
    setup({ table: 'review' });
    const at = (column: string) => field(format2021, 'review', 'count', column);
    type(at('direct.upheld'), '1');
    type(at('direct.pending'), '2');
    expect(at('direct.total').textContent).toBe('3');
    expect(at('review.total').textContent).toBe('0');
    expect(at('after.total').tagName).toBe('OUTPUT');
  });

  it('2019 table 二: 本年增/减 may be negative, 采购总金额 may hold decimals, counts may not', () => {
    setup({ year: 2020, table: 'active' });
    const at = (row: string, column: string) => field(format2019, 'active', row, column);
    type(at('licensing', 'change'), '-3');
    type(at('procurement', 'amount'), '12.5');
    expect(screen.queryByRole('alert')).toBeNull();
    type(at('licensing', 'decisions'), '1.5');
    expect(screen.getByRole('alert').textContent).toContain('请输入非负整数');
  });

  it('switches tables from the picker, keeping what was typed in each', () => {
    setup();
    type(field(format2021, 'requests', 'new', 'natural'), '8');
    fireEvent.change(screen.getByLabelText('表格'), { target: { value: 'review' } });
    expect(screen.queryByLabelText(cellName(format2021, 'requests', 'new', 'natural'))).toBeNull();
    fireEvent.change(screen.getByLabelText('表格'), { target: { value: 'requests' } });
    expect((field(format2021, 'requests', 'new', 'natural') as HTMLInputElement).value).toBe('8');
  });

  it('has no 替换 button without a draft table to replace', () => {
    setup({ onReplace: undefined });
    expect(screen.queryByText('替换草稿中的表格')).toBeNull();
  });
});

describe('table filler in a 320–400 px panel', () => {
  const visible = (el: Element) => !el.closest('[hidden]');
  const grid = () => document.querySelector('table.filler-grid[data-section="requests"]')!;
  const shownHeaders = () => [...grid().querySelectorAll('thead th')].filter(visible).map((th) => th.textContent);

  it('shows table 三 one applicant column at a time, beside the 总计 column that is always there', () => {
    setup();
    const picker = screen.getByRole('group', { name: '填写哪一列' });
    const buttons = [...picker.querySelectorAll('button')];
    expect(buttons.map((b) => b.textContent)).toEqual([
      '自然人',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
    ]);
    expect(buttons[0]!.getAttribute('aria-pressed')).toBe('true');
    expect(shownHeaders()).toEqual(['申请人情况', '自然人', '总计']);
    // Every number row keeps its computed total in view.
    const rows = [...grid().querySelectorAll('tbody tr:not(.group)')];
    expect(rows.length).toBeGreaterThan(20);
    for (const r of rows) expect(r.querySelectorAll('td:not([hidden])').length).toBe(2);
    for (const r of rows) expect(visible(r.querySelector('td.total output')!)).toBe(true);
  });

  it('switches columns, keeping what was typed, and the totals add up across them', () => {
    setup();
    const at = (row: string, column: string) => field(format2021, 'requests', row, column);
    type(at('new', 'natural'), '4');
    fireEvent.click(screen.getByRole('button', { name: '商业企业' }));
    expect(shownHeaders()).toEqual(['申请人情况', '法人或其他组织商业企业', '总计']);
    expect(visible(at('new', 'natural'))).toBe(false);
    expect(visible(at('new', 'business'))).toBe(true);
    type(at('new', 'business'), '3');
    expect(at('new', 'total').textContent).toBe('7');
    fireEvent.click(screen.getByRole('button', { name: '自然人' }));
    expect((at('new', 'natural') as HTMLInputElement).value).toBe('4');
  });

  it('keeps short row labels in the narrow grid, the full label as its name', () => {
    setup();
    const partial = [...grid().querySelectorAll('tbody th')].find((th) =>
      th.textContent?.startsWith('（二）部分公开'),
    )!;
    expect(partial.textContent).toBe('（二）部分公开');
    expect(partial.getAttribute('title')).toBe('（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
  });

  it('shows the whole grid where there is room', () => {
    const width = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth')!;
    Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 900 });
    try {
      setup();
      expect(screen.queryByRole('group', { name: '填写哪一列' })).toBeNull();
      expect(shownHeaders()).toHaveLength(8);
    } finally {
      Object.defineProperty(HTMLElement.prototype, 'clientWidth', width);
    }
  });
});
