import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkHtml } from '../../lib/review/html';
import { root } from '../paths';
import { closeWithoutForeignRequests, launch, type Harness } from './harness';

/**
 * Issue 16, 检查附件: a published page that holds only the report's title and a link to it as a
 * file. The panel offers to check the file; the click fetches it from the page's own site (the
 * mapped gov.cn host) and reads it in the panel — a PDF printed here by Chromium, the .docx and
 * .doc fixtures — then shows the file's findings, parts and tables in the page's place. Nothing else
 * leaves the browser: pdf.js's worker comes from the extension's own package.
 */
const html = readFileSync(resolve(root, 'tests/fixtures/files/report-2023.html'), 'utf8');

let h: Harness;
beforeAll(async () => {
  h = await launch();
  const tab = await h.context.newPage();
  await tab.setContent(html);
  const pdf = await tab.pdf({ format: 'A4', margin: { top: '20mm', bottom: '20mm', left: '10mm', right: '10mm' } });
  await tab.close();
  h.put('report-2023.pdf', new Uint8Array(pdf), 'application/pdf');
}, 60_000);
afterAll(() => closeWithoutForeignRequests(h));

describe('检查附件 on a published page whose report is an attachment', () => {
  it.each([
    ['pdf', '/generated/report-2023.pdf'],
    ['docx', '/seeds/files/report-2023.docx'],
    ['doc', '/seeds/files/report-2023.doc'],
  ])(
    '%s: the file’s findings, parts and tables are shown in the page’s place, and the way back',
    async (kind, path) => {
      const { tabId } = await h.open(`attachment.html?file=${path}`);
      const page = await h.statusWhen(tabId, (s) => s.kind === 'published' && !!s.report?.attachment);
      expect(page.report!.findings.map((f) => f.code)).toContain('attachment-only');
      const name = `青山县人民政府2023年政府信息公开工作年度报告.${kind}`;
      expect(page.report!.attachment).toEqual({ name, href: path });

      const panel = await h.openPanel(tabId);
      const button = panel.locator('[data-action="check-attachment"]');
      await button.waitFor({ timeout: 10_000 });
      expect(await panel.locator('.review-attachment .hint').textContent()).toContain(name);
      await button.click();

      const banner = panel.locator('.attachment-shown');
      await banner.waitFor({ timeout: 60_000 });
      expect(await banner.textContent()).toContain(`附件「${name}」的检查结果`);
      expect(await banner.textContent()).toContain(h.url(path));
      expect(await panel.locator('[data-field="source"]').textContent()).toBe(`网站附件（${kind.toUpperCase()} 文件）`);
      expect(await panel.locator('[data-field="year"]').textContent()).toBe('2023');
      expect(await panel.locator('[data-field="unit"]').textContent()).toBe('青山县人民政府');

      // The file's findings are those of the page it was made from (its one wrong total among them),
      // checked with the publishing date the page shows.
      const expected = checkHtml(html, { publishedAt: page.report!.publishedAt ?? undefined });
      const shown = await panel.$$eval('.findings [data-finding]', (bs) =>
        bs.map((b) => b.getAttribute('data-finding')),
      );
      expect(shown.sort()).toEqual(expected.findings.map((f) => f.code).sort());
      expect(shown).toContain('sum-mismatch');
      expect(shown).not.toContain('attachment-only');
      const parts = await panel.$$eval('.part', (ps) => ps.map((p) => p.getAttribute('data-status')));
      expect(parts).toEqual(expected.parts.map((p) => p.status));
      expect(await panel.locator('.tables').count()).toBe(1);

      // A finding's place is in the file, not on the page: said so, the page left alone.
      await panel.locator('.findings [data-finding="sum-mismatch"]').first().click();
      expect(await panel.locator('.reveal-failed').textContent()).toContain('无法在页面上标出');

      await panel.click('[data-action="attachment-back"]');
      await panel.locator('.report[data-shown="page"] [data-finding="attachment-only"]').waitFor({ timeout: 10_000 });
      await panel.close();
    },
  );

  it('a missing file, a file over 20 MB and a page in place of the file: a Chinese message, the page still shown', async () => {
    h.put('huge.pdf', new Uint8Array(21 * 1024 * 1024).fill(0x20), 'application/pdf');
    h.put('login.pdf', new TextEncoder().encode('<!doctype html><title>登录</title><p>请先登录</p>'), 'text/html');
    for (const [path, message] of [
      ['/seeds/files/missing.pdf', '无法下载附件：网站返回 HTTP 404。'],
      ['/generated/huge.pdf', '附件超过 20 MB，未读取。请下载后用命令行检查。'],
      ['/generated/login.pdf', '下载到的不是 PDF 或 Word 文件（可能是网站的错误页或登录页）。'],
    ] as const) {
      const { tabId } = await h.open(`attachment.html?file=${path}`);
      await h.statusWhen(tabId, (s) => s.kind === 'published' && !!s.report?.attachment);
      const panel = await h.openPanel(tabId);
      await panel.click('[data-action="check-attachment"]');
      const alert = panel.locator('.review-attachment [role="alert"]');
      await alert.waitFor({ timeout: 30_000 });
      expect(await alert.textContent()).toBe(message);
      expect(await panel.locator('.report[data-shown="page"]').count()).toBe(1);
      await panel.close();
    }
  });

  it('the file was fetched from the page’s site, once per click, and pdf.js’s worker from the extension', () => {
    expect(h.requests.filter((u) => u === h.url('/generated/report-2023.pdf'))).toHaveLength(1);
    expect(h.requests.filter((u) => u === h.url('/seeds/files/report-2023.docx'))).toHaveLength(1);
    expect(h.requests.filter((u) => u === h.url('/seeds/files/report-2023.doc'))).toHaveLength(1);
    expect(h.requests.some((u) => u.startsWith(`chrome-extension://${h.extensionId}/`) && /pdf\.worker/.test(u))).toBe(
      true,
    );
  });
});
