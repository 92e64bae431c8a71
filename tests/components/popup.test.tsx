import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup, type PopupProps } from '../../components/popup/Popup';
import { format2019, format2021, formatForYear, type FormatDef } from '../../lib/format';
import { partHeading } from '../../lib/write/snippets';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

function setup(props: Partial<PopupProps> = {}) {
  const handlers = {
    onInsert: vi.fn(async (_html: string, _text: string) => {}),
    onCopy: vi.fn(async (_html: string, _text: string) => {}),
    onOpenPanel: vi.fn(),
    onEnableSite: vi.fn(),
    onOpenFiller: vi.fn(),
  };
  render(<Popup {...handlers} {...props} />);
  return handlers;
}

const parse = (html: string) => {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
};

/** The <tr> whose cells include one with exactly this text. */
const rowOf = (root: Element, text: string) =>
  [...root.querySelectorAll('tr')].find((tr) => [...tr.cells].some((td) => td.textContent === text));

const requestRows = (f: FormatDef) => f.tables.find((t) => t.id === 'requests')!.sections[0]!;

describe('popup: the year picks the format', () => {
  it.each([
    [2023, format2021],
    [2020, format2019],
  ] as const)('%i → %s', (year, format) => {
    setup({ detectedYear: year });
    expect(screen.getByText(format.name)).toBeTruthy();
    expect(screen.getByText(format.basis, { exact: false })).toBeTruthy();
  });

  it('defaults to last year when the page names none, and follows what is typed', () => {
    setup({ now: new Date(2021, 1, 10) });
    const year = screen.getByLabelText('报告年度') as HTMLInputElement;
    expect(year.value).toBe('2020');
    expect(screen.getByText(format2019.name)).toBeTruthy();
    fireEvent.input(year, { target: { value: '2022' } });
    expect(screen.getByText(format2021.name)).toBeTruthy();
  });

  it('refuses a year that is not one, and inserts nothing', () => {
    const h = setup({ detectedYear: 2023 });
    fireEvent.input(screen.getByLabelText('报告年度'), { target: { value: '20x3' } });
    expect(screen.getByRole('alert').textContent).toContain('报告年度');
    const button = screen.getByText('插入完整报告') as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.click(button);
    expect(h.onInsert).not.toHaveBeenCalled();
  });
});

describe('popup: 插入完整报告', () => {
  it('sends the six standard headings, the unit and year in the title, and three tables', async () => {
    const h = setup({ detectedYear: 2023 });
    fireEvent.input(screen.getByLabelText('单位名称'), { target: { value: '某某县人民政府' } });
    fireEvent.click(screen.getByText('插入完整报告'));
    await waitFor(() => expect(h.onInsert).toHaveBeenCalledTimes(1));
    const [html, text] = h.onInsert.mock.calls[0]!;
    const root = parse(html);
    const paragraphs = [...root.querySelectorAll('p')].map((p) => p.textContent);
    for (const part of format2021.parts) expect(paragraphs).toContain(partHeading(part));
    expect(paragraphs[0]).toBe('某某县人民政府2023年政府信息公开工作年度报告');
    expect(root.querySelectorAll('table')).toHaveLength(3);
    expect(text.split('\n')[0]).toBe('某某县人民政府2023年政府信息公开工作年度报告');
    expect(await screen.findByText('已插入编辑器，可在编辑器中撤销。')).toBeTruthy();
  });

  it('for 2020: （六）其他处理 is one row of number cells and the 2021 sub-rows are absent', async () => {
    const h = setup({ detectedYear: 2020 });
    fireEvent.click(screen.getByText('插入完整报告'));
    await waitFor(() => expect(h.onInsert).toHaveBeenCalled());
    const root = parse(h.onInsert.mock.calls[0]![0]);
    const section = requestRows(format2019);
    const other = section.rows.find((r) => r.id === 'other')!;
    expect(other.group).toBeFalsy();
    const tr = rowOf(root, other.label)!;
    const cells = [...tr.cells];
    const at = cells.findIndex((td) => td.textContent === other.label);
    expect(cells.length - at - 1).toBe(section.columns.length);
    for (const sub of requestRows(format2021).rows.filter((r) => r.parent === 'other'))
      expect(rowOf(root, sub.label)).toBeUndefined();
  });

  it('for 2023: （六）其他处理 spans its three sub-rows, each a row of number cells', async () => {
    const h = setup({ detectedYear: 2023 });
    fireEvent.click(screen.getByText('插入完整报告'));
    await waitFor(() => expect(h.onInsert).toHaveBeenCalled());
    const root = parse(h.onInsert.mock.calls[0]![0]);
    const section = requestRows(format2021);
    const subs = section.rows.filter((r) => r.parent === 'other');
    expect(subs).toHaveLength(3);
    const head = [...root.querySelectorAll('td')].find(
      (td) => td.textContent === section.rows.find((r) => r.id === 'other')!.label,
    )!;
    expect(head.rowSpan).toBe(3);
    for (const sub of subs) {
      const cells = [...rowOf(root, sub.label)!.cells];
      expect(cells.length - cells.findIndex((td) => td.textContent === sub.label) - 1).toBe(section.columns.length);
    }
  });

  it('says so when the page could not take it, and offers copying', async () => {
    const h = setup({ detectedYear: 2023, onInsert: vi.fn(async () => Promise.reject(new Error('no editor'))) });
    fireEvent.click(screen.getByText('插入完整报告'));
    expect(await screen.findByText('无法插入：此页面没有找到编辑器。可点“复制”后粘贴。')).toBeTruthy();
    fireEvent.click(screen.getAllByText('复制')[0]!);
    await waitFor(() => expect(h.onCopy).toHaveBeenCalledTimes(1));
    const [html, text] = h.onCopy.mock.calls[0]!;
    expect(parse(html).querySelectorAll('table')).toHaveLength(3);
    expect(text).toContain(partHeading(format2021.parts[5]!));
  });
});

