import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFolder, type ManifestEntry } from '../../scripts/gen-reports';
import { realDir, root } from '../paths';

/**
 * Issue 15: the reviewers' HTML report as a reviewer gets it — `npm run audit -- --html -o` over a
 * county's folder (generated: units in two consecutive years, some late, some with a wrong total or
 * a broken carry-over) and the real reports, then opened from disk in Chromium, no extension needed.
 */
let out: string;
let manifest: ManifestEntry[];
let browser: Browser;
let page: Page;
const requests: string[] = [];
const problems: string[] = [];
const real = ['hongze-district-2023.txt', 'hongze-district-2024.txt', 'huaian-city-2024.txt']
  .map((n) => join(realDir, n))
  .filter((p) => existsSync(p));
let file: string;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'nianbao-audit-report-'));
  manifest = await generateFolder(join(out, 'reports'), 36, 7);
  file = join(out, '审阅报告.html');
  await new Promise<void>((done, fail) =>
    execFile(
      resolve(root, 'node_modules/.bin/tsx'),
      [resolve(root, 'scripts/audit.ts'), '--html', '--quiet', '-o', file, join(out, 'reports'), ...real],
      { cwd: root },
      // Exit 1: the batch holds errors, as planted.
      (e) => (e && e.code !== 1 ? fail(e) : done()),
    ),
  );
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--lang=zh-CN'],
  });
  page = await browser.newPage({ locale: 'zh-CN' });
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(pathToFileURL(file).href);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await rm(out, { recursive: true, force: true });
});

const rows = () => page.locator('#reports tbody tr:not([hidden])');
const column = (n: number) =>
  page
    .locator('#reports tbody tr:not([hidden])')
    .evaluateAll((trs, i) => trs.map((tr) => (tr as HTMLTableRowElement).cells[i]!.textContent!), n);

describe('the HTML review report, opened from disk', () => {
  it('makes no request but for itself and logs no error', () => {
    expect(requests).toEqual([pathToFileURL(file).href]);
    expect(problems).toEqual([]);
  });

  it('has a row per report, its charts as inline SVG, and every planted carry-over break listed', async () => {
    expect(await rows().count()).toBe(manifest.length + real.length);
    expect(await page.locator('svg.chart').count()).toBeGreaterThanOrEqual(2 + 5);
    expect(await page.locator('img, object, embed, iframe').count()).toBe(0);
    const broken = await page
      .locator('#chains tr.broken')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-chain')));
    expect(broken).toEqual(manifest.filter((m) => m.carryBreak).map((m) => m.unit));
    expect(await page.locator('[data-card="carryover"] b').textContent()).toBe(String(broken.length));
    expect(await page.locator('#reports td.late').count()).toBe(manifest.filter((m) => m.late).length);
  });

  it('sorts by a column, both ways', async () => {
    const errors = page.locator('#reports th', { hasText: '错误' }).locator('button');
    await errors.click();
    const up = (await column(7)).map(Number);
    expect(up).toEqual([...up].sort((a, b) => a - b));
    await errors.click();
    const down = (await column(7)).map(Number);
    expect(down).toEqual([...up].sort((a, b) => b - a));
    expect(await page.locator('#reports th[aria-sort="descending"]').textContent()).toContain('错误');
    await page.locator('#reports th', { hasText: '年度' }).locator('button').click();
    const years = (await column(2)).map(Number);
    expect(years).toEqual([...years].sort((a, b) => a - b));
  });

  it('filters by flag, by name and by level, and says how many it shows', async () => {
    await page.selectOption('#flag', 'late');
    expect(await rows().count()).toBe(manifest.filter((m) => m.late).length);
    expect(await page.locator('#shown').textContent()).toBe(
      `显示 ${manifest.filter((m) => m.late).length} / ${manifest.length + real.length} 份`,
    );
    await page.selectOption('#flag', 'carryover');
    expect(await rows().count()).toBe(manifest.filter((m) => m.carryBreak).length);
    await page.selectOption('#flag', '');
    const twoYears = manifest.find((m) => m.previous)!;
    await page.fill('#q', twoYears.unit);
    expect(await column(0)).toEqual([twoYears.unit, twoYears.unit]);
    await page.fill('#q', '');
    await page.selectOption('#level', 'county');
    const levels = await column(1);
    expect(levels.length).toBeGreaterThan(0);
    expect(new Set(levels)).toEqual(new Set(['县（区）']));
    await page.selectOption('#level', '');
    expect(await rows().count()).toBe(manifest.length + real.length);
  });

  it('links each row to its details: findings in Chinese with their place, the tables with failing cells marked', async () => {
    const wrong = manifest.findIndex((m) => m.wrongTotal);
    await page.locator(`#reports a[href="#r-${wrong}"]`).click();
    const detail = page.locator(`#r-${wrong}`);
    expect(await detail.locator('.findings li[data-code="sum-mismatch"]').first().textContent()).toContain(
      '统计表的勾稽关系',
    );
    expect(await detail.locator('table[data-table="requests"] td.bad').count()).toBeGreaterThan(0);
    expect(await detail.locator('a[href^="file:"]').getAttribute('href')).toBe(
      pathToFileURL(join(out, 'reports', manifest[wrong]!.file)).href,
    );
  });

  it('fits a 400 px window: charts scale down, the lists scroll in their own box', async () => {
    await page.setViewportSize({ width: 400, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
    const header = page.locator('#reports thead th').first();
    // One line of header text, not a character per line.
    expect((await header.boundingBox())!.height).toBeLessThan(40);
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  it('prints: the filters are left off the printed page', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.filters').isVisible()).toBe(false);
    expect(await page.locator('#overview').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.emulateMedia({ media: 'screen' });
  }, 120_000);
});
