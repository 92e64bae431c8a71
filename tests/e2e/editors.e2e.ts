import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { closeWithoutForeignRequests, getContent, launch, type Harness } from './harness';
import { EDITORS, editingRoot } from './editors';

/**
 * Issue 4's acceptance in each real editor (UEditor: a rebuild of its DOM and API, as it is not on
 * npm): seed 003 as the draft, the panel's verdict, a live edit, and a click that marks a cell while
 * the editor's own getContent stays the same.
 */

let h: Harness;

beforeAll(async () => {
  h = await launch();
});

afterAll(() => closeWithoutForeignRequests(h));

/** The nianbao mark in the page or one of its same-origin frames: its text, and whether it is in view. */
const marked = (page: Page) =>
  page.evaluate(() => {
    type Registry = { highlights?: Map<string, Iterable<Range>> };
    const wins: Window[] = [window, ...Array.from(document.querySelectorAll('iframe')).map((f) => f.contentWindow!)];
    for (const w of wins) {
      const h = (w as unknown as { CSS: Registry }).CSS.highlights?.get('nianbao-mark');
      if (!h) continue;
      const ranges = [...h];
      const r = ranges[0]!.getBoundingClientRect();
      return { text: ranges.map((x) => x.toString()).join(''), inView: r.top >= 0 && r.bottom <= w.innerHeight };
    }
    return null;
  });

/** Replaces the number in the 自然人 cell of 一、本年新收 by typing, as a clerk does. */
async function typeNewRequests(page: Page, root: Locator, value: string) {
  await page.bringToFront();
  const cell = root.locator('td', { hasText: /^一、本年新收/ }).locator('xpath=following-sibling::td[1]');
  await cell.scrollIntoViewIfNeeded();
  await cell.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.type(value);
  await expect.poll(() => cell.textContent()).toBe(value);
}

/** How the panel names each rich editor. */
const SHOWN_AS: Record<string, string> = {
  kindeditor: 'KindEditor',
  ckeditor4: 'CKEditor 4',
  ckeditor5: 'CKEditor 5',
  tinymce: 'TinyMCE',
  wangeditor4: 'wangEditor 4',
  wangeditor5: 'wangEditor 5',
  ueditor: 'UEditor',
};

describe.each(EDITORS)('$name', (editor) => {
  let page: Page;
  let panel: Page;
  let tabId: number;

  beforeAll(async () => {
    const opened = await h.open(`editors/${editor.name}.html`);
    page = opened.page;
    tabId = opened.tabId;
    await page.waitForSelector('html[data-editor-ready]');
    panel = await h.openPanel(opened.tabId);
  });

  it('shows part 4 misnamed and the 规章 row flagged', async () => {
    const part4 = panel.locator('.part[data-part="4"]');
    await expect.poll(() => part4.getAttribute('data-status'), { timeout: 15_000 }).toBe('retitled');
    // The editor the engine found, by the name a clerk knows it by.
    expect(await panel.locator('[data-field="source"]').textContent()).toBe(`编辑器：${SHOWN_AS[editor.name]}`);
    expect(
      await panel.locator('table.grid[data-table="active"] td[data-row="regulations"][data-mark]').count(),
    ).toBeGreaterThan(0);
    const implausible = await panel.locator('[data-finding="value-implausible"]').allTextContents();
    expect(implausible.some((t) => t.includes('规章'))).toBe(true);
    expect(await panel.locator('[data-finding="sum-mismatch"]').count()).toBe(0);
  });

  it('marks the flagged cell on a click, and getContent is unchanged', async () => {
    const before = await getContent(page);
    await panel.bringToFront();
    await panel.locator('table.grid[data-table="active"] td[data-row="regulations"][data-mark] button').first().click();
    await expect.poll(async () => (await marked(page))?.text).toMatch(/^\d+$/);
    expect((await marked(page))?.inView).toBe(true);
    expect(await getContent(page)).toBe(before);
  });

  it("reads the draft through the editor's own API, from the content script", async () => {
    const result = (await h.send(tabId, { type: 'editor', op: { op: 'getContent' } })) as {
      ok: boolean;
      kind?: string;
      html?: string;
    };
    expect(result).toMatchObject({ ok: true, kind: editor.name });
    expect(result.html).toBe(await getContent(page));
  });

  it('shows a sum-mismatch as soon as typing unbalances the requests table, and clears it when fixed', async () => {
    const root = editingRoot(page, editor);
    await typeNewRequests(page, root, '7');
    const mismatch = panel.locator('[data-finding="sum-mismatch"]');
    await expect.poll(() => mismatch.count()).toBeGreaterThan(0);
    expect((await mismatch.allTextContents()).join('')).toContain('收到和处理政府信息公开申请情况');
    // Row 一 no longer adds up to its 总计: the grid marks a cell of that row as an error.
    expect(
      await panel.locator('table.grid[data-table="requests"] td[data-row="new"][data-mark="error"]').count(),
    ).toBeGreaterThan(0);
    await typeNewRequests(page, root, '0');
    await expect.poll(() => mismatch.count()).toBe(0);
  });
});
