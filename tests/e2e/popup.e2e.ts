import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeWithoutForeignRequests, launch, type Harness } from './harness';
import type { PageStatus } from '../../lib/extension/messages';

/** The popup and the table filler wired to a real editor (TinyMCE) through the content script. */
let h: Harness;
let page: Page;
let tabId: number;

beforeAll(async () => {
  h = await launch();
  ({ page, tabId } = await h.open('editors/tinymce.html'));
  await page.waitForSelector('html[data-editor-ready]');
});

afterAll(() => closeWithoutForeignRequests(h));

const getContent = () => page.evaluate(() => (window as unknown as { __getContent(): string }).__getContent());
const tables = (html: string) => html.match(/<table[\s\S]*?<\/table>/g) ?? [];
const withoutTables = (html: string) => html.replace(/<table[\s\S]*?<\/table>/g, '<table/>');

async function statusUntil(ok: (s: PageStatus) => boolean): Promise<PageStatus> {
  let last: PageStatus | undefined;
  await expect.poll(async () => ok((last = await h.status(tabId))), { timeout: 10_000 }).toBe(true);
  return last!;
}

describe('popup and filler in TinyMCE', () => {
  it('takes the year and unit from the draft and inserts a table through the editor, undoable', async () => {
    const popup = await h.extensionPage(`popup.html?tab=${tabId}`);
    const year = popup.locator('input[inputmode="numeric"]');
    await expect.poll(() => year.inputValue()).toBe('2020');
    expect(await popup.locator('input').nth(1).inputValue()).toBe('阳头升乡');
    const before = await getContent();
    await popup.getByText('插入空表', { exact: true }).click();
    await expect.poll(() => popup.locator('[role="status"]').textContent()).toContain('已插入编辑器');
    const after = await getContent();
    expect(tables(after).length).toBe(tables(before).length + 1);
    await page.evaluate(() =>
      (window as unknown as { tinymce: { get(id: string): { undoManager: { undo(): void } } } }).tinymce
        .get('content')
        .undoManager.undo(),
    );
    expect(await getContent()).toBe(before);
  });

  it('replaces the draft’s requests table from the filler, leaving the rest of the draft as it was', async () => {
    const before = await getContent();
    const filler = await h.extensionPage(`sidepanel.html?tab=${tabId}&filler=requests&year=2020`);
    // Three more requests received, all granted: the table stays balanced.
    const received = filler.locator('input[aria-label^="一、本年新收政府信息公开申请数量 "]').first();
    const granted = filler.locator('input[aria-label^="（一）予以公开 "]').first();
    await received.waitFor();
    await received.fill('3');
    await granted.fill('3');
    await filler.getByText('替换草稿中的表格').click();
    await expect.poll(() => filler.locator('[role="status"]').textContent()).toBe('草稿中的表格已替换。');
    const status = await statusUntil(
      (s) =>
        s.report?.tables
          .find((t) => t.table === 'requests')
          ?.cells?.some((c) => c.row === 'granted' && c.column === 'natural' && c.value === 3) ?? false,
    );
    expect(status.report?.findings.filter((f) => f.code === 'sum-mismatch')).toEqual([]);
    const after = await getContent();
    expect(withoutTables(after)).toBe(withoutTables(before));
    expect(tables(after).length).toBe(tables(before).length);
  });
});
