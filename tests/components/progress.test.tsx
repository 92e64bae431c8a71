import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type CheckOptions, checkText } from '../../lib/check/engine';
import type { PageStatus } from '../../lib/extension/messages';
import { formatForYear } from '../../lib/format';
import { reportSkeleton } from '../../lib/write/snippets';
import { Panel, type PanelProps } from '../../components/panel/Panel';
import { seedsDir } from '../paths';

/** The panel's view of a draft as the content script would send it, checked by the engine. */
function statusOf(text: string, options: CheckOptions = {}): PageStatus {
  const { text: _text, period: _period, ...report } = checkText(text, options);
  return {
    kind: 'editor',
    parsed: true,
    editor: 'ueditor',
    url: 'http://xxgk.test.gov.cn/wcm/edit.jsp?docId=7',
    report,
    errors: report.findings.filter((f) => f.severity === 'error').length,
  };
}

function show(status: PageStatus, props: Partial<PanelProps> = {}) {
  const handlers = {
    onRecheck: vi.fn(),
    onReveal: vi.fn(async () => true),
    onInsert: vi.fn(async (_html: string, _text: string) => {}),
    onYear: vi.fn((_year: number | null) => {}),
  };
  const view = render(<Panel state={{ kind: 'page', status }} {...handlers} {...props} />);
  return { ...view, ...handlers };
}

const TITLE = '某某镇2025年政府信息公开工作年度报告';
const skeleton2025 = reportSkeleton(formatForYear(2025), { year: 2025, unit: '某某镇' }).text;
const opening =
  '根据《中华人民共和国政府信息公开条例》规定，现公布本镇2025年度政府信息公开工作年度报告。\n一、总体情况\n2025年，本镇认真贯彻落实政务公开工作要求，主动公开各类信息。';
const figure = (c: Element, key: string) => c.querySelector(`[data-progress="${key}"] .value`)?.textContent;

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('start screen: an empty editor', () => {
  it('names the year and format from the CMS title, and 插入完整报告 inserts that year’s skeleton', async () => {
    const { container, onInsert } = show(statusOf('', { title: TITLE }));
    expect(container.querySelector('.not-report')).toBeNull();
    const start = container.querySelector('.start')!;
    expect(start.getAttribute('data-year')).toBe('2025');
    expect(start.textContent).toContain('将按2025年度报告检查，使用2021年版格式');
    // The title gives the year: nothing to ask.
    expect(start.querySelector('input[name="year"]')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '插入完整报告' }));
    expect(onInsert).toHaveBeenCalledOnce();
    const [html, text] = onInsert.mock.calls[0]!;
    expect(html).toContain('某某镇2025年政府信息公开工作年度报告');
    expect(text).toContain('六、其他需要报告的事项');
    await waitFor(() => expect(start.textContent).toContain('已插入编辑器'));
  });

  it('without a year in sight, offers last year and takes the one typed, refusing what is no year', () => {
    const now = new Date();
    const { container, onYear, onInsert } = show(statusOf(''));
    const start = container.querySelector('.start')!;
    expect(start.getAttribute('data-year')).toBe(String(now.getFullYear() - 1));
    const field = screen.getByLabelText('报告年度') as HTMLInputElement;
    expect(field.value).toBe(String(now.getFullYear() - 1));
    fireEvent.input(field, { target: { value: '20x5' } });
    fireEvent.click(screen.getByRole('button', { name: '按此年度检查' }));
    expect(onYear).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain('四位数');
    fireEvent.input(field, { target: { value: '2024' } });
    fireEvent.click(screen.getByRole('button', { name: '按此年度检查' }));
    expect(onYear).toHaveBeenCalledWith(2024);
    expect(onInsert).not.toHaveBeenCalled();
  });

  it('says when the insert did not happen', async () => {
    const { container } = show(statusOf('', { title: TITLE }), { onInsert: vi.fn(async () => Promise.reject()) });
    fireEvent.click(screen.getByRole('button', { name: '插入完整报告' }));
    await waitFor(() => expect(container.querySelector('.start .error')?.textContent).toContain('无法插入'));
  });
});

