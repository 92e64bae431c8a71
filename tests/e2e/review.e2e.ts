import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeWithoutForeignRequests, launch, type Harness } from './harness';
import { FINDINGS_CSV_HEADER } from '../../lib/review/export';
import type { PageStatus } from '../../lib/extension/messages';
import { parseCsv } from '../support/csv';

/**
 * Issue 6, reviewer mode: a published 2021 report (published-2021.html) and its 2020 page
 * (published-2021-prev.html). This year's 二、上年结转 differs from last year's 四、结转下年度继续办理
 * in the 商业企业 column (and so in 总计), and one paragraph is last year's with only the year changed.
 */
let h: Harness;

beforeAll(async () => {
  h = await launch();
});

afterAll(() => closeWithoutForeignRequests(h));

async function statusUntil(tabId: number, ok: (s: PageStatus) => boolean): Promise<PageStatus> {
  let last: PageStatus | undefined;
  await expect
    .poll(
      async () => {
        last = await h.status(tabId).catch(() => undefined);
        return !!last && ok(last);
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  return last!;
}

/** The findings the panel lists, as [code, message], in the order shown. */
const shownFindings = (panel: Page) =>
  panel.$$eval('.findings [data-finding]', (buttons) =>
    buttons.map((b) => [b.getAttribute('data-finding')!, b.querySelector('.message')!.textContent!]),
  );

async function download(panel: Page, kind: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([panel.waitForEvent('download'), panel.click(`[data-export="${kind}"]`)]);
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
}

describe('reviewer mode on a published page', () => {
  it('compares with last year’s report from another tab, from pasted text, and exports exactly the findings shown', async () => {
    const last = await h.open('published-2021-prev.html');
    await statusUntil(last.tabId, (s) => s.kind === 'published' && s.report?.year === 2020);
    const { tabId } = await h.open('published-2021.html');
    const alone = await statusUntil(tabId, (s) => s.kind === 'published');
    expect(alone.report!.findings.map((f) => f.code)).not.toContain('carryover-mismatch');

    const panel = await h.openPanel(tabId);
    const review = panel.locator('details.review');
    await expect.poll(() => review.getAttribute('open'), { timeout: 10_000 }).not.toBeNull();
    expect(await panel.locator('[data-field="published"]').textContent()).toContain('2022-02-20');
    expect(await panel.locator('[data-deadline="late"]').textContent()).toContain('2022-01-31');
    expect(await panel.locator('[data-field="period"]').textContent()).toBe('2021年1月1日至2021年12月31日');

    // Last year's page, open in another tab.
    await panel.click('[data-action="find-tabs"]');
    await panel.click(`[data-tab="${last.tabId}"]`);
    await expect.poll(() => panel.locator('[data-finding="carryover-mismatch"]').count(), { timeout: 10_000 }).toBe(2);
    expect(await panel.locator('[data-previous]').textContent()).toContain(
      '某县自然资源局2020年政府信息公开工作年度报告（2020年度）',
    );
    const carry = await panel.locator('[data-finding="carryover-mismatch"] .message').allTextContents();
    expect(carry.find((m) => m.includes('「法人或其他组织·商业企业」列为 12'))).toContain('为 10');
    expect(carry.find((m) => m.includes('「总计」'))).toBeTruthy();
    const copied = await panel.locator('[data-finding="copied-text"] .message').allTextContents();
    expect(copied.some((m) => m.includes('2021年，本局坚持以习近平新时代中国特色社会主义思想为指导'))).toBe(true);
    expect(copied.some((m) => /有 1 段与上年报告相同.*约占正文的 \d+%/.test(m))).toBe(true);

    // The content script keeps it: the page's own status now carries the comparison.
    const compared = await h.status(tabId);
    expect(compared.previous?.year).toBe(2020);
    expect(compared.errors).toBe(2);

    // Cleared, then last year's text pasted instead.
    await panel.click('[data-action="clear-previous"]');
    await expect.poll(() => panel.locator('[data-finding="carryover-mismatch"]').count()).toBe(0);
    expect(await panel.locator('[data-previous]').count()).toBe(0);
    const lastPage = last.page;
    const pasted = await lastPage.locator('#zoom').innerText();
    await panel.fill('textarea[name="previous-text"]', pasted);
    await panel.click('[data-action="use-pasted"]');
    await expect.poll(() => panel.locator('[data-finding="carryover-mismatch"]').count(), { timeout: 10_000 }).toBe(2);
    expect(await panel.locator('[data-finding="copied-text"]').count()).toBe(2);

    const shown = await shownFindings(panel);
    expect(shown.map(([code]) => code)).toEqual(
      expect.arrayContaining(['carryover-mismatch', 'copied-text', 'deadline']),
    );

    const csv = await download(panel, 'csv');
    expect(csv.name).toBe('某县自然资源局-2021-审阅.csv');
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(csv.text.slice(1));
    expect(rows[0]).toEqual(FINDINGS_CSV_HEADER);
    const [code, message] = [FINDINGS_CSV_HEADER.indexOf('问题代码'), FINDINGS_CSV_HEADER.indexOf('说明')];
    expect(rows.slice(1).map((r) => [r[code], r[message]])).toEqual(shown);

    const json = JSON.parse((await download(panel, 'json')).text);
    expect(json.findings.map((f: { code: string; message: string }) => [f.code, f.message])).toEqual(shown);
    expect([json.title, json.year, json.unit]).toEqual([
      '某县自然资源局2021年政府信息公开工作年度报告',
      2021,
      '某县自然资源局',
    ]);
    expect(json.source).toBe(h.url('published-2021.html'));

    const md = await download(panel, 'md');
    for (const [, m] of shown) expect(md.text).toContain(m.replace(/\|/g, '\\|'));

    // 导出审阅报告: the batch report's page for this one report (tests/e2e/audit-report.e2e.ts opens the batch one from disk).
    const report = await download(panel, 'html');
    expect(report.name).toBe('某县自然资源局-2021-审阅.html');
    const view = await h.context.newPage();
    await view.setContent(report.text);
    expect(await view.locator('#reports tbody tr').count()).toBe(1);
    expect(
      await view.locator('#r-0 .findings li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-code'))),
    ).toEqual(shown.map(([code]) => code));
    expect(await view.locator('#r-0 .grid td.bad').count()).toBeGreaterThan(0);
    await view.close();
  });
});
