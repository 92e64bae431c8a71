import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { asPrevious, checkPage } from '../../lib/check/engine';
import { FINDINGS_CSV_HEADER } from '../../lib/review/export';
import { PageStatus, PreviousReport } from '../../lib/extension/messages';
import { Panel } from '../../components/panel/Panel';
import { Review, shownReport } from '../../components/review/Review';
import type { ReviewApi } from '../../components/review/api';
import { decodeFile, previousFromText } from '../../components/review/previous';
import { parseCsv } from '../support/csv';
import { root } from '../paths';

const html = (name: string) => readFileSync(resolve(root, 'tests/e2e/fixtures', name), 'utf8');
const page = (name: string) => new DOMParser().parseFromString(html(name), 'text/html');
const URL_THIS = 'http://xxgk.test.gov.cn/published-2021.html';

function statusOf(previous?: ReturnType<typeof asPrevious>): PageStatus {
  const {
    text: _t,
    locate: _l,
    ...report
  } = checkPage(page('published-2021.html'), { source: URL_THIS, ...(previous ? { previous } : {}) });
  return PageStatus.parse({
    kind: 'published',
    parsed: true,
    editor: 'published',
    url: URL_THIS,
    report,
    errors: report.findings.filter((f) => f.severity === 'error').length,
    period: { from: 2021, to: 2021 },
  });
}

const last = checkPage(page('published-2021-prev.html'), { source: 'last' });
/** What a reviewer copies from last year's page: its article's text. */
const lastText = last.text;

function fakeApi(overrides: Partial<ReviewApi> = {}): ReviewApi & { setPrevious: ReturnType<typeof vi.fn> } {
  return {
    setPrevious: vi.fn(async () => statusOf()),
    reportTabs: vi.fn(async () => []),
    fromTab: vi.fn(async () => null),
    ...overrides,
  } as ReviewApi & { setPrevious: ReturnType<typeof vi.fn> };
}

