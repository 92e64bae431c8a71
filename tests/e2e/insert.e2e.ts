import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { closeWithoutForeignRequests, getContent, launch, type Harness } from './harness';
import { EDITORS, PLAIN_EDITORS, editingRoot } from './editors';
import { format2019, format2021, type FormatDef } from '../../lib/format';
import type { PageStatus } from '../../lib/extension/messages';

/**
 * Issue 5's acceptance in each real editor fixture (UEditor: a rebuild of its DOM and API, as it is
 * not on npm): a new, empty article; the popup bound to its tab inserts the whole report as a clerk
 * does; the content script's check of the new draft; one Ctrl+Z in the editor restores it exactly.
 */

let h: Harness;

beforeAll(async () => {
  h = await launch();
});

afterAll(() => closeWithoutForeignRequests(h));

/** The requests table's rows under （六）其他处理, from the format data. */
const otherRows = (format: FormatDef) =>
  format.tables
    .find((t) => t.id === 'requests')!
    .sections.flatMap((s) => s.rows)
    .filter((r) => r.parent === 'other')
    .map((r) => r.id);

/**
 * An insert's steps each have Playwright's own 30 s timeout: the test waits longer than the vitest
 * default, so that a step that hangs fails with its own name and the page's status, not a bare timeout.
 */
const INSERT_TIMEOUT = 120_000;

/** Opens the fixture with an empty draft and returns it with its tab id, once the editor is up. */
async function openEmpty(name: string) {
  const opened = await h.open(`editors/${name}.html?draft=empty`);
  await opened.page.waitForSelector('html[data-editor-ready]');
  return opened;
}

/** The popup bound to the tab: set the year, click 插入完整报告, wait for its verdict. */
async function insertReport(tabId: number, year: number) {
  const popup = await h.extensionPage(`popup.html?tab=${tabId}`);
  const yearField = popup.locator('input[inputmode="numeric"]');
  await yearField.fill(String(year));
  await expect
    .poll(() => popup.locator('.popup-format').getAttribute('data-format'))
    .toBe(year >= 2021 ? '2021' : '2019');
  await popup.getByText('插入完整报告', { exact: true }).click();
  // The verdict shows once the page answered (the loader gives up on a lost background after two tries).
  const verdict = popup.locator('[role="status"]');
  await verdict.waitFor({ timeout: 30_000 }).catch(async () => {
    const page = await Promise.race([
      h.status(tabId).catch(String),
      new Promise((ok) => setTimeout(ok, 5000, 'no answer')),
    ]);
    throw new Error(`no verdict in the popup 30 s after 插入完整报告; the page's status: ${JSON.stringify(page)}`);
  });
  expect(await verdict.textContent()).toContain('已插入编辑器');
  await popup.close();
}

/** The content script's report once it has read the inserted draft of `year` (one insert: all of it or none). */
async function reportOf(tabId: number, year: number): Promise<NonNullable<PageStatus['report']>> {
  let last: PageStatus | undefined;
  await expect
    .poll(
      async () => {
        last = await h.status(tabId);
        return last.report?.year === year;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  return last!.report!;
}

/** One Ctrl+Z typed in the editing area, as the clerk would. */
async function undoByKeyboard(page: Page, root: Locator) {
  await page.bringToFront();
  await root.click({ position: { x: 8, y: 8 } });
  await page.keyboard.press('Control+z');
}

// The popup writes HTML source into a CMS's article textarea; the content script reads it as markup.
describe.each([...EDITORS, ...PLAIN_EDITORS])('whole 2021 report into an empty $name draft', (editor) => {
  let page: Page;
  let tabId: number;
  let before: string;

  beforeAll(async () => {
    ({ page, tabId } = await openEmpty(editor.name));
    before = await getContent(page);
  });

  afterAll(async () => {
    await page?.close();
  });

  it(
    'inserts from the popup a report with every part, every table in the 2021 format, balanced',
    async () => {
      await insertReport(tabId, 2023);
      const report = await reportOf(tabId, 2023);
      const codes = report.findings.map((f) => f.code);
      expect(codes).not.toContain('part-missing');
      expect(codes).not.toContain('table-missing');
      expect(codes).not.toContain('sum-mismatch');
      expect(report.tables.map((t) => [t.table, t.status, t.format])).toEqual([
        ['active', 'ok', '2021'],
        ['requests', 'ok', '2021'],
        ['review', 'ok', '2021'],
      ]);
      const requestRows = new Set(report.tables.find((t) => t.table === 'requests')!.cells!.map((c) => c.row));
      const expected = otherRows(format2021);
      expect(expected).toHaveLength(3);
      for (const row of expected) expect(requestRows).toContain(row);
    },
    INSERT_TIMEOUT,
  );

  it('one Ctrl+Z in the editor restores the exact previous content', async () => {
    expect(await getContent(page)).toContain('（六）其他处理');
    await undoByKeyboard(page, editingRoot(page, editor));
    await expect.poll(() => getContent(page)).toBe(before);
  });
});

describe('report year 2020 into an empty TinyMCE draft', () => {
  it(
    'inserts the 2019-format tables: （六）其他处理 a single row',
    async () => {
      const { page, tabId } = await openEmpty('tinymce');
      await insertReport(tabId, 2020);
      const report = await reportOf(tabId, 2020);
      const requests = report.tables.find((t) => t.table === 'requests')!;
      expect([requests.status, requests.format]).toEqual(['ok', '2019']);
      expect(otherRows(format2019)).toEqual([]);
      const rows = new Set(requests.cells!.map((c) => c.row));
      expect(rows).toContain('other');
      for (const row of otherRows(format2021)) expect(rows).not.toContain(row);
      expect(report.findings.map((f) => f.code)).not.toContain('sum-mismatch');
      await page.close();
    },
    INSERT_TIMEOUT,
  );
});

describe('after the browser stops the service worker (as Chromium does after 30 s idle)', () => {
  it(
    'the popup still inserts: the page wakes the background for the engine and the bridge',
    async () => {
      const { page, tabId } = await openEmpty('wangeditor4');
      const options = await h.extensionPage('options.html');
      const cdp = await options.context().newCDPSession(options);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await options.close();
      await insertReport(tabId, 2023);
      expect((await reportOf(tabId, 2023)).tables.map((t) => t.status)).toEqual(['ok', 'ok', 'ok']);
      await page.close();
    },
    INSERT_TIMEOUT,
  );
});