describe('popup: one part, one table', () => {
  it('inserts the chosen part with the chosen paragraph', async () => {
    const h = setup({ detectedYear: 2022, unit: '某市某局' });
    const format = formatForYear(2022);
    fireEvent.change(screen.getByLabelText('选择部分'), { target: { value: '6' } });
    fireEvent.change(screen.getByLabelText('备选段落'), { target: { value: '1' } });
    fireEvent.click(screen.getByText('插入此部分'));
    await waitFor(() => expect(h.onInsert).toHaveBeenCalled());
    const paragraphs = [...parse(h.onInsert.mock.calls[0]![0]).querySelectorAll('p')].map((p) => p.textContent);
    const part = format.parts[5]!;
    expect(paragraphs[0]).toBe(partHeading(part));
    expect(paragraphs[1]).toBe(part.boilerplate![1]!.replaceAll('{year}', '2022').replaceAll('{unit}', '某市某局'));
  });

  it('inserts an empty table of the year’s format, and opens the filler on the chosen table', async () => {
    const h = setup({ detectedYear: 2020 });
    fireEvent.change(screen.getByLabelText('选择表格'), { target: { value: 'active' } });
    fireEvent.click(screen.getByText('插入空表'));
    await waitFor(() => expect(h.onInsert).toHaveBeenCalled());
    const root = parse(h.onInsert.mock.calls[0]![0]);
    const active = format2019.tables.find((t) => t.id === 'active')!;
    for (const s of active.sections) expect(rowOf(root, s.label!)).toBeTruthy();
    expect([...root.querySelectorAll('td')].filter((td) => /^\d+$/.test(td.textContent ?? ''))).toEqual([]);
    fireEvent.click(screen.getByText('打开填表助手'));
    expect(h.onOpenFiller).toHaveBeenCalledWith('active', 2020);
  });

  it('opens the check panel and enables the site through its callbacks; no enable button without one', () => {
    const h = setup({ detectedYear: 2023 });
    fireEvent.click(screen.getByText('打开检查面板'));
    fireEvent.click(screen.getByText('在此网站启用'));
    expect(h.onOpenPanel).toHaveBeenCalledTimes(1);
    expect(h.onEnableSite).toHaveBeenCalledTimes(1);
    cleanup();
    setup({ detectedYear: 2023, onEnableSite: undefined });
    expect(screen.queryByText('在此网站启用')).toBeNull();
  });
});
