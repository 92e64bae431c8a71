import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Harness } from './harness';
import type { PageStatus } from '../../lib/extension/messages';

let h: Harness;

beforeAll(async () => {
  h = await launch();
});

afterAll(async () => {
  // Issue 4: no request leaves the extension during the suite.
  const foreign = h?.foreignRequests() ?? [];
  await h?.close();
  expect(foreign).toEqual([]);
});

const partStatus = (s: PageStatus, part: number) => s.report?.parts.find((p) => p.part === part)?.status;

async function typeAtEnd(page: Page, frameSelector: string, text: string) {
  const body = page.frameLocator(frameSelector).locator('body');
  await body.click();
  await body.press('Control+End');
  await body.press('Enter');
  await body.pressSequentially(text);
}

const statusUntil = (tabId: number, ok: (s: PageStatus) => boolean) => h.statusWhen(tabId, ok);

describe('the extension in Chromium', () => {
  it('runs its content script on a gov.cn page and leaves a page that is no report unparsed', async () => {
    const { page, tabId } = await h.open('plain.html');
    expect(await page.title()).toContain('新闻动态');
    const status = await h.status(tabId);
    expect(status).toMatchObject({ kind: 'none', parsed: false });
    const panel = await h.openPanel(tabId);
    await expect.poll(() => panel.locator('.not-report').textContent()).toContain('此页面不是政府信息公开工作年度报告');
    // The panel asked, and the content script still did not parse.
    expect(await h.status(tabId)).toMatchObject({ kind: 'none', parsed: false });
  });

  it('reads a document.write frame with an editable body and sees it change when edited', async () => {
    const { page, tabId } = await h.open('frames.html');
    const first = await statusUntil(tabId, (s) => s.kind === 'editor');
    expect(first.parsed).toBe(true);
    expect(first.report?.title).toContain('2020年政府信息公开工作年度报告');
    expect(partStatus(first, 1)).toBe('ok');
    expect(partStatus(first, 2)).toBe('missing');
    await typeAtEnd(page, '#written', '二、主动公开政府信息情况');
    const edited = await statusUntil(tabId, (s) => partStatus(s, 2) === 'ok');
    expect(partStatus(edited, 3)).toBe('missing');
    // The badge counts this tab's errors.
    const badge = await h.worker.evaluate(
      (id) =>
        (
          globalThis as unknown as { chrome: { action: { getBadgeText(d: { tabId: number }): Promise<string> } } }
        ).chrome.action.getBadgeText({ tabId: id }),
      tabId,
    );
    expect(badge).toBe(String(edited.errors));
    expect(edited.errors).toBeGreaterThan(0);
  });

  it('reads a frame left at about:blank whose body is editable, and sees edits', async () => {
    const { page, tabId } = await h.open('frames-blank.html');
    const first = await statusUntil(tabId, (s) => s.kind === 'editor');
    expect(partStatus(first, 6)).toBe('missing');
    await typeAtEnd(page, '#blank', '六、其他需要报告的事项');
    await statusUntil(tabId, (s) => partStatus(s, 6) === 'ok');
  });

  it('renders the popup, the side panel and the options page in Chinese', async () => {
    const popup = await h.extensionPage('popup.html');
    await expect.poll(() => popup.locator('body').textContent()).toContain('打开检查面板');
    expect(await popup.locator('h1').textContent()).toBe('年报助手');
    const panel = await h.extensionPage('sidepanel.html');
    await expect.poll(() => panel.locator('header').textContent()).toContain('重新检查');
    expect(await panel.locator('header .brand').textContent()).toBe('年报检查');
    const options = await h.extensionPage('options.html');
    await expect
      .poll(() => options.locator('[data-privacy]').textContent())
      .toBe('所有检查都在本机完成，任何内容都不会离开您的电脑。');
    expect(await options.locator('legend').allTextContents()).toEqual(['启用的网站', '默认报告年度', '启用的检查项']);
  });

  for (const fixture of ['textarea.html', 'contenteditable.html']) {
    it(`shows seed 003 in a ${fixture.replace('.html', '')} draft: part 4 retitled, the 规章 row flagged`, async () => {
      const { tabId } = await h.open(fixture);
      const panel = await h.openPanel(tabId);
      const part4 = panel.locator('.part[data-part="4"]');
      await expect.poll(() => part4.getAttribute('data-status'), { timeout: 10_000 }).toBe('retitled');
      expect(await part4.textContent()).toContain('依申请公开政府信息和不予公开政府信息的情况');
      expect(await panel.locator('[data-field="year"]').textContent()).toBe('2020');
      expect(await panel.locator('[data-field="unit"]').textContent()).toBe('阳头升乡');
      const flagged = panel.locator('table.grid[data-table="active"] td[data-row="regulations"][data-mark]');
      expect(await flagged.count()).toBeGreaterThan(0);
      expect(await panel.locator('table.grid[data-table="active"] td[data-row="normative"][data-mark]').count()).toBe(
        0,
      );
      expect(await panel.locator('[data-finding="value-implausible"]').count()).toBeGreaterThan(0);
    });
  }

  it('marks the place of a finding in a contenteditable draft without changing it', async () => {
    const { page, tabId } = await h.open('contenteditable.html');
    const before = await page.locator('#draft').evaluate((el) => el.innerHTML);
    const panel = await h.openPanel(tabId);
    const finding = panel.locator('[data-finding="value-implausible"]').first();
    await finding.waitFor();
    await finding.focus();
    await panel.keyboard.press('Enter');
    await expect
      .poll(() =>
        page.evaluate(() =>
          (CSS as unknown as { highlights: Map<string, { values(): Iterable<Range> }> }).highlights.get('nianbao-mark')
            ? [
                ...(CSS as unknown as { highlights: Map<string, { values(): Iterable<Range> }> }).highlights
                  .get('nianbao-mark')!
                  .values(),
              ]
                .map((r) => r.toString())
                .join('')
            : null,
        ),
      )
      .toMatch(/^\d+$/);
    expect(await page.locator('#draft').evaluate((el) => el.innerHTML)).toBe(before);
    // The marked cell was scrolled into the draft's view.
    const visible = await page.evaluate(() => {
      const r = [
        ...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('nianbao-mark')!,
      ][0]!.getBoundingClientRect();
      const box = document.getElementById('draft')!.getBoundingClientRect();
      return r.top >= box.top && r.bottom <= box.bottom;
    });
    expect(visible).toBe(true);
  });

  it('leaves out the checks turned off in the settings; their default year is only for drafts without one', async () => {
    const setSettings = (settings: unknown) =>
      h.worker.evaluate(
        (s) =>
          (
            globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
          ).chrome.storage.local.set({ settings: s }),
        settings,
      );
    const { tabId } = await h.open('textarea.html');
    const before = await statusUntil(tabId, (s) => s.kind === 'editor');
    expect(before.report?.findings.some((f) => f.code === 'part-title')).toBe(true);
    await setSettings({ sites: [], year: 2021, disabled: ['part-title'] });
    const after = await statusUntil(tabId, (s) => !s.report?.findings.some((f) => f.code === 'part-title'));
    expect(after.report?.year).toBe(2020);
    // A draft that names no year is checked as one for the default year.
    const fresh = await h.open('untitled.html');
    const untitled = await statusUntil(fresh.tabId, (s) => s.kind === 'editor');
    expect(untitled.report).toMatchObject({ year: 2021, expectedFormat: '2021' });
    await setSettings({ sites: [], year: null, disabled: [] });
    await statusUntil(tabId, (s) => !!s.report?.findings.some((f) => f.code === 'part-title'));
    await statusUntil(fresh.tabId, (s) => s.report?.year === null);
  });

  it('opens the in-page panel bound to the tab where a browser has no side panel API', async () => {
    const { page, tabId } = await h.open('contenteditable.html');
    const before = await page.locator('#draft').evaluate((el) => el.innerHTML);
    await h.send(tabId, { type: 'toggle-inpage-panel', tabId });
    await expect.poll(() => page.frames().some((f) => f.url().endsWith(`/sidepanel.html?tab=${tabId}`))).toBe(true);
    const frame = page.frames().find((f) => f.url().endsWith(`/sidepanel.html?tab=${tabId}`))!;
    await expect
      .poll(() => frame.locator('.part[data-part="4"]').getAttribute('data-status'), { timeout: 10_000 })
      .toBe('retitled');
    expect(await page.locator('#draft').evaluate((el) => el.innerHTML)).toBe(before);

    // Issue 14: sidepanel.html was web-accessible at a fixed URL, so any site could frame
    // sidepanel.html?tab=<id> and show (and write through) another tab's panel. The fixed URL no
    // longer loads in a page, and even at the per-session URL (as if the page learned it) a panel the
    // page frames itself gets no key from the content script and stays inert, whatever key the page
    // posts to it. A made-up key is refused by the content script.
    expect(await h.send(tabId, { type: 'claim-panel', key: 'ab'.repeat(24) })).toEqual({ ok: false });
    const dynamic = await h.worker.evaluate(
      (query) =>
        (globalThis as unknown as { chrome: { runtime: { getURL(p: string): string } } }).chrome.runtime.getURL(
          `sidepanel.html?${query}`,
        ),
      `tab=${tabId}`,
    );
    const fixed = `chrome-extension://${h.extensionId}/sidepanel.html?tab=${tabId}`;
    expect(dynamic).not.toBe(fixed);
    await page.evaluate(
      (sources) => {
        for (const src of sources) {
          const f = document.createElement('iframe');
          f.src = src;
          f.addEventListener('load', () =>
            f.contentWindow?.postMessage({ type: 'nianbao:panel-key', key: 'cd'.repeat(24) }, '*'),
          );
          document.body.append(f);
        }
      },
      [dynamic, fixed],
    );
    // Chromium shows a panel loaded by its dynamic URL under the extension's own address.
    await expect.poll(() => page.frames().filter((f) => f.url() === frame.url()).length).toBe(2);
    const framed = page.frames().find((f) => f.url() === frame.url() && f !== frame)!;
    await expect.poll(() => framed.locator('.refused').count(), { timeout: 15_000 }).toBe(1);
    expect(await framed.locator('.part').count()).toBe(0);
    // The fixed URL never loaded: still only the two frames above hold the panel.
    expect(page.frames().filter((f) => f.url().startsWith(`chrome-extension://${h.extensionId}/`))).toHaveLength(2);
    // The genuine panel still works, and the page's draft is as it was.
    expect(await frame.locator('.part[data-part="4"]').getAttribute('data-status')).toBe('retitled');
    expect(await page.locator('#draft').evaluate((el) => el.innerHTML)).toBe(before);

    await h.send(tabId, { type: 'toggle-inpage-panel', tabId });
    await expect.poll(() => page.locator('nianbao-panel').count()).toBe(0);
  });

  it('finds the sample draft of npm start in TinyMCE', async () => {
    const { tabId } = await h.open('demo.html');
    // Until TinyMCE starts, the draft is in the textarea it then hides; the title field names the
    // draft from the start, so the editor may be checked once before TinyMCE has filled its body.
    const status = await statusUntil(
      tabId,
      (s) => s.editor === 'tinymce' && s.report?.tables.every((t) => t.status === 'ok') === true,
    );
    expect(status.report?.unit).toBe('阳头升乡');
    expect(status.report?.tables.map((t) => t.status)).toEqual(['ok', 'ok', 'ok']);
  });

  it('shows a published 2017 report in the old structure with its 2016 slip', async () => {
    const { tabId } = await h.open('published-004.html');
    const status = await statusUntil(tabId, (s) => s.kind === 'published');
    expect(status.report?.format).toBe('pre2019');
    const panel = await h.openPanel(tabId);
    await expect
      .poll(() => panel.locator('[data-finding="year-mismatch"]').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    expect(await panel.locator('[data-finding="old-format"]').count()).toBe(1);
    expect(await panel.locator('[data-field="format"]').textContent()).toContain('2019年以前的旧结构');
    expect(await panel.locator('[data-finding="year-mismatch"]').first().textContent()).toContain('2016');
  });
});
