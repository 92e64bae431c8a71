import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { closeWithoutForeignRequests, getContent, launch, type Harness } from './harness';
import type { Finding } from '../../lib/check/report';
import type { PageStatus } from '../../lib/extension/messages';
import { fixSource } from '../../lib/write/fixes/apply';
import { outcome } from '../../scripts/audit/render';

/**
 * Issue 12's acceptance in each editor fixture (UEditor: the rebuild, see ueditor-rebuild.js): a
 * 2023 draft with a wrong （七）总计, a misnamed part 四, a sentence and a 统计期限 still saying
 * 2022 and 2019-layout tables (fixtures/editors/draft-2023.html, made by build.ts). The clerk's
 * way: the side panel's 全部修正 (or one 修正), its preview confirmed, then one Ctrl+Z in the editor.
 */
/**
 * `loose`: a plain contenteditable has only the browser's insertHTML to write with as one undo
 * step, and Chrome drops the white space between blocks it inserts; that white space aside, the
 * draft must still be byte for byte.
 */
const EDITORS: { name: string; frame?: string; editable?: string; loose?: boolean }[] = [
  { name: 'tinymce', frame: '#content_ifr' },
  { name: 'ckeditor4', frame: 'iframe.cke_wysiwyg_frame' },
  { name: 'ckeditor5', editable: '.ck-editor__main > .ck-editor__editable' },
  { name: 'kindeditor', frame: 'iframe.ke-edit-iframe' },
  { name: 'wangeditor4', editable: '.w-e-text' },
  { name: 'wangeditor5', editable: '[data-slate-editor]' },
  { name: 'ueditor', frame: '#ueditor_0' },
  { name: 'contenteditable', editable: '#content', loose: true },
  { name: 'textarea', editable: '#content' },
];

let h: Harness;
let dir: string;

beforeAll(async () => {
  h = await launch();
  dir = await mkdtemp(join(tmpdir(), 'nianbao-fixes-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await closeWithoutForeignRequests(h);
});

const editingRoot = (page: Page, e: (typeof EDITORS)[number]): Locator =>
  e.frame ? page.frameLocator(e.frame).locator('body') : page.locator(e.editable!);

/** The four slips the draft was given, as findings. */
const SLIPS: [string, (f: Finding) => boolean][] = [
  ['（七）总计', (f) => f.code === 'sum-mismatch' && f.table === 'requests' && f.row === 'total'],
  ['part 四', (f) => f.code === 'part-title' && f.part === 4],
  ['2022 sentence', (f) => f.code === 'year-mismatch' && f.actual === 2022 && !f.message.includes('统计期限')],
  ['2022 统计期限', (f) => f.code === 'year-mismatch' && f.actual === 2022 && f.message.includes('统计期限')],
  ['table 三 layout', (f) => f.code === 'table-format' && f.table === 'requests'],
];
const slipsIn = (findings: Finding[]) => SLIPS.filter(([, is]) => findings.some(is)).map(([name]) => name);

async function openDraft(name: string) {
  const opened = await h.open(`editors/${name}.html?draft=2023`);
  await opened.page.waitForSelector('html[data-editor-ready]');
  let status: PageStatus | undefined;
  await expect
    .poll(async () => {
      status = await h.status(opened.tabId);
      return status.report?.year;
    })
    .toBe(2023);
  return { ...opened, status: status! };
}

const statusWhen = (tabId: number, done: (s: PageStatus) => boolean) => h.statusWhen(tabId, done, 15_000);

async function undoByKeyboard(page: Page, root: Locator) {
  await page.bringToFront();
  await root.click({ position: { x: 8, y: 8 } });
  await page.keyboard.press('Control+z');
}

/** Tables vary with the editor's own markup (CKEditor 5 wraps them in <figure>): compared apart. */
const TABLES = /<figure\b[^>]*>\s*<table\b[\s\S]*?<\/table>\s*<\/figure>|<table\b[\s\S]*?<\/table>/gi;
const outsideTables = (html: string) => html.replace(TABLES, '<table/>');
const tablesOf = (html: string) => html.match(TABLES) ?? [];

/** What the audit command says of the editor's content saved as a page. */
async function audit(html: string, name: string) {
  const file = join(dir, `${name}.html`);
  await writeFile(file, html);
  const o = await outcome(file, 'json', {});
  if (!o.out) throw new Error(o.error);
  return JSON.parse(o.out) as { year: number; findings: Finding[] };
}

describe.each(EDITORS)('全部修正 in $name', (editor) => {
  it('mends the four slips as one undo step, leaving the rest of the draft byte for byte', async () => {
    const { page, tabId, status } = await openDraft(editor.name);
    expect(slipsIn(status.report!.findings)).toEqual(SLIPS.map(([n]) => n));
    const offers = status.fixes ?? [];
    const before = await getContent(page);

    const panel = await h.openPanel(tabId);
    const all = panel.locator('.fix-all-open');
    // Counted as mends: findings that share one (three sums, one wrong total) count once.
    await expect.poll(() => all.textContent()).toBe(`全部修正（${new Set(offers.map((o) => o.preview)).size}）`);
    await all.click();
    // Shown before written: one line per mend, 旧 → 新.
    const previews = await panel.locator('.fix-all .fix-preview').allTextContents();
    expect(previews).toContain(
      '四、依申请公开政府信息和不予公开政府信息的情况 → 四、政府信息公开行政复议、行政诉讼情况',
    );
    expect(previews.every((p) => p.includes(' → '))).toBe(true);
    expect(await getContent(page)).toBe(before);
    await panel.locator('.fix-all .fix-apply').click();

    const fixed = await statusWhen(tabId, (s) => !!s.report && slipsIn(s.report.findings).length === 0);
    expect(fixed.report!.tables.map((t) => [t.table, t.format])).toEqual([
      ['active', '2021'],
      ['requests', '2021'],
      ['review', '2021'],
    ]);
    const after = await getContent(page);
    // Nothing but the targeted text changed: outside the two tables laid out anew, the editor now
    // holds exactly the draft with the fixes made; table 四, untouched, is as it was.
    const expected = fixSource(before, 'all', { year: 2023 }).source;
    const same = (html: string) => (editor.loose ? html.replace(/>\s+</g, '><') : html);
    expect(same(outsideTables(after))).toBe(same(outsideTables(expected)));
    expect(same(tablesOf(after)[2]!)).toBe(same(tablesOf(before)[2]!));
    expect(after).toContain('四、政府信息公开行政复议、行政诉讼情况');
    expect(after).not.toContain('2022');

    // The command line, given what the editor holds, agrees.
    const cli = await audit(after, editor.name);
    expect(cli.year).toBe(2023);
    expect(slipsIn(cli.findings)).toEqual([]);
    expect(cli.findings.map((f) => f.code).sort()).toEqual(fixed.report!.findings.map((f) => f.code).sort());

    await panel.close();
    await undoByKeyboard(page, editingRoot(page, editor));
    await expect.poll(() => getContent(page)).toBe(before);
    await page.close();
  });
});
