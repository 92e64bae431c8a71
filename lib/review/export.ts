import { columnLabel, rowLabel } from '../check/analysis';
import { checks } from '../check/checks';
import { formatById } from '../format';
import type { Finding, FindingCode, Level, ReportJson, Severity, Verdict } from '../check/report';

/**
 * The one place findings leave the program as files: the side panel's export buttons and the
 * `audit` command share it, so a reviewer gets the same sheet from both.
 */

/** Where and when a report was checked, for the review sheet's header. */
export interface SheetMeta {
  /** The page's address (the panel) — the CLI's `source` already names the file or URL. */
  url?: string;
  checkedAt?: Date;
  /** A check's short name; the panel passes its localised names, the default is the check's description. */
  checkName?: (code: FindingCode) => string;
}

export const SEVERITY_NAMES: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/** The engine's verdict in words (docs/engine.md). */
export const VERDICT_NAMES: Record<Verdict, string> = {
  empty: '空白稿，尚无内容',
  'not-a-report': '不是政府信息公开工作年度报告',
  'needs-year': '年度未知，请指定报告年度',
  'in-progress': '尚未完成',
  problems: '有待修改的问题',
  'all-clear': '全部通过',
};

/** The verdict with where the draft stands: 尚未完成（部分 2/6，统计表 1/3）. */
export function verdictLine(r: ReportJson): string {
  const p = r.progress;
  const where =
    r.verdict === 'in-progress' || r.verdict === 'problems'
      ? [
          p.partsRequired ? `已写部分 ${p.partsWritten}/${p.partsRequired}` : '',
          p.tablesRequired ? `已填统计表 ${p.tablesFilled}/${p.tablesRequired}` : '',
        ].filter(Boolean)
      : [];
  return `${VERDICT_NAMES[r.verdict]}${where.length ? `（${where.join('，')}）` : ''}`;
}
const NUMERALS = '一二三四五六七八九十';
const DESCRIPTIONS = new Map(checks.map((c) => [c.code, c.description]));
/** A check's name for people: its Chinese description. */
export const defaultCheckName = (code: FindingCode) => DESCRIPTIONS.get(code) ?? code;

export const LEVEL_NAMES: Record<Level, string> = {
  township: '乡镇（街道）',
  county: '县（区）',
  city: '市',
  province: '省',
  department: '部门',
  unknown: '未识别',
};

/**
 * The report as --json and the JSON export give it: no flat text, no page handles; every table's
 * cells (row, column, value, raw, status), so a reader can tell a table read from one merely found.
 */
export function reportJson(c: ReportJson & { text?: string; locate?: unknown; period?: unknown }): ReportJson {
  const { text: _text, locate: _locate, period: _period, ...report } = c;
  return report;
}

/**
 * Control characters a terminal or a viewer acts on: C0 (ESC starts escape sequences, BEL ends
 * OSC titles, CR and backspace overwrite), DEL, C1 (U+009B is a one-character CSI), and the
 * bidirectional overrides and isolates that reorder what is shown (text hidden in plain sight).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from a page, fit for one line of a terminal or a sheet: every control character becomes a
 * space. A page title with `ESC ]0;…BEL` or `ESC [1A ESC [2K` can no longer retitle the terminal or
 * erase the lines above it.
 */
export const plain = (s: string): string => s.replace(CONTROLS, ' ');

/**
 * A spreadsheet runs a cell that starts with = + - @ (or their full-width forms, which some read
 * the same way), or with tab or CR before one, as a formula: `=HYPERLINK("http://…?"&A1)` in a page
 * title would send the sheet's data away when clicked. Such text gets a leading ' (OWASP's advice),
 * which the spreadsheet shows as plain text. Numbers the program computed stay numbers.
 */
const FORMULA = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;
export const cellText = (s: string): string => (FORMULA.test(s) ? `'${s}` : s);

/**
 * One CSV record, RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled;
 * CRLF ends it. Text fields are neutralised (`cellText`) and lose their control characters (line
 * breaks kept, quoted); every CSV the program writes goes through here.
 */
