import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { checkFile } from '../lib/review/files';
import { readPdf } from '../lib/review/files/pdf';
import { checkHtml } from '../lib/review/html';
import { random, report } from './gen-reports';

/**
 * Reading reports published as files, beside the time Chromium takes to load the same report as a
 * page: a 10-page PDF printed from a generated 2021-format report, the .docx and .doc fixtures.
 * Writes its block into docs/benchmarks.md (between the files:start/end marks).
 *
 *   npx tsx scripts/bench-files.ts     (npm run bench runs it after scripts/bench.ts)
 */
const root = join(import.meta.dirname, '..');

async function median(run: () => Promise<unknown>, times = 7): Promise<number> {
  await run();
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await run();
    ms.push(performance.now() - t);
  }
  return ms.sort((a, b) => a - b)[times >> 1]!;
}

const { html } = report(2023, '青山县人民政府', 'county', random(11), { extraChars: 9000 });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const tab = await browser.newPage();
await tab.setContent(html);
const pdf = new Uint8Array(await tab.pdf({ format: 'A4', margin: { top: '25mm', bottom: '25mm' } }));
const pageLoad = await median(async () => {
  const t = await browser.newPage();
  await t.setContent(html, { waitUntil: 'load' });
  await t.close();
});
await browser.close();

const files = join(root, 'tests/fixtures/files');
const docx = new Uint8Array(await readFile(join(files, 'report-2023.docx')));
const doc = new Uint8Array(await readFile(join(files, 'report-2023.doc')));
const pageCount = (await readPdf(pdf)).pages;
const rows: [string, number][] = [
  [
    `PDF, ${pageCount} pages (${Math.round(pdf.length / 1024)} KB): read + check`,
    await median(() => checkFile(pdf, 'r.pdf')),
  ],
  ['DOCX fixture: read + check', await median(() => checkFile(docx, 'r.docx'))],
  ['DOC fixture: read + check', await median(() => checkFile(doc, 'r.doc'))],
  ['the same report as a page: check only (Node)', await median(async () => checkHtml(html))],
  ['the same report as a page: Chromium load (setContent → load)', pageLoad],
];
const block = [
  '<!-- files:start -->',
  `Reports as files (\`npm run bench\`, scripts/bench-files.ts; ${cpus().length} cores, Node ${process.version}, load average ${loadavg()[0]!.toFixed(1)}; medians of 7):`,
  '',
  '| input | time |',
  '|---|---|',
  ...rows.map(([name, ms]) => `| ${name} | ${ms.toFixed(1)} ms |`),
  '',
  `Target (issue 16): a 10-page PDF read in less than one page load — ${rows[0]![1] < pageLoad ? 'met' : 'not met'} in this run.`,
  '<!-- files:end -->',
].join('\n');
const docPath = join(root, 'docs/benchmarks.md');
const text = await readFile(docPath, 'utf8');
const marked = /<!-- files:start -->[\s\S]*<!-- files:end -->/;
await writeFile(docPath, marked.test(text) ? text.replace(marked, block) : `${text.trimEnd()}\n\n${block}\n`);
console.log(block);