describe('progress header and verdict', () => {
  it('the untouched 2025 skeleton: 0/6 parts, 0/3 tables, not 全部通过, template parts and tables named', () => {
    const status = statusOf(skeleton2025);
    const { container } = show(status);
    const report = status.report!;
    expect(report.verdict).toBe('in-progress');
    expect(figure(container, 'parts')).toBe('0/6');
    expect(figure(container, 'tables')).toBe('0/3');
    // Nothing is wrong in it, only left to write: no red error count for a clerk who has just begun.
    expect(figure(container, 'errors')).toBe('0');
    expect(figure(container, 'warnings')).toBe('0');
    expect(figure(container, 'todo')).toBe(String(report.progress.errors + report.progress.warnings));
    expect(container.querySelector('.passed')).toBeNull();
    expect(container.textContent).not.toContain('全部通过');
    const template = container.querySelector('[data-todo="template"]')!;
    expect([...template.querySelectorAll('li')].map((li) => li.textContent)).toEqual(
      formatForYear(2025).parts.map((p) => `${'一二三四五六'[p.number - 1]}、${p.title}`),
    );
    const fill = [...container.querySelectorAll('[data-todo="fill"] li')].map((li) => li.textContent);
    expect(fill).toEqual([
      '表二（主动公开政府信息情况）',
      '表三（收到和处理政府信息公开申请情况）',
      '表四（政府信息公开行政复议、行政诉讼情况）',
    ]);
    expect(container.querySelectorAll('[data-finding]').length).toBeLessThanOrEqual(20);
  });

  it('puts the checklist above the findings and marks every blank cell of a grouped finding in its grid', () => {
    const status = statusOf(skeleton2025);
    const { container } = show(status);
    const order = [...container.querySelectorAll('.progress, .parts, .findings, .tables')].map((e) => e.className);
    expect(order).toEqual(['progress', 'parts', 'findings', 'tables']);
    const blank = status.report!.findings.find((f) => f.code === 'cells-blank' && f.table === 'requests')!;
    const marked = container.querySelectorAll('table[data-table="requests"] td[data-mark="warning"]');
    expect(marked.length).toBe(blank.cells!.length);
    const first = blank.cells![0]!;
    expect(
      container
        .querySelector(`table[data-table="requests"] td[data-row="${first.row}"][data-column="${first.column}"]`)!
        .getAttribute('data-mark'),
    ).toBe('warning');
  });

  it('opening paragraph and part 一 under a CMS title: parts 二–六 and the three tables still to write', () => {
    const status = statusOf(opening, { title: TITLE });
    const { container } = show(status);
    expect(status.report!.verdict).not.toBe('all-clear');
    expect(figure(container, 'parts')).toBe('1/6');
    // Five parts and three tables not yet written are work left, not eight red errors.
    expect(figure(container, 'errors')).toBe('0');
    expect(figure(container, 'todo')).toBe(String(status.report!.progress.errors + status.report!.progress.warnings));
    const toWrite = [...container.querySelectorAll('[data-todo="write"] li')].map((li) => li.textContent);
    expect(toWrite.map((s) => s!.slice(0, 1))).toEqual(['二', '三', '四', '五', '六']);
    expect(container.querySelectorAll('[data-todo="fill"] li').length).toBe(3);
    expect(container.textContent).not.toContain('全部通过');
  });

  it('shows 全部通过 only on the engine’s all-clear, never from an empty list of findings', () => {
    const status = statusOf(opening, { title: TITLE });
    const quiet: PageStatus = { ...status, report: { ...status.report!, findings: [] } };
    expect(show(quiet).container.querySelector('.passed')).toBeNull();
    cleanup();
    const clear: PageStatus = { ...status, report: { ...status.report!, verdict: 'all-clear' } };
    expect(show(clear).container.querySelector('.passed')!.textContent).toContain('全部通过');
  });
});

describe('the year field in the panel', () => {
  const untitled =
    '根据《中华人民共和国政府信息公开条例》规定，现公布本镇政府信息公开工作年度报告。\n一、总体情况\n本镇认真贯彻落实政务公开工作要求。';

  it('asks for the year of a report that does not state it, and hands it back', () => {
    const status = statusOf(untitled);
    expect(status.report!.verdict).toBe('needs-year');
    const { container, onYear } = show(status);
    expect(container.querySelector('.ask-year h2')!.textContent).toBe('未能识别报告年度');
    fireEvent.input(screen.getByLabelText('报告年度'), { target: { value: '2025' } });
    fireEvent.click(screen.getByRole('button', { name: '按此年度检查' }));
    expect(onYear).toHaveBeenCalledWith(2025);
    expect(container.textContent).not.toContain('全部通过');
  });

  it('names a year the clerk gave, with the way back to the draft’s own', () => {
    const { container, onYear } = show(statusOf(untitled, { year: 2025 }), { givenYear: 2025 });
    expect(container.querySelector('.ask-year')).toBeNull();
    expect(container.querySelector('.year-given')!.textContent).toContain('本页按您填写的2025年度检查');
    fireEvent.click(screen.getByRole('button', { name: '改为从文稿识别' }));
    expect(onYear).toHaveBeenCalledWith(null);
  });
});

describe('old (pre-2019) structure', () => {
  it('lists the old parts as information: no ✗, no 缺少, no English id or undefined', () => {
    const text = readFileSync(resolve(seedsDir, '004_90225ff58829eda7.txt'), 'utf8');
    const { container } = show(statusOf(text));
    const parts = container.querySelector('.parts')!;
    expect(parts.querySelector('h2')!.textContent).toBe('旧结构的部分（仅供参考，不作要求）');
    expect(parts.querySelectorAll('.part').length).toBe(7);
    expect([...parts.querySelectorAll('.part')].every((p) => p.getAttribute('data-tone') === 'info')).toBe(true);
    expect(parts.textContent).not.toContain('✗');
    expect(parts.textContent).not.toContain('缺少');
    expect(container.textContent).not.toMatch(/undefined|null|NaN|pre2019|\b[a-z]+-[a-z]+\b/);
  });
});
