import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkText } from '../../lib/check/engine';
import { unfinishedIn } from '../../lib/check/unfinished';
import type { PageStatus } from '../../lib/extension/messages';
import { Panel, type PanelState } from '../../components/panel/Panel';
import { seedsDir } from '../paths';

function statusOf(seed: string, kind: PageStatus['kind'] = 'editor'): PageStatus {
  const { text: _text, ...report } = checkText(readFileSync(resolve(seedsDir, seed), 'utf8'));
  return {
    kind,
    parsed: true,
    editor: 'textarea',
    url: 'http://x.gov.cn/',
    report,
    errors: report.findings.filter((f) => f.severity === 'error').length,
  };
}

const seed003 = statusOf('003_422ee649bd0c999e.txt');

function show(state: PanelState, onReveal = vi.fn(async () => true), onRecheck = vi.fn()) {
  const view = render(<Panel state={state} onRecheck={onRecheck} onReveal={onReveal} />);
  return { ...view, onReveal, onRecheck };
}

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('side panel', () => {
  it('shows seed 003: its year, unit and format, part 4 retitled, the 规章 row flagged', () => {
    const { container } = show({ kind: 'page', status: seed003 });
    expect(container.querySelector('[data-field="year"]')!.textContent).toBe('2020');
    expect(container.querySelector('[data-field="unit"]')!.textContent).toBe('阳头升乡');
    expect(container.querySelector('[data-field="format"]')!.textContent).toBe('2019年版格式');
    const parts = [...container.querySelectorAll('.part')].map((p) => p.getAttribute('data-status'));
    expect(parts).toEqual(['ok', 'ok', 'ok', 'retitled', 'ok', 'ok']);
    expect(container.querySelector('.part[data-part="4"]')!.textContent).toContain('标题不规范');
    const regulations = container.querySelectorAll(
      'table[data-table="active"] td[data-row="regulations"][data-mark="warning"]',
    );
    expect(regulations.length).toBeGreaterThan(0);
    expect(container.querySelectorAll('table[data-table="active"] td[data-row="licensing"][data-mark]').length).toBe(0);
  });

  it('names the editor as a clerk knows it, never by its internal kind', () => {
    const source = (editor: string) => {
      const { container } = show({ kind: 'page', status: { ...seed003, editor } });
      const dd = [...container.querySelectorAll('.summary dd')].map((d) => d.textContent ?? '');
      cleanup();
      return dd.find((d) => d.startsWith('编辑器'));
    };
    expect(source('textarea')).toBe('编辑器：文本框');
    expect(source('contenteditable')).toBe('编辑器：网页编辑区');
    expect(source('ueditor')).toBe('编辑器：UEditor');
    expect(source('ckeditor5')).toBe('编辑器：CKEditor 5');
  });

  it('builds each grid from the format data: every row and column of the 2019 requests table', () => {
    const { container } = show({ kind: 'page', status: seed003 });
    const grid = container.querySelector('table[data-table="requests"]')!;
    expect(grid.querySelectorAll('tbody tr').length).toBe(27);
    expect([...grid.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
      '申请人情况',
      '自然人',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
      '总计',
    ]);
    // The review table's fifteen columns as three groups of five.
    const review = container.querySelector('table[data-table="review"]')!;
    expect([...review.querySelectorAll('tbody th')].map((th) => th.textContent)).toEqual([
      '行政复议',
      '未经复议直接起诉',
      '复议后起诉',
    ]);
    expect(review.querySelectorAll('tbody td').length).toBe(15);
  });

  it('groups findings by severity with counts, in Chinese; in a draft, work not yet done apart as 待完成', () => {
    const { container } = show({ kind: 'page', status: seed003 });
    const report = seed003.report!;
    const todo = unfinishedIn(report.tables);
    const warnings = report.findings.filter((f) => f.severity === 'warning' && !todo(f)).length;
    const left = report.findings.filter((f) => f.severity !== 'info' && todo(f)).length;
    expect(warnings).toBeGreaterThan(0);
    expect(left).toBeGreaterThan(0);
    const group = container.querySelector('.group[data-severity="warning"]')!;
    expect(group.querySelector('h3')!.textContent).toBe(`提醒 ${warnings}`);
    expect(group.querySelectorAll('[data-finding]').length).toBe(warnings);
    const rest = container.querySelector('.group[data-severity="todo"]')!;
    expect(rest.querySelector('h3')!.textContent).toBe(`待完成 ${left}`);
    // Folded while there is something worse to read.
    expect((rest as HTMLDetailsElement).open).toBe(false);
    expect(container.querySelector('[data-progress="warnings"] .value')!.textContent).toBe(String(warnings));
    expect(container.querySelector('[data-progress="todo"] .value')!.textContent).toBe(String(left));
    expect(container.querySelector('.group[data-severity="error"]')).toBeNull();
    expect(screen.getByText('重新检查')).toBeTruthy();
  });

  it('on a published page, counts every finding by its severity: nothing is set apart as 待完成', () => {
    const published = statusOf('003_422ee649bd0c999e.txt', 'published');
    const { container } = show({ kind: 'page', status: published });
    const warnings = published.report!.findings.filter((f) => f.severity === 'warning').length;
    expect(container.querySelector('.group[data-severity="warning"] h3')!.textContent).toBe(`提醒 ${warnings}`);
    expect(container.querySelector('.group[data-severity="todo"]')).toBeNull();
    expect(container.querySelector('[data-progress="todo"]')).toBeNull();
  });

  it('moves through findings with the arrow keys and jumps with a click or Enter', async () => {
    const { container, onReveal } = show({ kind: 'page', status: seed003 });
    // A folded group's findings are out of reach of the keys.
    const items = [...container.querySelectorAll<HTMLButtonElement>('[data-finding]')].filter(
      (b) => b.closest('details')!.open,
    );
    items[0]!.focus();
    fireEvent.keyDown(items[0]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(items[1]);
    fireEvent.keyDown(items[1]!, { key: 'End' });
    expect(document.activeElement).toBe(items.at(-1));
    fireEvent.keyDown(items.at(-1)!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(items.at(-2));
    fireEvent.click(items[1]!);
    const todo = unfinishedIn(seed003.report!.tables);
    const f = seed003.report!.findings.filter((x) => x.severity === 'warning' && !todo(x))[1]!;
    expect(onReveal).toHaveBeenCalledWith(f.start, f.end);
  });

  it('says when the page is no report, when it cannot be reached, and offers a recheck', () => {
    const none: PageStatus = { kind: 'none', parsed: false, url: 'http://x.gov.cn/', errors: 0 };
    const { container, onRecheck } = show({ kind: 'page', status: none });
    expect(container.querySelector('.not-report')!.textContent).toContain('此页面不是政府信息公开工作年度报告');
    fireEvent.click(screen.getByText('重新检查'));
    expect(onRecheck).toHaveBeenCalledOnce();
    cleanup();
    const unreachable = show({ kind: 'unreachable' });
    expect(unreachable.container.textContent).toContain('无法检查此页面');
  });

  it('shows 全部通过 on the engine’s all-clear only, and the old structure without its tables', () => {
    // Findings taken away do not make a report all clear: the verdict does.
    const quiet: PageStatus = {
      ...seed003,
      report: { ...seed003.report!, findings: seed003.report!.findings.filter((f) => f.severity === 'info') },
    };
    expect(show({ kind: 'page', status: quiet }).container.querySelector('.passed')).toBeNull();
    cleanup();
    const clear = statusOf('002_b149f0f934cd76e1.txt', 'published');
    expect(clear.report!.verdict).toBe('all-clear');
    const { container } = show({ kind: 'page', status: clear });
    expect(container.querySelector('.passed')!.textContent).toContain('全部通过');
    cleanup();
    const old = show({ kind: 'page', status: statusOf('004_90225ff58829eda7.txt', 'published') });
    expect(old.container.querySelector('[data-field="format"]')!.textContent).toBe('2019年以前的旧结构');
    expect(old.container.querySelector('.passed')).toBeNull();
    expect(old.container.querySelector('[data-finding="year-mismatch"]')!.textContent).toContain('2016');
    expect(old.container.querySelector('.tables')).toBeNull();
  });

  it('tells the clerk when a place could not be found in the page', async () => {
    const { container } = show(
      { kind: 'page', status: seed003 },
      vi.fn(async () => false),
    );
    fireEvent.click(container.querySelector<HTMLButtonElement>('[data-finding]')!);
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('无法在页面中定位此处');
  });
});
