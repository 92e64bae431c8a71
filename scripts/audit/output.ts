import { stringify } from 'csv-stringify/sync';
import { formatById } from '../../lib/format';
import type { Checked } from '../../lib/engine';
import type { ReportJson } from '../../lib/report';

/** The --json shape: the report without the grids and flat text only the extension needs. */
export function toJson(c: Checked): ReportJson {
  const { text: _text, ...report } = c;
  return { ...report, tables: report.tables.map(({ cells: _cells, ...t }) => t) };
}

const count = (r: ReportJson, severity: string) => r.findings.filter((f) => f.severity === severity).length;
const codes = (r: ReportJson) => [...new Set(r.findings.map((f) => f.code))].join(' ');

export const CSV_HEADER = ['source', 'unit', 'year', 'format', 'expectedFormat', 'errors', 'warnings', 'codes'];

export function csvRow(r: ReportJson): string {
  return stringify([[r.source, r.unit ?? '', r.year ?? '', r.format, r.expectedFormat, count(r, 'error'), count(r, 'warning'), codes(r)]]);
}

export function csvHeader(): string {
  return stringify([CSV_HEADER]);
}

/** How many reports there were, and how many carried each code. */
export class Summary {
  reports = 0;
  withErrors = 0;
  failed = 0;
  readonly byCode = new Map<string, number>();

  add(r: ReportJson): void {
    this.reports++;
    if (count(r, 'error')) this.withErrors++;
    for (const code of new Set(r.findings.map((f) => f.code))) this.byCode.set(code, (this.byCode.get(code) ?? 0) + 1);
  }

  toString(): string {
    const lines = [`共 ${this.reports} 份报告，其中 ${this.withErrors} 份有错误${this.failed ? `，${this.failed} 个文件无法读取` : ''}。`];
    for (const [code, n] of [...this.byCode].sort((a, b) => b[1] - a[1])) lines.push(`  ${code}\t${n}`);
    return lines.join('\n');
  }
}

const SEVERITY = { error: '错误', warning: '警告', info: '提示' } as const;
const STATUS = { ok: '✓', retitled: '标题不规范', missing: '缺失', unrecognized: '无法识别' } as const;
const formatName = (id: string) => (id === 'unknown' ? '未知' : formatById(id as never).name);

/** The terminal view: what the side panel would show. */
export function human(r: ReportJson): string {
  const lines = [
    `■ ${r.source}`,
    `  ${r.title ?? '（未找到标题）'}`,
    `  年度 ${r.year ?? '未知'} · ${r.unit ?? '单位未知'} · 格式 ${formatName(r.format)}${r.expectedFormat !== r.format && r.expectedFormat !== 'unknown' ? `（应为 ${formatName(r.expectedFormat)}）` : ''}${r.publishedAt ? ` · 发布于 ${r.publishedAt}` : ''}`,
    `  六部分：${r.parts.map((p) => `${p.part}${STATUS[p.status]}`).join(' ')}`,
    `  统计表：${r.tables.map((t) => `${t.table}${STATUS[t.status]}`).join(' ')}`,
  ];
  if (!r.findings.some((f) => f.severity !== 'info')) lines.push('  全部通过');
  for (const f of r.findings) lines.push(`  [${SEVERITY[f.severity]}] ${f.code}：${f.message}`);
  return lines.join('\n') + '\n';
}

/** A Markdown review sheet for one report. */
export function markdown(r: ReportJson): string {
  const lines = [
    `## ${r.title ?? r.source}`,
    '',
    `- 来源：${r.source}`,
    `- 单位：${r.unit ?? '未知'}；年度：${r.year ?? '未知'}；格式：${formatName(r.format)}（应为 ${formatName(r.expectedFormat)}）`,
    `- 发布时间：${r.publishedAt ?? '未找到'}`,
    '',
  ];
  if (!r.findings.length) lines.push('全部通过。');
  else {
    lines.push('| 级别 | 代码 | 位置 | 说明 |', '|---|---|---|---|');
    for (const f of r.findings) {
      const place = [f.part ? `第${f.part}部分` : '', f.table ?? '', f.row ?? '', f.column ?? ''].filter(Boolean).join(' / ');
      lines.push(`| ${SEVERITY[f.severity]} | ${f.code} | ${place} | ${f.message.replace(/\|/g, '\\|')} |`);
    }
  }
  return lines.join('\n') + '\n\n';
}
