import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkPage } from '../../lib/check/engine';
import { PageStatus } from '../../lib/extension/messages';
import { checkFile } from '../../lib/review/files';
import { Panel } from '../../components/panel/Panel';
import type { ReviewApi } from '../../components/review/api';
import { checkAttachment, readAttachment, type AttachmentResult } from '../../components/review/attachment';
import { root } from '../paths';
import { sameReading } from '../support/reading';

/**
 * 检查附件 in the panel: a published page holding only the report's title and a link to the file.
 * The view is driven with the file's real reading (readAttachment on the .docx fixture, the same
 * code the panel runs after its fetch); the fetch itself is exercised by tests/e2e/attachment.e2e.ts.
 */
const files = resolve(root, 'tests/fixtures/files');
const bytes = (name: string) => new Uint8Array(readFileSync(resolve(files, name)));
const PAGE_URL = 'http://xxgk.qs.gov.cn/art/2024/1/18/art_1_2.html';
const NAME = '青山县人民政府2023年政府信息公开工作年度报告.docx';

function pageStatus(): PageStatus {
  const doc = new DOMParser().parseFromString(
    `<!doctype html><title>青山县人民政府2023年政府信息公开工作年度报告</title><div id="zoom"><h1>青山县人民政府2023年政府信息公开工作年度报告</h1><p>附件：<a href="/u/cms/r.docx">${NAME}</a></p></div>`,
    'text/html',
  );
  const { text: _t, locate: _l, period, ...report } = checkPage(doc, { source: PAGE_URL });
  return PageStatus.parse({
    kind: 'published',
    parsed: true,
    editor: 'published',
    url: PAGE_URL,
    report,
    errors: 0,
    period,
  });
}

/** The browser's api but for the fetch: the fixture's bytes read as the panel reads a download. */
function api(answer: (page: { url: string }, link: { href: string }) => Promise<AttachmentResult>): ReviewApi {
  return {
    setPrevious: vi.fn(async () => null),
    reportTabs: vi.fn(async () => []),
    fromTab: vi.fn(async () => null),
    checkAttachment: vi.fn(answer),
  };
}

const readFixture = async (page: { url: string }, link: { href: string }): Promise<AttachmentResult> => {
  const url = new URL(link.href, page.url).href;
  const { kind, checked } = await readAttachment(bytes('report-2023.docx'), { source: url });
  return { ok: true, attached: { name: NAME, url, kind, checked } };
};

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('检查附件', () => {
  it('shows the file’s findings, parts and tables in the page’s place, says which file, and goes back', async () => {
    const status = pageStatus();
    const review = api(readFixture);
    const onReveal = vi.fn(async () => true);
    const { container } = render(
      <Panel state={{ kind: 'page', status }} onRecheck={() => {}} onReveal={onReveal} review={review} />,
    );
    expect(container.querySelector('.review-attachment .hint')!.textContent).toContain(NAME);
    expect(container.querySelector('[data-finding="attachment-only"]')).not.toBeNull();

    fireEvent.click(screen.getByText('检查附件'));
    await waitFor(() => expect(container.querySelector('.attachment-shown')).not.toBeNull());
    expect(review.checkAttachment).toHaveBeenCalledWith(
      { url: PAGE_URL, title: status.report!.title, publishedAt: null },
      { name: NAME, href: '/u/cms/r.docx' },
    );
    const banner = container.querySelector('.attachment-shown')!;
    expect(banner.textContent).toContain(`以下是附件「${NAME}」的检查结果，不是页面本身的。`);
    expect(banner.textContent).toContain('http://xxgk.qs.gov.cn/u/cms/r.docx');
    expect(container.querySelector('[data-field="source"]')!.textContent).toBe('网站附件（DOCX 文件）');

    // Exactly what the CLI reads from the same file.
    const cli = await checkFile(bytes('report-2023.docx'), 'r.docx');
    const shown = [...container.querySelectorAll('.findings [data-finding]')].map((b) =>
      b.getAttribute('data-finding'),
    );
    expect(shown.sort()).toEqual(cli.findings.map((f) => f.code).sort());
    expect(shown).toContain('sum-mismatch');
    expect([...container.querySelectorAll('.part')].map((p) => p.getAttribute('data-status'))).toEqual(
      cli.parts.map((p) => p.status),
    );
    expect(container.querySelector('.tables')).not.toBeNull();
    // No comparison with last year's report and no second 检查附件 while a file is shown.
    expect(container.querySelector('.review-previous')).toBeNull();
    expect(container.querySelector('[data-action="check-attachment"]')).toBeNull();

    // A place in the file is not on the page: said so, the page is not asked.
    fireEvent.click(container.querySelector('.findings [data-finding="sum-mismatch"]')!);
    expect(container.querySelector('.reveal-failed')!.textContent).toBe('这一处在附件文件中，无法在页面上标出。');
    expect(onReveal).not.toHaveBeenCalled();

    fireEvent.click(screen.getByText('返回页面的检查结果'));
    expect(container.querySelector('.attachment-shown')).toBeNull();
    expect(container.querySelector('[data-finding="attachment-only"]')).not.toBeNull();
    expect(container.querySelector('.reveal-failed')).toBeNull();
  });

  it('says why a file could not be checked, and keeps the page shown', async () => {
    const review = api(async () => ({ ok: false, message: '无法下载附件：网站返回 HTTP 404。' }));
    const { container } = render(
      <Panel
        state={{ kind: 'page', status: pageStatus() }}
        onRecheck={() => {}}
        onReveal={async () => true}
        review={review}
      />,
    );
    fireEvent.click(screen.getByText('检查附件'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('无法下载附件：网站返回 HTTP 404。'));
    expect(container.querySelector('.attachment-shown')).toBeNull();
    expect((screen.getByText('检查附件') as HTMLButtonElement).disabled).toBe(false);
  });

  it('reads a .docx and a .doc as the CLI does; a page or a broken file gets a Chinese message, never a report', async () => {
    for (const name of ['report-2023.docx', 'report-2023.doc']) {
      const { checked } = await readAttachment(bytes(name), { source: name });
      expect(sameReading(checked)).toEqual(sameReading(await checkFile(bytes(name), name)));
    }
    await expect(readAttachment(bytes('report-2023.html'), { source: 'r.pdf' })).rejects.toThrow(
      '下载到的不是 PDF 或 Word 文件',
    );
    const broken = bytes('report-2023.docx').slice(0, 3000);
    await expect(readAttachment(broken, { source: 'r.docx' })).rejects.toThrow('Word 文件（.docx）已损坏或无法解析');
  });

  it('never fetches a file on another site', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch');
    const page = { url: PAGE_URL, title: null, publishedAt: null };
    for (const href of [
      'http://evil.example.com/r.pdf',
      'https://www.qs.com.cn/r.pdf',
      'file:///etc/passwd',
      'javascript:alert(1)',
    ])
      expect(await checkAttachment(page, { name: 'r.pdf', href })).toEqual({
        ok: false,
        message: `附件不在本网站，未下载：${href}`,
      });
    expect(fetch).not.toHaveBeenCalled();
  });
});
