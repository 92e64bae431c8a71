import {
  csvRecord,
  defaultCheckName,
  findingPlace,
  formatName,
  plain,
  LEVEL_NAMES,
  SEVERITY_NAMES,
  verdictLine,
} from './export';
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

/**
 * The batch CSV's header, in Chinese for the people who open it in a spreadsheet; the stable codes
 * (level, format, finding codes) keep columns of their own for anyone who filters or joins on them.
 */
export const REPORT_CSV_HEADER = [
  '来源',
  '单位',
  '级别',
  '年度',
  '发布日期',
  '网站',
  '栏目',
  '格式',
  '该年度应用格式',
  '错误',
  '警告',
  '提示',
  '发现的问题',
  '问题代码',
  '级别代码',
  '格式代码',
] as const;

export const reportCsvHeader = () => csvRecord(REPORT_CSV_HEADER);

/** The checks a report tripped, by name and how often: 「表格合计不等于各项之和 ×2；发布时间晚于法定期限」. */
function findingNames(r: Tally): string {
  const n = new Map<FindingCode, number>();
  for (const f of r.findings) n.set(f.code, (n.get(f.code) ?? 0) + 1);
  return [...n].map(([code, k]) => `${defaultCheckName(code)}${k > 1 ? ` ×${k}` : ''}`).join('；');
}

/** One report as one CSV record; the codes found are space-separated in one field. */
export function reportCsvRow(r: ReportJson): string {
  return csvRecord([
    r.source,
    r.unit,
    LEVEL_NAMES[r.level],
    r.year,
    r.publishedAt,
    r.site,
    r.column,
    formatName(r.format),
    formatName(r.expectedFormat),
    count(r, 'error'),
    count(r, 'warning'),
    count(r, 'info'),
    findingNames(r),
    codes(r).join(' '),
    r.level,
    r.format,
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

  /** The totals in one sentence. */
  headline(): string {
    return `共检查 ${this.reports} 份报告，${this.withErrors} 份有错误${this.unreadable ? `，${this.unreadable} 个文件无法读取` : ''}。`;
  }

  /** Each check that found something, by its Chinese name, with how many reports it found it in; most frequent first. */
  checks(): { code: FindingCode; name: string; reports: number }[] {
    return [...this.byCode]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([code, reports]) => ({ code, name: defaultCheckName(code), reports }));
  }

  /** For the terminal: the totals, then `  检查项：N 份` by frequency. */
  toString(): string {
    return `${[this.headline(), ...this.checks().map((c) => `  ${c.name}：${c.reports} 份`)].join('\n')}\n`;
  }

  /** For the Markdown sheet: the totals, then a list item per check. */
  toMarkdown(): string {
    return `${[this.headline(), '', ...this.checks().map((c) => `- ${c.name}：${c.reports} 份`)].join('\n')}\n`;
  }
}

const STATUS: Record<string, string> = {
  ok: '✓',
  retitled: '（标题不规范）',
  missing: '（缺）',
  unrecognized: '（无法识别）',
};
const NUMERALS = '一二三四五六七八九十';

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
    ...(r.site || r.column ? [`  网站：${r.site ?? '未显示'}　栏目：${r.column ?? '未显示'}`] : []),
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
      `  未能检查（年度未知，可用 --year 指定）：${r.progress.unchecked.map((c) => defaultCheckName(c)).join('；')}`,
    );
  for (const f of r.findings) {
    const place = findingPlace(r, f);
    // The check named in Chinese for the reviewer; its stable code is in --json and --csv.
    lines.push(
      `  [${SEVERITY_NAMES[f.severity]}] ${f.message}${place ? `（${place}）` : ''} ‹${defaultCheckName(f.code)}›`,
    );
  }
  return `${lines.map(plain).join('\n')}\n`;
}