/** Blobs handed to URL.createObjectURL by the export buttons, read back as text. */
function captureBlobs() {
  const blobs: Blob[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
    blobs.push(b as Blob);
    return `blob:test/${blobs.length}`;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  const names: string[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return {
    blobs,
    names,
    // ignoreBOM: keep the byte order mark, to see that the CSV has one.
    text: async (i: number) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blobs[i]!.arrayBuffer()),
  };
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('review section: dates and exports', () => {
  const status = statusOf(asPrevious(last));
  const shown = shownReport(status.report!).findings;

  it('shows the publication date, the late-publication finding and the 统计期限', () => {
    const { container } = render(<Review status={status} api={fakeApi()} />);
    expect(container.querySelector('details.review')!.hasAttribute('open')).toBe(true);
    const published = container.querySelector('[data-field="published"]')!;
    expect(published.textContent).toContain('2022-02-20');
    expect(published.querySelector('[data-deadline="late"]')!.textContent).toContain('晚于法定期限 2022-01-31');
    expect(container.querySelector('[data-field="period"]')!.textContent).toBe('2021年1月1日至2021年12月31日');
  });

  it('a report without a stated period or date says so; an editor page keeps the section closed', () => {
    const bare = {
      ...status,
      kind: 'editor' as const,
      period: null,
      report: { ...status.report!, publishedAt: null, findings: [] },
    };
    const { container } = render(<Review status={bare} api={null} />);
    expect(container.querySelector('details.review')!.hasAttribute('open')).toBe(false);
    expect(container.querySelector('[data-field="published"]')!.textContent).toBe('页面未显示发布日期');
    expect(container.querySelector('[data-field="period"]')!.textContent).toBe('正文未写明统计期限');
    expect(container.querySelector('.review-previous')).toBeNull();
  });

  it('CSV holds exactly the findings shown, in the order shown, with a BOM for Excel', async () => {
    const files = captureBlobs();
    const { container } = render(
      <Panel state={{ kind: 'page', status }} onRecheck={() => {}} onReveal={async () => true} review={fakeApi()} />,
    );
    const listed = [...container.querySelectorAll('.findings [data-finding]')].map((b) => [
      b.getAttribute('data-finding'),
      b.querySelector('.message')!.textContent,
    ]);
    fireEvent.click(screen.getByText('导出 CSV'));
    expect(files.names).toEqual(['某县自然资源局-2021-审阅.csv']);
    expect(files.blobs[0]!.type).toBe('text/csv;charset=utf-8');
    const csv = await files.text(0);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual(FINDINGS_CSV_HEADER);
    const code = FINDINGS_CSV_HEADER.indexOf('问题代码');
    const message = FINDINGS_CSV_HEADER.indexOf('说明');
    expect(rows.slice(1).map((r) => [r[code], r[message]])).toEqual(listed);
    expect(listed.map(([c]) => c)).toEqual(expect.arrayContaining(['carryover-mismatch', 'copied-text', 'deadline']));
  });

  it('导出审阅报告 saves the reviewers’ HTML report of this page, named by unit and year', async () => {
    const files = captureBlobs();
    render(<Review status={status} api={fakeApi()} />);
    fireEvent.click(screen.getByText('导出审阅报告'));
    expect(files.names).toEqual(['某县自然资源局-2021-审阅.html']);
    expect(files.blobs[0]!.type).toBe('text/html;charset=utf-8');
    const doc = new DOMParser().parseFromString(await files.text(0), 'text/html');
    expect(doc.querySelectorAll('#reports tbody tr')).toHaveLength(1);
    expect([...doc.querySelectorAll('#r-0 .findings li')].map((li) => li.getAttribute('data-code'))).toEqual(
      shown.map((f) => f.code),
    );
    expect(doc.querySelector(`#r-0 a[href="${URL_THIS}"]`)).not.toBeNull();
  });

  it('JSON holds the findings shown and the report’s source, title, year and unit', async () => {
    const files = captureBlobs();
    render(<Review status={status} api={fakeApi()} />);
    fireEvent.click(screen.getByText('导出 JSON'));
    const json = JSON.parse(await files.text(0));
    expect(json.findings).toEqual(shown);
    expect([json.source, json.title, json.year, json.unit, json.url]).toEqual([
      URL_THIS,
      '某县自然资源局2021年政府信息公开工作年度报告',
      2021,
      '某县自然资源局',
      URL_THIS,
    ]);
    expect(Date.parse(json.checkedAt)).not.toBeNaN();
  });

  it('Markdown lists every finding; the print button opens the HTML sheet', async () => {
    const files = captureBlobs();
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    render(<Review status={status} api={fakeApi()} />);
    fireEvent.click(screen.getByText('导出 Markdown'));
    const md = await files.text(0);
    for (const f of shown) expect(md).toContain(f.message.replace(/\|/g, '\\|'));
    fireEvent.click(screen.getByText('打印审阅单'));
    expect(open).toHaveBeenCalledWith('blob:test/2', '_blank');
    const sheet = new DOMParser().parseFromString(await files.text(1), 'text/html');
    expect(sheet.querySelectorAll('tbody tr')).toHaveLength(shown.length);
    expect(sheet.body.textContent).toContain(URL_THIS);
  });
});

describe('review section: last year’s report', () => {
  const status = statusOf();

  it('parses pasted text and hands a valid PreviousReport of 2020 to the page', async () => {
    const api = fakeApi();
    render(<Review status={status} api={api} />);
    fireEvent.input(screen.getByLabelText('粘贴上年报告全文'), { target: { value: lastText } });
    fireEvent.click(screen.getByText('使用粘贴的文本'));
    await waitFor(() => expect(api.setPrevious).toHaveBeenCalledTimes(1));
    const sent = PreviousReport.parse(api.setPrevious.mock.calls[0]![0]);
    expect(sent.year).toBe(2020);
    expect(sent.text).toBe(lastText);
    const carryover = sent.tables
      .find((t) => t.table === 'requests')!
      .cells!.find((c) => c.row === 'carryover' && c.column === 'business');
    expect(carryover!.value).toBe(10);
  });

  it('refuses pasted text that is no report, without asking the page', async () => {
    const api = fakeApi();
    render(<Review status={status} api={api} />);
    fireEvent.input(screen.getByLabelText('粘贴上年报告全文'), { target: { value: '今天天气很好，我们去公园散步。' } });
    fireEvent.click(screen.getByText('使用粘贴的文本'));
    expect((await screen.findByRole('alert')).textContent).toContain('不像政府信息公开工作年度报告');
    expect(api.setPrevious).not.toHaveBeenCalled();
  });

  it('reads a saved page (.html through DOMParser) and a saved text file', async () => {
    const api = fakeApi();
    const { container } = render(<Review status={status} api={api} />);
    const input = container.querySelector<HTMLInputElement>('input[type=file]')!;
    expect(input.accept).toContain('.htm');
    const htmlFile = new File([html('published-2021-prev.html')], 'last.html', { type: 'text/html' });
    fireEvent.change(input, { target: { files: [htmlFile] } });
    await waitFor(() => expect(api.setPrevious).toHaveBeenCalledTimes(1));
    const fromHtml = PreviousReport.parse(api.setPrevious.mock.calls[0]![0]);
    expect([fromHtml.source, fromHtml.year, fromHtml.title]).toEqual([
      'last.html',
      2020,
      '某县自然资源局2020年政府信息公开工作年度报告',
    ]);

    fireEvent.change(input, { target: { files: [new File([lastText], 'last.txt', { type: 'text/plain' })] } });
    await waitFor(() => expect(api.setPrevious).toHaveBeenCalledTimes(2));
    const fromText = PreviousReport.parse(api.setPrevious.mock.calls[1]![0]);
    expect([fromText.source, fromText.year]).toEqual(['last.txt', 2020]);
    expect(fromText.tables.find((t) => t.table === 'requests')!.cells).toEqual(
      fromHtml.tables.find((t) => t.table === 'requests')!.cells,
    );
  });

  it('refuses a binary file', async () => {
    const api = fakeApi();
    const { container } = render(<Review status={status} api={api} />);
    const pdf = new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2])], 'last.html');
    fireEvent.change(container.querySelector('input[type=file]')!, { target: { files: [pdf] } });
    expect((await screen.findByRole('alert')).textContent).toContain('无法读取此文件');
    expect(api.setPrevious).not.toHaveBeenCalled();
  });

  it('decodes files saved from GBK sites and with a BOM', async () => {
    const iconv = await import('iconv-lite');
    const gbk = new Uint8Array(iconv.encode('上年结转政府信息公开申请数量', 'gbk'));
    expect(decodeFile(gbk)).toBe('上年结转政府信息公开申请数量');
    expect(decodeFile(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('年报')]))).toBe('年报');
  });

  it('lists other tabs holding a report and takes one of them', async () => {
    const previous = (previousFromText(lastText, 'http://xxgk.test.gov.cn/last.html') as { previous: PreviousReport })
      .previous;
    const api = fakeApi({
      reportTabs: vi.fn(async () => [{ tabId: 7, title: '某县自然资源局2020年政府信息公开工作年度报告', year: 2020 }]),
      fromTab: vi.fn(async () => previous),
    });
    render(<Review status={status} api={api} />);
    fireEvent.click(screen.getByText('查找已打开的年报'));
    fireEvent.click(await screen.findByText('某县自然资源局2020年政府信息公开工作年度报告（2020年度）'));
    await waitFor(() => expect(api.setPrevious).toHaveBeenCalledWith(previous));
    expect(api.fromTab).toHaveBeenCalledWith(7);
  });

  it('says which report is compared, warns when it is not the year before, and clears it', async () => {
    const api = fakeApi();
    const comparing = {
      ...status,
      previous: { source: 'last.html', title: '某县自然资源局2019年政府信息公开工作年度报告', year: 2019 },
    };
    const { container } = render(<Review status={comparing} api={api} />);
    expect(container.querySelector('[data-previous]')!.textContent).toContain(
      '正在对比：某县自然资源局2019年政府信息公开工作年度报告（2019年度）',
    );
    expect(container.querySelector('.odd-year')!.textContent).toContain('2019');
    fireEvent.click(screen.getByText('清除'));
    await waitFor(() => expect(api.setPrevious).toHaveBeenCalledWith(null));
  });

  it('tells the reviewer when the page did not take the report', async () => {
    const api = fakeApi({ setPrevious: vi.fn(async () => null) });
    render(<Review status={status} api={api} />);
    fireEvent.input(screen.getByLabelText('粘贴上年报告全文'), { target: { value: lastText } });
    fireEvent.click(screen.getByText('使用粘贴的文本'));
    expect((await screen.findByRole('alert')).textContent).toContain('未能把上年报告交给页面');
  });
});
