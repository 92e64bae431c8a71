import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { random, report } from './gen-reports';

/**
 * The Word and scanned-PDF fixtures of tests/fixtures/files, made from a synthetic report (the
 * format data and the snippets, never a real document):
 *   report-2023.html  the page, as gen-reports writes it (one total off by one)
 *   report-2023.docx  LibreOffice's Word 2007 export of that page (merged cells kept)
 *   report-2023.doc   LibreOffice's Word 97 export of it
 *   scanned.pdf       a screenshot of the page printed as a PDF: images only, no text layer
 *
 *   npx tsx scripts/make-file-fixtures.ts     (needs soffice from Debian's libreoffice-writer-nogui, and chromium)
 */
const dir = join(import.meta.dirname, '../tests/fixtures/files');
const page = report(2023, '青山县人民政府', 'county', random(7), { wrongTotal: true });
writeFileSync(join(dir, 'report-2023.html'), page.html);

const work = mkdtempSync(join(tmpdir(), 'nianbao-fixtures-'));
copyFileSync(join(dir, 'report-2023.html'), join(work, 'report-2023.html'));
for (const filter of ['docx:MS Word 2007 XML', 'doc:MS Word 97'])
  execFileSync('soffice', ['--headless', '--convert-to', filter, '--outdir', work, join(work, 'report-2023.html')]);
for (const ext of ['docx', 'doc']) copyFileSync(join(work, `report-2023.${ext}`), join(dir, `report-2023.${ext}`));

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const tab = await browser.newPage({ viewport: { width: 800, height: 1100 } });
await tab.setContent(page.html);
const shot = await tab.screenshot({ type: 'jpeg', quality: 40 });
await tab.setContent(
  `<!doctype html><body style="margin:0"><img style="width:100%" src="data:image/jpeg;base64,${shot.toString('base64')}"></body>`,
);
writeFileSync(join(dir, 'scanned.pdf'), await tab.pdf({ format: 'A4' }));
await browser.close();
