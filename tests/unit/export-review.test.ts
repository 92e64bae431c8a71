import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asPrevious, checkPage, checkText } from '../../lib/check/engine';
import {
  CSV_BOM,
  FINDINGS_CSV_HEADER,
  findingPlace,
  findingsCsv,
  findingsJson,
  reviewSheet,
  reviewSheetHtml,
  reportJson,
} from '../../lib/review/export';
import type { ReportJson } from '../../lib/check/report';
import { parseCsv } from '../support/csv';
import { root } from '../paths';

const fixture = (name: string) =>
  new DOMParser().parseFromString(readFileSync(resolve(root, 'tests/e2e/fixtures', name), 'utf8'), 'text/html');

/** The 2021 published fixture compared with its 2020 page: carry-over mismatches, a copied paragraph, a late publication. */
function compared(): ReportJson {
  const last = checkPage(fixture('published-2021-prev.html'), { source: 'last.html' });
  const {
    text: _t,
    locate: _l,
    ...report
  } = checkPage(fixture('published-2021.html'), { source: 'this.html', previous: asPrevious(last) });
  return report;
}

describe('findings as files', () => {
  const report = compared();

  it('the fixture pair gives the findings the review e2e looks for', () => {
    const codes = report.findings.map((f) => f.code);
    expect(codes.filter((c) => c === 'carryover-mismatch')).toHaveLength(2);
    expect(codes).toContain('copied-text');
    expect(codes).toContain('deadline');
  });

  it('places a finding by the format data: part, table, row and column labels', () => {
    const carry = report.findings.find((f) => f.code === 'carryover-mismatch' && f.column === 'business')!;
    expect(findingPlace(report, carry)).toBe(
      '第三部分 · 表「收到和处理政府信息公开申请情况」 · 行「二、上年结转政府信息公开申请数量」 · 列「法人或其他组织·商业企业」',
    );
  });

  it('CSV: a BOM, a header, one RFC 4180 record per finding that reads back to the same fields', () => {
    const csv = findingsCsv(report);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual(FINDINGS_CSV_HEADER);
    expect(rows).toHaveLength(report.findings.length + 1);
    const col = (name: string) => FINDINGS_CSV_HEADER.indexOf(name);
    expect(rows.slice(1).map((r) => r[col('问题代码')])).toEqual(report.findings.map((f) => f.code));
    expect(rows.slice(1).map((r) => r[col('说明')])).toEqual(report.findings.map((f) => f.message));
    // Rows and columns by their Chinese labels, never by ids.
    const carry = rows.find((r) => r[col('列')] === '法人或其他组织·商业企业')!;
    expect([carry[col('表')], carry[col('行')], carry[col('部分')]]).toEqual([
      '收到和处理政府信息公开申请情况',
      '二、上年结转政府信息公开申请数量',
      '第三部分',
    ]);
    expect([carry[col('应为')], carry[col('实为')]]).toEqual(['10', '12']);
    expect(rows.flat().join(' ')).not.toMatch(/\b(?:requests|business|carried)\b/);
  });

  it('CSV quotes commas, quotes and line breaks and doubles quotes', () => {
    const tricky: ReportJson = {
      ...report,
      findings: [{ code: 'deadline', severity: 'warning', message: 'a,"b"\nc' }],
    };
    const csv = findingsCsv(tricky);
    expect(csv).toContain('"a,""b""\nc"');
    expect(parseCsv(csv.slice(1))[1]!.at(-2)).toBe('a,"b"\nc');
  });

  it('JSON: the report without flat text, with its cells and the address and time of the check', () => {
    const checkedAt = new Date('2022-03-01T08:00:00Z');
    const json = JSON.parse(findingsJson(report, { url: 'http://x.gov.cn/a.html', checkedAt }));
    expect(json.findings).toEqual(report.findings);
    expect([json.source, json.title, json.year, json.unit]).toEqual([
      'this.html',
      '某县自然资源局2021年政府信息公开工作年度报告',
      2021,
      '某县自然资源局',
    ]);
    expect(json.url).toBe('http://x.gov.cn/a.html');
    expect(json.checkedAt).toBe('2022-03-01T08:00:00.000Z');
    expect(json.text).toBeUndefined();
    expect(json.tables.map((t: { cells?: unknown }) => t.cells)).toEqual(report.tables.map((t) => t.cells));
    expect(reportJson(report).findings).toBe(report.findings);
  });

  it('Markdown sheet: the header facts and a table row per finding', () => {
    const md = reviewSheet(report, { url: 'http://x.gov.cn/a.html', checkedAt: new Date(2022, 2, 1) });
    expect(md).toContain('## 某县自然资源局2021年政府信息公开工作年度报告');
    expect(md).toContain('- 来源：http://x.gov.cn/a.html');
    expect(md).toContain('- 检查日期：2022-03-01');
    expect(md).toContain('- 发布日期：2022-02-20');
    expect(md.split('\n').filter((l) => /^\| \d+ \|/.test(l))).toHaveLength(report.findings.length);
  });

  it('HTML sheet: name, unit, year, URL, date checked, and each finding with severity, check name, message and place, escaped', () => {
    const withTag: ReportJson = {
      ...report,
      findings: [...report.findings, { code: 'copied-text', severity: 'warning', message: '<b>x</b> & y' }],
    };
    const html = reviewSheetHtml(withTag, { url: 'http://x.gov.cn/a.html?a=1&b=2', checkedAt: new Date(2022, 2, 1) });
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelector('h1')!.textContent).toBe('某县自然资源局2021年政府信息公开工作年度报告');
    const facts = Object.fromEntries(
      [...doc.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling!.textContent]),
    );
    expect(facts).toMatchObject({
      单位: '某县自然资源局',
      年度: '2021',
      网址: 'http://x.gov.cn/a.html?a=1&b=2',
      检查日期: '2022-03-01',
      发布日期: '2022-02-20',
    });
    const rows = [...doc.querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(withTag.findings.length);
    const carry = rows.find((r) => r.textContent!.includes('法人或其他组织·商业企业'))!;
    const cells = [...carry.querySelectorAll('td')].map((td) => td.textContent);
    expect(cells[1]).toBe('错误');
    expect(cells[2]).toBe('上年结转申请数与上年报告的结转下年度数不一致');
    expect(html).not.toContain('carryover-mismatch');
    expect(cells[3]).toContain('行「二、上年结转政府信息公开申请数量」');
    expect(cells[4]).toContain('为 10');
    expect(rows.at(-1)!.querySelector('td:last-child')!.textContent).toBe('<b>x</b> & y');
    expect(doc.querySelector('tbody b')).toBeNull();
  });

  it('an empty report says so instead of an empty table', () => {
    const { text: _t, ...empty } = checkText('');
    const doc = new DOMParser().parseFromString(reviewSheetHtml({ ...empty, findings: [] }), 'text/html');
    expect(doc.querySelector('table')).toBeNull();
    expect(doc.body.textContent).toContain('未发现问题');
  });

  it('the printed sheet and the Markdown sheet hold no English id, undefined or null, for the old structure too', () => {
    for (const seed of ['004_90225ff58829eda7.txt', '000_44aebc5475f13285.txt']) {
      const { text: _t, ...r } = checkText(readFileSync(resolve(root, 'tests/fixtures', seed), 'utf8'));
      const doc = new DOMParser().parseFromString(reviewSheetHtml(r), 'text/html');
      doc.querySelectorAll('style').forEach((s) => s.remove());
      for (const text of [doc.body.textContent ?? '', reviewSheet(r)])
        expect(text.replace(/https?:\S+/g, '')).not.toMatch(/undefined|null|NaN|pre2019|[a-z]+-[a-z]+/);
    }
  });
});
