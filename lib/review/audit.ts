import { csvRecord, findingPlace, formatName, plain, SEVERITY_NAMES, verdictLine } from './export';
import { checks } from '../check/checks';
import { formatById } from '../format';
import type { Finding, FindingCode, ReportJson, Severity } from '../check/report';

/**
 * A batch of reports, one line each: what the `audit` command prints for a county's worth of
 * pages, and what a reviewer's own tool can build on. Pure: no files, no terminal.
 */

/** All a count needs of a report: its findings' codes and severities. */
type Tally = { findings: readonly Pick<Finding, 'code' | 'severity'>[] };

const count = (r: Tally, s: Severity) => r.findings.reduce((n, f) => n + (f.severity === s ? 1 : 0), 0);
const codes = (r: Tally) => [...new Set(r.findings.map((f) => f.code))];

export const REPORT_CSV_HEADER = [
  'source',
  'unit',
  'year',
  'format',
  'expectedFormat',
  'errors',
  'warnings',
  'codes',
] as const;

export const reportCsvHeader = () => csvRecord(REPORT_CSV_HEADER);

/** One report as one CSV record; the codes found are space-separated in one field. */
export function reportCsvRow(r: ReportJson): string {
  return csvRecord([
    r.source,
    r.unit,
    r.year,
    r.format,
    r.expectedFormat,
    count(r, 'error'),
    count(r, 'warning'),
    codes(r).join(' '),
  ]);
}

/** The closing count of a batch: reports, reports with errors, unreadable inputs, and how many reports carried each code. */
export class Summary {
  reports = 0;
  withErrors = 0;
  unreadable = 0;
  readonly byCode = new Map<FindingCode, number>();

  add(r: Tally): void {
    this.reports++;
    if (count(r, 'error')) this.withErrors++;
    for (const code of codes(r)) this.byCode.set(code, (this.byCode.get(code) ?? 0) + 1);
  }

  toJSON() {
    return {
      reports: this.reports,
      withErrors: this.withErrors,
      unreadable: this.unreadable,
      byCode: Object.fromEntries([...this.byCode].sort((a, b) => b[1] - a[1])),
    };
  }

  /** Chinese lines: the totals, then `code<TAB>reports` by frequency. */
  toString(): string {
    const lines = [
      `共检查 ${this.reports} 份报告，${this.withErrors} 份有错误${this.unreadable ? `，${this.unreadable} 个文件无法读取` : ''}。`,
    ];
    for (const [code, n] of [...this.byCode].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])))
      lines.push(`${code}\t${n}`);
    return `${lines.join('\n')}\n`;
  }
}

const STATUS: Record<string, string> = {
  ok: '✓',
  retitled: '（标题不规范）',
  missing: '（缺）',
  unrecognized: '（无法识别）',
};
const NUMERALS = '一二三四五六七八九十';
const CHECK_NAMES = new Map(checks.map((c) => [c.code, c.description]));

/**
 * The terminal view of one report: what the side panel would show, in a few lines. Every line loses
 * its control characters (`plain`): the title, unit and messages come from the page.
 */
export function terminalReport(r: ReportJson): string {
  const format =
    r.format !== 'unknown' && r.format !== 'pre2019'
      ? formatById(r.format)
      : r.expectedFormat !== 'unknown'
        ? formatById(r.expectedFormat)
        : null;
  const tableName = (id: string) =>
    format?.tables.find((t) => t.id === id)?.title.replace(/^[一二三四五六七八九十]+、/, '') ?? id;
  const expected =
    r.expectedFormat !== 'unknown' && r.expectedFormat !== r.format
      ? `，该年度应为${formatName(r.expectedFormat)}`
      : '';
  const numeral = (n: number) => NUMERALS[n - 1] ?? String(n);
  // The old structure's parts are shown as what the report has, not as what it lacks.
  const parts = r.parts.every((p) => p.required === false)
    ? `  旧结构各部分（仅供参考）：${r.parts.map((p) => `${numeral(p.part)}${p.status === 'missing' ? '（未见）' : '✓'}`).join(' ')}`
    : `  ${r.parts.length === 6 ? '六个部分' : '各部分'}：${r.parts.map((p) => `${numeral(p.part)}${STATUS[p.status] ?? ''}`).join(' ')}`;
  const lines = [
    `■ ${r.source}`,
    `  标题：${r.title ?? '（未找到）'}`,
    `  年度：${r.year ?? '未识别'}　单位：${r.unit ?? '未识别'}　发布：${r.publishedAt ?? '未显示'}`,
    `  格式：${formatName(r.format)}${expected}`,
  ];
  if (r.verdict !== 'empty' && r.verdict !== 'not-a-report') lines.push(parts);
  if (r.format !== 'pre2019' && r.verdict !== 'empty' && r.verdict !== 'not-a-report')
    lines.push(
      `  统计表：${r.tables.map((t) => `${tableName(t.table)}${STATUS[t.status] ?? ''}${t.blank ? `（${t.blank} 格未填）` : ''}`).join('；')}`,
    );
  lines.push(`  结论：${verdictLine(r)}`);
  const [errors, warnings] = [count(r, 'error'), count(r, 'warning')];
  if (errors || warnings) lines.push(`  发现：错误 ${errors} 项，警告 ${warnings} 项`);
  else if (r.verdict === 'all-clear') lines.push('  未发现错误或警告');
  if (r.progress.unchecked.length)
    lines.push(
      `  未能检查（年度未知，可用 --year 指定）：${r.progress.unchecked.map((c) => CHECK_NAMES.get(c) ?? c).join('；')}`,
    );
  for (const f of r.findings) {
    const place = findingPlace(r, f);
    lines.push(`  [${SEVERITY_NAMES[f.severity]}] ${f.message}${place ? `（${place}）` : ''} ‹${f.code}›`);
  }
  return `${lines.map(plain).join('\n')}\n`;
}
