import { mkdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageStatus } from '../../lib/extension/messages';
import { finishedReport } from '../support/finished';
import { closeWithoutForeignRequests, launch, type Harness } from './harness';

/**
 * Issue 10's journey, as a clerk goes it, in the built extension: a new article in the CMS (UEditor
 * — a rebuild of its DOM and API, as it is not on npm — and TinyMCE, on a gov.cn host), its title typed
 * in the CMS's own 标题 field; the panel's start screen; the popup's 插入完整报告; the filler for
 * table 三; the finished report. Screenshots of the panel at 400 px go to test-results/journey/.
 */
const SHOTS = resolve(process.cwd(), 'test-results/journey');
const PANEL = { width: 400, height: 900 };
const YEAR = 2025;
const TITLE = `阳头升乡${YEAR}年政府信息公开工作年度报告`;

const EDITORS = [
  { name: 'ueditor', setContent: (html: string) => `UE.getEditor('editor').setContent(${JSON.stringify(html)})` },
  { name: 'tinymce', setContent: (html: string) => `tinymce.activeEditor.setContent(${JSON.stringify(html)})` },
];

let h: Harness;
let axeSource: string;

beforeAll(async () => {
  h = await launch();
  axeSource = await readFile(resolve(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8');
  await mkdir(SHOTS, { recursive: true });
});

afterAll(() => closeWithoutForeignRequests(h));

/** axe-core's violations on a page (evaluated through the debugger protocol: extension pages forbid inline scripts). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(d: Document): Promise<{ violations: unknown[] }> } }).axe;
    const r = await axe.run(document);
    return r.violations as { id: string; nodes: { target: string[] }[] }[];
  });
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const shot = (page: Page, name: string) => page.screenshot({ path: resolve(SHOTS, `${name}.png`), fullPage: true });

/** A new, empty article whose clerk types the report's title into the CMS's title field. */
async function newArticle(editor: string) {
  const opened = await h.open(`editors/${editor}.html?draft=empty`);
  await opened.page.waitForSelector('html[data-editor-ready]');
  await opened.page.fill('input[name="title"]', TITLE);
  return opened;
}

async function panelOf(tabId: number): Promise<Page> {
  const panel = await h.openPanel(tabId);
  await panel.setViewportSize(PANEL);
  return panel;
}

const statusUntil = (tabId: number, ok: (s: PageStatus) => boolean) => h.statusWhen(tabId, ok, 20_000);
const blankCells = (s: PageStatus, table: string) =>
  s.report?.findings.filter((f) => f.code === 'cells-blank' && f.table === table) ?? [];

describe.each(EDITORS)('the clerk’s journey in $name', (editor) => {
  let page: Page;
  let tabId: number;
  let panel: Page;

  beforeAll(async () => {
    ({ page, tabId } = await newArticle(editor.name));
    panel = await panelOf(tabId);
  });

  afterAll(async () => {
    await panel?.close();
    await page?.close();
  });

  it('empty editor: a start screen with the year from the CMS title and the way to 插入', async () => {
    await expect.poll(() => panel.locator('.start').getAttribute('data-year'), { timeout: 20_000 }).toBe(String(YEAR));
    const start = await panel.locator('.start').textContent();
    expect(start).toContain('插入完整报告');
    expect(start).toContain(`将按${YEAR}年度报告检查，使用2021年版格式`);
    expect(await panel.locator('.not-report').count()).toBe(0);
    await shot(panel, `${editor.name}-1-start`);
  });

  it('the popup inserts the 2025 skeleton: progress, at most 20 findings, template-only parts named, no 全部通过', async () => {
    const popup = await h.extensionPage(`popup.html?tab=${tabId}`);
    await expect.poll(() => popup.locator('input[inputmode="numeric"]').inputValue()).toBe(String(YEAR));
    expect(await axeViolations(popup)).toEqual([]);
    await popup.getByText('插入完整报告', { exact: true }).click();
    await expect.poll(() => popup.locator('[role="status"]').textContent()).toContain('已插入编辑器');
    await popup.close();

    await expect
      .poll(() => panel.locator('main').getAttribute('data-verdict'), { timeout: 20_000 })
      .toBe('in-progress');
    expect(await panel.locator('[data-progress="parts"] .value').textContent()).toBe('0/6');
    expect(await panel.locator('[data-progress="tables"] .value').textContent()).toBe('0/3');
    // Work not yet done is counted as 待完成, not as red errors.
    expect(await panel.locator('[data-progress="errors"] .value').textContent()).toBe('0');
    expect(Number(await panel.locator('[data-progress="todo"] .value').textContent())).toBeGreaterThan(0);
    expect(await panel.locator('[data-finding]').count()).toBeLessThanOrEqual(20);
    expect(await panel.locator('.passed').count()).toBe(0);
    expect(await panel.locator('[data-todo="template"] li').allTextContents()).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    // The checklist sits right under the progress, above the findings.
    const top = async (sel: string) => (await panel.locator(sel).boundingBox())!.y;
    expect(await top('.parts')).toBeLessThan(await top('.findings'));
    expect(await axeViolations(panel)).toEqual([]);
    await shot(panel, `${editor.name}-2-skeleton`);
  });

  it('the filler fills table 三 at 400 px: its blank-cell finding goes', async () => {
    expect(blankCells(await h.status(tabId), 'requests')).toHaveLength(1);
    const filler = await h.extensionPage(`sidepanel.html?tab=${tabId}&filler=requests&year=${YEAR}`);
    await filler.setViewportSize(PANEL);
    const input = (label: string) => filler.getByLabel(label, { exact: true });
    await input('一、本年新收政府信息公开申请数量 自然人').fill('5');
    await input('（一）予以公开 自然人').fill('3');
    await input('（二）部分公开（区分处理的，只计这一情形，不计其他情形） 自然人').fill('1');
    await filler.getByRole('button', { name: '商业企业' }).click();
    await input('一、本年新收政府信息公开申请数量 法人或其他组织·商业企业').fill('1');
    await input('（一）予以公开 法人或其他组织·商业企业').fill('1');
    // The totals stay in view beside the column typed.
    await expect.poll(() => filler.getByLabel('一、本年新收政府信息公开申请数量 总计').textContent()).toBe('6');
    expect(await filler.getByLabel('一、本年新收政府信息公开申请数量 总计').isVisible()).toBe(true);
    const width = await filler.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PANEL.width);
    expect(await axeViolations(filler)).toEqual([]);
    await shot(filler, `${editor.name}-3-filler`);
    await filler.getByRole('button', { name: '替换草稿中的表格' }).click();
    await expect.poll(() => filler.locator('[role="status"]').textContent()).toContain('草稿中的表格已替换');
    await filler.close();

    const after = await statusUntil(tabId, (s) => blankCells(s, 'requests').length === 0);
    expect(after.report!.progress.tablesFilled).toBe(1);
    await expect.poll(() => panel.locator('[data-progress="tables"] .value').textContent()).toBe('1/3');
    expect(await panel.locator('table[data-table="requests"] td[data-mark]').count()).toBe(0);
    await shot(panel, `${editor.name}-4-table-filled`);
  });

  it('every template sentence replaced and every table filled: 全部通过', async () => {
    await page.evaluate(editor.setContent(finishedReport(YEAR, '阳头升乡')));
    await expect.poll(() => panel.locator('main').getAttribute('data-verdict'), { timeout: 20_000 }).toBe('all-clear');
    expect(await panel.locator('.passed').textContent()).toContain('全部通过');
    expect(await panel.locator('[data-progress="parts"] .value').textContent()).toBe('6/6');
    expect(await panel.locator('[data-progress="tables"] .value').textContent()).toBe('3/3');
    await shot(panel, `${editor.name}-5-all-clear`);
  });
});

describe('a draft begun: opening paragraph and part 一, its title only in the CMS field', () => {
  it('is recognised; parts 二–六 and the tables are listed as still to write; not 全部通过', async () => {
    const { page, tabId } = await newArticle('ueditor');
    await page.evaluate(
      `UE.getEditor('editor').setContent(${JSON.stringify(
        '<p>根据《中华人民共和国政府信息公开条例》规定，现公布阳头升乡2025年度政府信息公开工作年度报告。</p>' +
          '<p>一、总体情况</p><p>2025年，阳头升乡认真落实政务公开工作要求，通过门户网站主动公开各类信息。</p>',
      )})`,
    );
    const panel = await panelOf(tabId);
    await expect
      .poll(() => panel.locator('[data-progress="parts"] .value').textContent(), { timeout: 20_000 })
      .toBe('1/6');
    expect(await panel.locator('.not-report').count()).toBe(0);
    const toWrite = await panel.locator('[data-todo="write"] li').allTextContents();
    expect(toWrite.map((s) => s.slice(0, 1))).toEqual(['二', '三', '四', '五', '六']);
    expect(await panel.locator('[data-todo="fill"] li').count()).toBe(3);
    expect(await panel.locator('.passed').count()).toBe(0);
    await shot(panel, 'ueditor-begun');
    await panel.close();
    await page.close();
  });
});

describe('the options page', () => {
  it('has no accessibility violations', async () => {
    const options = await h.extensionPage('options.html');
    await options.waitForSelector('main.options form');
    expect(await axeViolations(options)).toEqual([]);
    await options.close();
  });
});
