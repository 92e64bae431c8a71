import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkText } from '../../lib/check/engine';
import type { ReportJson } from '../../lib/check/report';
import { checkFile } from '../../lib/review/files';
import { checkHtml } from '../../lib/review/html';
import { escapeHtml } from '../../lib/write/snippets/table';
import { random, report } from '../../scripts/gen-reports';
import { root, seedNames, seedsDir } from '../paths';
import { audit } from '../support/cli';
import { sameReading } from '../support/reading';

/**
 * Reports as PDF, made here the way units make them: a page printed to PDF by Chromium (with the CJK
 * fonts of fonts-noto-cjk, whose glyphs pdf.js hands back as Kangxi radicals), then read back with
 * pdf.js. Each must read as its source does: the same parts, every cell, the same findings.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
});
afterAll(() => browser?.close());

async function printed(html: string): Promise<Uint8Array> {
  const tab = await browser.newPage();
  try {
    await tab.setContent(html);
    const pdf = await tab.pdf({
      format: 'A4',
      margin: { top: '20mm', bottom: '20mm', left: '10mm', right: '10mm' },
      displayHeaderFooter: true,
      headerTemplate: '<div style="font-size:8pt;width:100%;text-align:right;margin-right:10mm">政府信息公开</div>',
      footerTemplate:
        '<div style="font-size:9pt;width:100%;text-align:center">- <span class="pageNumber"></span> -</div>',
    });
    return new Uint8Array(pdf);
  } finally {
    await tab.close();
  }
}

/** A text report laid out as a page: its tab-separated lines as a bordered table, the rest line by line. */
function textPage(text: string): string {
  const blocks: string[] = [];
  let rows: string[] = [];
  const flush = () => {
    if (rows.length) blocks.push(`<table border="1" cellspacing="0">${rows.join('')}</table>`);
    rows = [];
  };
  for (const line of text.split('\n')) {
    if (line.includes('\t'))
      rows.push(
        `<tr>${line
          .split('\t')
          .map((c) => `<td>${escapeHtml(c)}</td>`)
          .join('')}</tr>`,
      );
    else {
      flush();
      blocks.push(`<p>${escapeHtml(line) || '&nbsp;'}</p>`);
    }
  }
  flush();
  return `<!doctype html><meta charset="utf-8"><style>body{font:9pt 'Noto Sans Mono CJK SC',monospace}p{margin:0;white-space:pre-wrap}td{padding:1px 3px}</style>${blocks.join('')}`;
}

const pdfReading = async (html: string) => sameReading(await checkFile(await printed(html), 'r.pdf'));

describe('PDF printed from a page reads like the page', () => {
  it('generated reports of every format year, random tables, one wrong total in some (seeded property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 2 ** 30 }),
        fc.constantFrom(2019, 2020, 2021, 2023, 2025),
        fc.boolean(),
        async (seed, year, wrongTotal) => {
          const { html } = report(year, '青山县人民政府', 'county', random(seed), { wrongTotal });
          expect(await pdfReading(html)).toEqual(sameReading(checkHtml(html)));
        },
      ),
      { numRuns: 6, seed: 20261201 },
    );
  }, 240_000);

  it.each(seedNames)('seed %s laid out as a page', async (name) => {
    const text = readFileSync(join(seedsDir, name), 'utf8');
    expect(await pdfReading(textPage(text))).toEqual(sameReading(checkText(text)));
  });
});

const realDir = resolve(root, '../shared/fixtures/real');
const real = ['huaian-city-2024.txt', 'hongze-district-2023.txt', 'hongze-district-2024.txt'];
if (!existsSync(realDir)) console.warn(`!!! ${realDir} is missing: the real-report PDF tests do not run`);

describe.skipIf(!existsSync(realDir))('real reports (read in place from ../shared) printed as PDF', () => {
  it.each(real)('%s reads as its text does', async (name) => {
    const text = readFileSync(join(realDir, name), 'utf8');
    expect(await pdfReading(textPage(text))).toEqual(sameReading(checkText(text)));
  });

  it('洪泽区 2023 as PDF still shows its two real imbalances in the review table', async () => {
    const r = await checkFile(await printed(textPage(readFileSync(join(realDir, real[1]!), 'utf8'))), 'hz.pdf');
    const sums = r.findings.filter((f) => f.code === 'sum-mismatch');
    expect(sums.map((f) => [f.table, f.column])).toEqual([
      ['review', 'review.total'],
      ['review', 'after.total'],
    ]);
  });
});

describe('audit command', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nianbao-pdf-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('--json on a PDF and a .docx gives the report JSON of the HTML they were made from', async () => {
    const files = resolve(root, 'tests/fixtures/files');
    const html = readFileSync(join(files, 'report-2023.html'), 'utf8');
    await writeFile(join(dir, 'report.pdf'), await printed(html));
    const { stdout } = await audit(
      '--json',
      join(dir, 'report.pdf'),
      join(files, 'report-2023.docx'),
      join(files, 'report-2023.html'),
    );
    const [pdf, docx, page] = (JSON.parse(stdout) as ReportJson[]).map(sameReading);
    expect(pdf).toEqual(page);
    expect(docx).toEqual(page);
  }, 120_000);
});