export function csvRecord(fields: readonly (string | number | null | undefined)[]): string {
  const field = (f: string | number | null | undefined) => {
    if (f === null || f === undefined) return '';
    if (typeof f === 'number') return String(f);
    // Neutralised first: a leading tab is a formula trigger, and would be a space after the next step.
    const s = cellText(f).replace(CONTROLS, (c) => (c === '\n' || c === '\r' ? c : ' '));
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${fields.map(field).join(',')}\r\n`;
}

/** A UTF-8 byte order mark: without it Excel reads a Chinese CSV as the local code page. */
export const CSV_BOM = '\uFEFF';

export const formatName = (id: ReportJson['format']) => (id === 'unknown' ? '未识别' : formatById(id).name);

/** The format a finding's table/row/column ids belong to: the one the document uses, else the one its year requires. */
function formatOf(r: ReportJson) {
  const id = r.format !== 'unknown' && r.format !== 'pre2019' ? r.format : r.expectedFormat;
  return id === 'unknown' ? null : formatById(id);
}

/** A finding's place in words: 第三部分 · 表「收到和处理政府信息公开申请情况」 · 行「…」 · 列「…」. */
export function findingPlace(r: ReportJson, f: Finding): string {
  const format = formatOf(r);
  const def = f.table ? format?.tables.find((t) => t.id === f.table) : undefined;
  const place: string[] = [];
  if (f.part) place.push(`第${NUMERALS[f.part - 1] ?? f.part}部分`);
  if (f.table) place.push(`表「${def?.title ?? f.table}」`);
  if (f.row) place.push(`行「${def ? rowLabel(def, f.row) : f.row}」`);
  if (f.column) place.push(`列「${def ? columnLabel(def, f.column) : f.column}」`);
  return place.join(' · ');
}

/** The findings CSV's header, in Chinese; the stable code keeps its own column (问题代码). */
export const FINDINGS_CSV_HEADER = [
  '级别',
  '检查项',
  '位置',
  '部分',
  '表',
  '行',
  '列',
  '应为',
  '实为',
  '说明',
  '问题代码',
];

/** The findings of one report, a row each, in the order shown; parts, tables, rows and columns by their Chinese names. */
export function findingsCsv(r: ReportJson, meta: SheetMeta = {}): string {
  const name = meta.checkName ?? defaultCheckName;
  const format = formatOf(r);
  const rows = r.findings.map((f) => {
    const def = f.table ? format?.tables.find((t) => t.id === f.table) : undefined;
    return csvRecord([
      SEVERITY_NAMES[f.severity],
      name(f.code),
      findingPlace(r, f),
      f.part ? `第${NUMERALS[f.part - 1] ?? f.part}部分` : '',
      f.table ? (def?.title ?? '') : '',
      f.row && def ? rowLabel(def, f.row) : '',
      f.column && def ? columnLabel(def, f.column) : '',
      f.expected,
      f.actual,
      f.message,
      f.code,
    ]);
  });
  return CSV_BOM + csvRecord(FINDINGS_CSV_HEADER) + rows.join('');
}

/**
 * The name a file exported for one report gets: unit and year, `城关镇-2025-审阅.csv`. Only letters,
 * digits and brackets of the unit are kept (no path separators or characters a file system refuses); a report without a unit or year leaves that part out.
 */
export function exportName(r: Pick<ReportJson, 'unit' | 'year'>, ext: string): string {
  const unit = r.unit
    ?.replace(/(?:人民政府|政府)$/, '')
    .replace(/[^\p{L}\p{N}（）()·-]/gu, '')
    .slice(0, 40);
  return `${[unit, r.year, '审阅'].filter(Boolean).join('-')}.${ext}`;
}

/** The report's JSON with where and when it was checked. */
export function findingsJson(r: ReportJson, meta: SheetMeta = {}): string {
  return `${JSON.stringify({ ...reportJson(r), url: meta.url, checkedAt: meta.checkedAt?.toISOString() }, null, 2)}\n`;
}

/**
 * Page text in Markdown: HTML is escaped (a title `<img src=x onerror=…>` stays text in every
 * viewer), the characters that make links, images, emphasis, code and table cells are
 * backslash-escaped, and control characters (line breaks too) become spaces, so the text cannot
 * start a block of its own.
 */
export const md = (s: string): string =>
  plain(s)
    .replace(/[\\`*_[\]|!#~]/g, (c) => `\\${c}`)
    .replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
const date = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** A Markdown review sheet: the report's name, unit, year, address, date checked, and each finding with its place. */
export function reviewSheet(r: ReportJson, meta: SheetMeta = {}): string {
  const name = meta.checkName ?? defaultCheckName;
  const count = (s: Severity) => r.findings.filter((f) => f.severity === s).length;
  const lines = [
    `## ${md(r.title ?? r.source)}`,
    '',
    `- 来源：${md(meta.url ?? r.source)}`,
    `- 单位：${md(r.unit ?? '未识别')}；年度：${r.year ?? '未识别'}`,
    `- 格式：${formatName(r.format)}${r.expectedFormat !== 'unknown' && r.expectedFormat !== r.format ? `（该年度应为${formatName(r.expectedFormat)}）` : ''}`,
    `- 发布日期：${md(r.publishedAt ?? '页面未显示')}`,
  ];
  if (r.site || r.column) lines.push(`- 网站：${r.site ?? '未显示'}；栏目：${r.column ?? '未显示'}`);
  if (meta.checkedAt) lines.push(`- 检查日期：${date(meta.checkedAt)}`);
  lines.push(`- 结论：${verdictLine(r)}`);
  lines.push(`- 结果：错误 ${count('error')} 项，警告 ${count('warning')} 项，提示 ${count('info')} 项`, '');
  if (!r.findings.length) lines.push('未发现问题。');
  else {
    lines.push('| # | 级别 | 检查项 | 位置 | 说明 |', '|---|---|---|---|---|');
    r.findings.forEach((f, i) =>
      lines.push(
        `| ${i + 1} | ${SEVERITY_NAMES[f.severity]} | ${md(name(f.code))} | ${md(findingPlace(r, f))} | ${md(f.message)} |`,
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

const html = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The review sheet as a page to print (the side panel's 打印审阅单): the same facts as `reviewSheet`, in Chinese only. */
export function reviewSheetHtml(r: ReportJson, meta: SheetMeta = {}): string {
  const name = meta.checkName ?? defaultCheckName;
  const title = r.title ?? r.source;
  const count = (s: Severity) => r.findings.filter((f) => f.severity === s).length;
  const facts: [string, string][] = [
    ['单位', r.unit ?? '未识别'],
    ['年度', r.year === null ? '未识别' : String(r.year)],
    ['格式', formatName(r.format)],
    ['发布日期', r.publishedAt ?? '页面未显示'],
    ['网址', meta.url ?? r.source],
  ];
  if (r.site) facts.push(['网站', r.site]);
  if (r.column) facts.push(['栏目', r.column]);
  if (meta.checkedAt) facts.push(['检查日期', date(meta.checkedAt)]);
  facts.push(['结果', `错误 ${count('error')} 项，警告 ${count('warning')} 项，提示 ${count('info')} 项`]);
  const rows = r.findings.map(
    (f, i) =>
      `<tr class="${f.severity}"><td>${i + 1}</td><td>${SEVERITY_NAMES[f.severity]}</td><td>${html(name(f.code))}</td><td>${html(findingPlace(r, f))}</td><td>${html(f.message)}</td></tr>`,
  );
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>审阅单：${html(title)}</title>
<style>
body { font: 12pt/1.5 "Noto Sans CJK SC", "Microsoft YaHei", "SimSun", sans-serif; margin: 2em; color: #000; }
h1 { font-size: 16pt; margin: 0 0 .5em; }
dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 1em; margin: 0 0 1em; }
dt { font-weight: 700; } dd { margin: 0; word-break: break-all; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #444; padding: 3px 5px; vertical-align: top; text-align: left; }
tr { page-break-inside: avoid; }
tr.error td:nth-child(2) { color: #b71c1c; font-weight: 700; }
</style></head>
<body>
<h1>${html(title)}</h1>
<dl>${facts.map(([k, v]) => `<dt>${k}</dt><dd>${html(v)}</dd>`).join('')}</dl>
${rows.length ? `<table><thead><tr><th>#</th><th>级别</th><th>检查项</th><th>位置</th><th>说明</th></tr></thead><tbody>${rows.join('')}</tbody></table>` : '<p>未发现问题。</p>'}
</body></html>
`;
}
