// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checks } from '../../lib/check/checks';
import { checkText } from '../../lib/check/engine';
import { csvRecord, findingPlace, findingsCsv, findingsJson, reportJson, reviewSheet } from '../../lib/review/export';
import { format2021 } from '../../lib/format';
import { ReportJson } from '../../lib/check/report';
import { random, report } from '../../scripts/gen-reports';
import { seedNames, seedsDir } from '../paths';

const seed = (i: number) => checkText(readFileSync(join(seedsDir, seedNames[i]!), 'utf8'), { source: seedNames[i] });

describe('csvRecord (RFC 4180)', () => {
  it('quotes only fields with a comma, quote or line break, doubles quotes, ends with CRLF, leaves null empty', () => {
    expect(csvRecord(['a', 1, null, undefined, '甲,乙', 'say "no"', 'two\nlines', 'cr\r'])).toBe(
      'a,1,,,"甲,乙","say ""no""","two\nlines","cr\r"\r\n',
    );
  });
});

describe('findings exports (CLI review sheet)', () => {
  const unbalanced = () => {
    const r = report(2022, '青山县人民政府', 'county', random(3), { wrongTotal: true });
    return checkText(r.text, { source: 'https://example.gov.cn/nb/2022.html' });
  };

  it('reportJson drops the flat text and the page handle, keeps every table’s cells and the schema', () => {
    const checked = { ...seed(3), locate: () => null };
    const json = reportJson(checked);
    expect(Object.keys(json)).not.toContain('text');
    expect(Object.keys(json)).not.toContain('locate');
    expect(json.tables.map((t) => t.cells)).toEqual(checked.tables.map((t) => t.cells));
    expect(checked.tables.some((t) => t.cells?.length)).toBe(true);
    expect(ReportJson.parse(json)).toEqual(json);
  });

  it('a finding in a table is placed by the format’s labels, not ids', () => {
    const r = unbalanced();
    const sum = r.findings.find((f) => f.code === 'sum-mismatch')!;
    const def = format2021.tables.find((t) => t.id === sum.table)!;
    const place = findingPlace(r, sum);
    expect(place).toContain(`表「${def.title}」`);
    const rows = def.sections.flatMap((s) => s.rows);
    if (sum.row) expect(place).toContain(`行「${rows.find((x) => x.id === sum.row)!.label}」`);
    expect(place).not.toMatch(/[「](?:[a-z]+\.?)+[」]/);
  });

  it('CSV: a BOM, the Chinese header, then the findings in order, each with severity, check name, message and code', () => {
    const r = seed(0);
    const csv = findingsCsv(r);
    expect(csv.startsWith('\uFEFF级别,检查项,位置,')).toBe(true);
    const lines = csv.slice(1).split('\r\n').filter(Boolean);
    expect(lines.length).toBe(1 + r.findings.length);
    r.findings.forEach((f, i) => {
      expect(lines[i + 1]!.split(',').at(-1)).toBe(f.code);
      expect(lines[i + 1]).toContain(f.message);
    });
    expect(lines[1]!.startsWith(`错误,${checks.find((c) => c.code === 'part-missing')!.description},`)).toBe(true);
  });

  it('JSON: the report with the same findings, the page address and the check time', () => {
    const r = unbalanced();
    const at = new Date('2024-02-03T04:05:06Z');
    const parsed = JSON.parse(findingsJson(r, { url: r.source, checkedAt: at }));
    expect(parsed.findings).toEqual(r.findings);
    expect([parsed.url, parsed.checkedAt, parsed.year]).toEqual([r.source, at.toISOString(), 2022]);
    expect(ReportJson.parse(parsed).findings.length).toBeGreaterThan(0);
  });

  it('review sheet: name, unit, year, address, date checked, each finding a table row with its place', () => {
    const r = unbalanced();
    const sheet = reviewSheet(r, { url: r.source, checkedAt: new Date(2024, 1, 3), checkName: (c) => `名:${c}` });
    expect(sheet).toContain('## 青山县人民政府2022年政府信息公开工作年度报告');
    expect(sheet).toContain('单位：青山县人民政府；年度：2022');
    expect(sheet).toContain(`来源：${r.source}`);
    expect(sheet).toContain('检查日期：2024-02-03');
    const rows = sheet.split('\n').filter((l) => /^\| \d+ \|/.test(l));
    expect(rows.length).toBe(r.findings.length);
    r.findings.forEach((f, i) => expect(rows[i]).toContain(`名:${f.code}`));
  });

  it('review sheet: a message with | and a line break stays one table row', () => {
    const r = {
      ...reportJson(seed(3)),
      findings: [{ code: 'part-title' as const, severity: 'warning' as const, message: '甲|乙\n丙' }],
    };
    const rows = reviewSheet(r)
      .split('\n')
      .filter((l) => l.startsWith('| 1 |'));
    expect(rows).toEqual([expect.stringContaining('甲\\|乙 丙 |')]);
  });

  it('a report with nothing found says so', () => {
    const r = { ...reportJson(seed(3)), findings: [] };
    expect(reviewSheet(r)).toContain('未发现问题');
    expect(findingsCsv(r).slice(1).split('\r\n').filter(Boolean).length).toBe(1);
  });
});
