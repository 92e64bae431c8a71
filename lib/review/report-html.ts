import { columnLabel } from '../check/analysis';
import type { CellResult, Finding, FindingCode, ReportJson, Severity, TableId } from '../check/report';
import { formatById, type TableDef } from '../format';
import { defaultCheckName, findingPlace, formatName, LEVEL_NAMES, SEVERITY_NAMES } from './export';
import { figures, type Figures } from './figures';

/**
 * The reviewers' report: one self-contained HTML page for a batch (a county's worth of reports) or
 * for the one page the side panel shows. No request ever leaves it — inline CSS, inline SVG charts,
 * a few lines of inline script for sorting and filtering, and a Content-Security-Policy that forbids
 * anything else — so it opens from disk, travels by e-mail and prints. Pure: strings in, a string out.
 */

export interface ReviewInput {
  /** The reports, with their tables' cells where known (the grids need them). */
  reports: readonly ReportJson[];
  /** Year-to-year chains: indexes into `reports` of one unit's report and of its next year's. */
  chains?: readonly { from: number; to: number }[];
  /** Inputs that could not be read, as the messages that said why. */
  unreadable?: readonly string[];
  /** Where each report can be opened (a file:// or http(s) address); only those schemes become links. */
  links?: readonly (string | undefined)[];
  checkedAt?: Date;
  /** A check's name; the panel passes its localised names, the default is the check's description. */
  checkName?: (code: FindingCode) => string;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const SPECIAL = /[&<>"']/;
// Most of what is escaped (figures, labels, unit names) holds nothing to escape: tested before replacing.
const esc = (s: string) => (SPECIAL.test(s) ? s.replace(/[&<>"']/g, (c) => ENTITIES[c]!) : s);
const safeHref = (href: string | undefined) => (href && /^(?:https?|file):/i.test(href) ? esc(href) : null);
const count = (r: ReportJson, s: Severity) => r.findings.reduce((n, f) => n + (f.severity === s ? 1 : 0), 0);
const has = (r: ReportJson, code: FindingCode) => r.findings.some((f) => f.code === code);
const date = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const NUMERALS = '一二三四五六';

/** A report's name in lists: its unit and year, else its title, else its file. */
export const reportLabel = (r: ReportJson) =>
  r.unit ? `${r.unit}${r.year === null ? '' : ` ${r.year}`}` : (r.title ?? r.source);

/** The review report as one HTML page. */
export function reviewReportHtml(input: ReviewInput): string {
  return reviewReportParts(input).join('');
}

/**
 * The same page in parts that join to it, one per report's details: a county's page runs to
 * megabytes, and the command writes it part by part rather than make one string of it.
 */
export function reviewReportParts(input: ReviewInput): string[] {
  const { reports, chains = [], unreadable = [], links = [] } = input;
  const name = input.checkName ?? defaultCheckName;
  const title = reports.length === 1 ? `审阅报告：${reportLabel(reports[0]!)}` : '政府信息公开工作年度报告审阅报告';
  const sections = [
    `<header><h1>${esc(title)}</h1><p class="meta">${input.checkedAt ? `检查日期：${date(input.checkedAt)}；` : ''}共 ${reports.length} 份报告${unreadable.length ? `，${unreadable.length} 个文件无法读取` : ''}。</p></header>`,
    overview(reports, chains, unreadable, name),
    reportTable(reports),
    chains.length ? chainSection(reports, chains) : '',
    reports.length > 1 ? figureSection(reports) : '',
    unreadable.length
      ? `<section id="unreadable"><h2>无法读取的文件</h2><ul>${unreadable.map((u) => `<li>${esc(u)}</li>`).join('')}</ul></section>`
      : '',
  ].filter(Boolean);
  return [
    `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${CSS}</style></head>
<body>
`,
    ...sections.map((s) => `${s}\n`),
    '<section id="details"><h2>各报告详情</h2>',
    ...reports.map((r, i) => detail(r, i, links[i], name)),
    `</section>
<script>${SCRIPT}</script>
</body></html>
`,
  ];
}

function overview(
  reports: readonly ReportJson[],
  chains: readonly { from: number; to: number }[],
  unreadable: readonly string[],
  name: (code: FindingCode) => string,
): string {
  const n = (code: FindingCode) => reports.filter((r) => has(r, code)).length;
  const cards: [string, number, string][] = [
    ['检查报告', reports.length, ''],
    ['有错误', reports.filter((r) => count(r, 'error') > 0).length, 'error'],
    ['逾期发布', n('deadline'), 'late'],
    ['缺少部分', n('part-missing'), 'part-missing'],
    ['表格不平衡', n('sum-mismatch'), 'sum-mismatch'],
    ['结转不一致', chains.filter((c) => has(reports[c.to]!, 'carryover-mismatch')).length, 'carryover'],
  ];
  if (unreadable.length) cards.push(['无法读取', unreadable.length, 'unreadable']);
  const byCode = new Map<FindingCode, number>();
  for (const r of reports)
    for (const code of new Set(r.findings.map((f) => f.code))) byCode.set(code, (byCode.get(code) ?? 0) + 1);
  const checks = [...byCode]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([code, value]) => ({ label: name(code), value, code }));
  const units = reports
    .map((r, i) => ({ label: reportLabel(r), value: count(r, 'error'), href: `#r-${i}` }))
    .filter((u) => u.value > 0)
    .sort((a, b) => b.value - a.value);
  return `<section id="overview"><h2>概况</h2>
<ul class="cards">${cards.map(([label, value, key]) => `<li data-card="${key || 'reports'}"><b>${value}</b><span>${label}</span></li>`).join('')}</ul>
<div class="charts">
<figure><figcaption>各检查项发现问题的报告数</figcaption>${checks.length ? barChart(checks, 'checks') : '<p>未发现问题。</p>'}</figure>
<figure><figcaption>各单位错误数</figcaption>${units.length ? barChart(units, 'units') : '<p>没有报告有错误。</p>'}</figure>
</div></section>`;
}

/** At most this many bars: a chart of a province's worth of units would no longer be read. */
const MAX_BARS = 40;

/** A horizontal bar chart as inline SVG: a label, a bar and its value per item. */
export function barChart(
  items: readonly { label: string; value: number; href?: string; text?: string }[],
  kind: string,
): string {
  const shown = items.slice(0, MAX_BARS);
  const max = Math.max(1, ...shown.map((i) => i.value));
  const [labelW, barW, rowH] = [230, 300, 20];
  const height = shown.length * rowH + 4;
  const bars = shown.map((item, k) => {
    const y = k * rowH + 2;
    const w = Math.max(item.value > 0 ? 2 : 0, Math.round((item.value / max) * barW));
    const label = item.label.length > 16 ? `${item.label.slice(0, 15)}…` : item.label;
    const text = `<text x="${labelW - 6}" y="${y + 14}" text-anchor="end">${esc(label)}</text>`;
    return `<g><title>${esc(`${item.label}：${item.text ?? item.value}`)}</title>${item.href ? `<a href="${esc(item.href)}">${text}</a>` : text}<rect x="${labelW}" y="${y + 3}" width="${w}" height="${rowH - 6}"/><text x="${labelW + w + 4}" y="${y + 14}">${esc(item.text ?? String(item.value))}</text></g>`;
  });
  const more = items.length > shown.length ? `<p class="more">另有 ${items.length - shown.length} 项未画出。</p>` : '';
  return `<svg class="chart" data-chart="${esc(kind)}" role="img" viewBox="0 0 ${labelW + barW + 60} ${height}" width="${labelW + barW + 60}" height="${height}" xmlns="http://www.w3.org/2000/svg">${bars.join('')}</svg>${more}`;
}

const PARTS_OK = new Set(['ok', 'retitled']);

function reportTable(reports: readonly ReportJson[]): string {
  const levels = [...new Set(reports.map((r) => r.level))];
  const rows = reports.map((r, i) => {
    const late = has(r, 'deadline');
    const parts = r.parts.filter((p) => PARTS_OK.has(p.status)).length;
    const tables = r.tables.filter((t) => t.status === 'ok').length;
    const [errors, warnings] = [count(r, 'error'), count(r, 'warning')];
    const flags = [
      errors ? 'error' : '',
      late ? 'late' : '',
      has(r, 'carryover-mismatch') ? 'carryover' : '',
      has(r, 'sum-mismatch') ? 'sum-mismatch' : '',
      has(r, 'part-missing') ? 'part-missing' : '',
    ].filter(Boolean);
    const cell = (value: string | number, sort: string | number = value) =>
      `<td data-v="${esc(String(sort))}">${esc(String(value))}</td>`;
    return `<tr data-level="${r.level}" data-flags="${flags.join(' ')}">${cell(r.unit ?? '未识别')}${cell(LEVEL_NAMES[r.level], r.level)}${cell(r.year ?? '—', r.year ?? -1)}<td data-v="${esc(r.publishedAt ?? '')}"${late ? ' class="late"' : ''}>${esc(r.publishedAt ?? '未显示')}${late ? '（逾期）' : ''}</td>${cell(formatName(r.format))}${cell(r.format === 'pre2019' ? '—' : `${parts}/6`, parts)}${cell(r.format === 'pre2019' ? '—' : `${tables}/3`, tables)}<td data-v="${errors}"${errors ? ' class="error"' : ''}>${errors}</td>${cell(warnings)}<td><a href="#r-${i}">详情</a></td></tr>`;
  });
  const th = (label: string, type: 'text' | 'num') =>
    `<th scope="col" data-type="${type}" aria-sort="none"><button type="button">${label}</button></th>`;
  return `<section id="reports"><h2>报告一览</h2>
<div class="filters" role="search">
<label>查找 <input type="search" id="q" placeholder="单位名称"></label>
<label>级别 <select id="level"><option value="">全部</option>${levels.map((l) => `<option value="${l}">${LEVEL_NAMES[l]}</option>`).join('')}</select></label>
<label>只看 <select id="flag"><option value="">全部报告</option><option value="error">有错误</option><option value="late">逾期发布</option><option value="part-missing">缺少部分</option><option value="sum-mismatch">表格不平衡</option><option value="carryover">结转不一致</option></select></label>
<output id="shown" aria-live="polite">显示 ${reports.length} / ${reports.length} 份</output>
</div>
<table class="list"><thead><tr>${th('单位', 'text')}${th('级别', 'text')}${th('年度', 'num')}${th('发布日期', 'text')}${th('格式', 'text')}${th('六个部分', 'num')}${th('统计表', 'num')}${th('错误', 'num')}${th('警告', 'num')}<th scope="col">详情</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></section>`;
}

function chainSection(reports: readonly ReportJson[], chains: readonly { from: number; to: number }[]): string {
  const rows = chains.map(({ from, to }) => {
    const [a, b] = [reports[from]!, reports[to]!];
    const of = (code: FindingCode) => b.findings.filter((f) => f.code === code);
    const carry = of('carryover-mismatch');
    const copied = of('copied-text').filter((f) => f.start !== undefined);
    const jumps = of('figure-jump');
    const link = (r: ReportJson, i: number) => `<a href="#r-${i}">${r.year ?? '—'}</a>`;
    const list = (fs: Finding[]) => `<ul>${fs.map((f) => `<li>${esc(f.message)}</li>`).join('')}</ul>`;
    return `<tr data-chain="${esc(b.unit ?? '')}" class="${carry.length ? 'broken' : ''}"><td>${esc(b.unit ?? '')}</td><td>${link(a, from)} → ${link(b, to)}</td><td class="${carry.length ? 'error' : 'ok'}">${carry.length ? `不一致（${carry.length} 列）${list(carry)}` : '一致'}</td><td>${copied.length ? `${copied.length} 段` : '无'}</td><td>${jumps.length ? list(jumps) : '无'}</td></tr>`;
  });
  return `<section id="chains"><h2>跨年度核对（同一单位连续两年）</h2>
<p class="hint">本年「上年结转」与上年「结转下年度继续办理」逐列核对；与上年相同的段落；表中数字与上年相比 5 倍以上的变化（仅提示）。</p>
<table class="list"><thead><tr><th scope="col">单位</th><th scope="col">年度</th><th scope="col">上年结转</th><th scope="col">与上年相同的段落</th><th scope="col">数字突变</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></section>`;
}

/** The figures reviewers compare across units, one small chart each. */
const FIGURES: { key: keyof Figures; title: string; percent?: boolean }[] = [
  { key: 'received', title: '本年新收政府信息公开申请数' },
  { key: 'grantedShare', title: '予以公开占办理结果的比例', percent: true },
  { key: 'reconsideration', title: '行政复议数' },
  { key: 'litigation', title: '行政诉讼数' },
  { key: 'corrected', title: '复议、诉讼结果纠正数' },
];

function figureSection(reports: readonly ReportJson[]): string {
  const all = reports.map((r, i) => ({ r, i, f: figures(r) }));
  const charts = FIGURES.map(({ key, title, percent }) => {
    const items = all
      .filter((x) => x.f[key] !== null)
      .map((x) => {
        const v = x.f[key]!;
        return {
          label: reportLabel(x.r),
          value: v,
          href: `#r-${x.i}`,
          text: percent ? `${Math.round(v * 1000) / 10}%` : String(v),
        };
      })
      .sort((a, b) => b.value - a.value);
    return `<figure><figcaption>${title}</figcaption>${items.length ? barChart(items, key) : '<p>没有可比的数字。</p>'}</figure>`;
  });
  return `<section id="figures"><h2>各单位数字对比</h2><div class="charts small">${charts.join('')}</div></section>`;
}

function detail(r: ReportJson, i: number, link: string | undefined, name: (code: FindingCode) => string): string {
  const href = safeHref(link);
  const facts: [string, string][] = [
    ['标题', r.title ?? '未找到'],
    ['单位', r.unit ?? '未识别'],
    ['级别', LEVEL_NAMES[r.level]],
    ['年度', r.year === null ? '未识别' : String(r.year)],
    [
      '格式',
      `${formatName(r.format)}${r.expectedFormat !== 'unknown' && r.expectedFormat !== r.format ? `（该年度应为${formatName(r.expectedFormat)}）` : ''}`,
    ],
    ['发布日期', r.publishedAt ?? '页面未显示'],
  ];
  if (r.site) facts.push(['网站', r.site]);
  if (r.column) facts.push(['栏目', r.column]);
  if (r.format !== 'pre2019')
    facts.push([
      '六个部分',
      r.parts
        .map(
          (p) =>
            `${NUMERALS[p.part - 1] ?? p.part}${p.status === 'ok' ? '✓' : p.status === 'retitled' ? '（标题不规范）' : '（缺）'}`,
        )
        .join(' '),
    ]);
  const findings = r.findings.length
    ? `<ol class="findings">${r.findings
        .map((f) => {
          const place = findingPlace(r, f);
          return `<li class="${f.severity}" data-code="${f.code}"><span class="sev">${SEVERITY_NAMES[f.severity]}</span> <b>${esc(name(f.code))}</b>${place ? ` <span class="place">${esc(place)}</span>` : ''}<br>${esc(f.message)}</li>`;
        })
        .join('')}</ol>`
    : '<p class="ok">未发现问题。</p>';
  return `<section class="report" id="r-${i}"><h3>${esc(reportLabel(r))}</h3>
<dl>${facts.map(([k, v]) => `<dt>${k}</dt><dd>${esc(v)}</dd>`).join('')}<dt>来源</dt><dd>${href ? `<a href="${href}">${esc(r.source)}</a>` : esc(r.source)}</dd></dl>
<h4>发现的问题（错误 ${count(r, 'error')} 项，警告 ${count(r, 'warning')} 项，提示 ${count(r, 'info')} 项）</h4>
${findings}
${grids(r)}
<p class="top"><a href="#reports">回到一览</a></p></section>`;
}

/** The format whose table layout the report's cells follow. */
function layoutOf(r: ReportJson) {
  const id = r.format !== 'unknown' && r.format !== 'pre2019' ? r.format : r.expectedFormat;
  return id === 'unknown' || id === 'pre2019' ? null : formatById(id);
}

function grids(r: ReportJson): string {
  const format = layoutOf(r);
  if (!format?.tables.length) return '';
  return format.tables
    .map((def) => {
      const result = r.tables.find((t) => t.table === def.id);
      const tableDef =
        result && result.format !== 'unknown' && result.format !== 'pre2019'
          ? (formatById(result.format).tables.find((t) => t.id === def.id) ?? def)
          : def;
      const heading = `<h4>${esc(tableDef.title)}</h4>`;
      if (!result || result.status === 'missing') return `${heading}<p class="missing">未找到此表。</p>`;
      if (!result.cells?.length) return `${heading}<p class="missing">此表未能逐格读出。</p>`;
      return (
        heading +
        grid(
          tableDef,
          result.cells,
          r.findings.filter((f) => f.table === def.id),
        )
      );
    })
    .join('');
}

/** A table as the format lays it out, each read cell in place, cells a finding names marked by its severity. */
function grid(def: TableDef, cells: readonly CellResult[], findings: readonly Finding[]): string {
  // Cells by row, then column: a grid of a few hundred places looks each up once, building no key.
  const at = new Map<string, Map<string, CellResult>>();
  for (const c of cells) {
    const row = at.get(c.row);
    if (row) row.set(c.column, c);
    else at.set(c.row, new Map([[c.column, c]]));
  }
  const placed = findings.filter((f) => f.row !== undefined || f.column !== undefined);
  const mark = (row: string, column: string): Finding | undefined =>
    placed.find((f) => (f.row ?? row) === row && (f.column ?? column) === column);
  const td = (cell: CellResult | undefined, f: Finding | undefined) => {
    const text = cell ? (cell.status === 'ok' ? String(cell.value) : cell.raw || '') : '';
    const bad = f ? `bad ${f.severity}` : '';
    const status = cell && cell.status !== 'ok' ? cell.status : '';
    const cls = bad && status ? `${bad} ${status}` : bad || status;
    return `<td${cls ? ` class="${cls}"` : ''}${f ? ` title="${esc(f.message)}"` : ''}>${esc(text)}</td>`;
  };
  return def.sections
    .map((s) => {
      const head = `<tr><th scope="col">${esc(s.label ?? def.labelHeader ?? '')}</th>${s.columns.map((c) => `<th scope="col">${esc(columnLabel(def, c.id))}</th>`).join('')}</tr>`;
      let rows = '';
      for (const row of s.rows) {
        if (row.group) {
          rows += `<tr class="group"><th scope="row" colspan="${s.columns.length + 1}">${esc(row.label)}</th></tr>`;
          continue;
        }
        const read = at.get(row.id);
        rows += `<tr><th scope="row">${esc(row.label)}</th>`;
        for (const c of s.columns) rows += td(read?.get(c.id), placed.length ? mark(row.id, c.id) : undefined);
        rows += '</tr>';
      }
      return `<div class="grid"><table data-table="${def.id as TableId}">${head}${rows}</table></div>`;
    })
    .join('');
}

const CSS = `
:root { --err: #b71c1c; --warn: #8a5a00; --ok: #1b5e20; --bar: #3d6fb6; --line: #c9ced6; }
* { box-sizing: border-box; }
body { font: 14px/1.6 "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "SimSun", sans-serif; margin: 0 auto; max-width: 1200px; padding: 1em 1.5em 3em; color: #1a1a1a; }
h1 { font-size: 22px; margin: .2em 0; } h2 { font-size: 18px; border-bottom: 2px solid #1a1a1a; padding-bottom: 2px; margin-top: 2em; }
h3 { font-size: 16px; margin: 0 0 .4em; } h4 { font-size: 14px; margin: 1em 0 .3em; }
.meta, .hint, .more { color: #555; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; list-style: none; padding: 0; }
.cards li { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 110px; }
.cards b { display: block; font-size: 24px; } .cards li[data-card="error"] b, .cards li[data-card="late"] b, .cards li[data-card="carryover"] b { color: var(--err); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(460px, 100%), 1fr)); gap: 12px 24px; }
figure { margin: 0; } figcaption { font-weight: 700; margin: .5em 0; }
svg.chart { max-width: 100%; height: auto; font: 12px sans-serif; }
svg.chart rect { fill: var(--bar); } svg.chart text { fill: #1a1a1a; } svg.chart a text { fill: #0b57d0; }
.filters { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; margin: .5em 0; }
table { border-collapse: collapse; }
table.list { width: 100%; } .list th, .list td { border-bottom: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
.list th button { font: inherit; font-weight: 700; border: 0; background: none; cursor: pointer; padding: 0; }
.list th[aria-sort="ascending"] button::after { content: " ▲"; } .list th[aria-sort="descending"] button::after { content: " ▼"; }
td.late, td.error, .error > .sev, li.error .sev, td.error { color: var(--err); font-weight: 700; }
td.ok, p.ok { color: var(--ok); }
#chains ul { margin: .2em 0; padding-left: 1.2em; font-weight: 400; color: #1a1a1a; }
.report { border-top: 1px solid var(--line); padding-top: .8em; margin-top: 1.2em; }
.report dl { display: grid; grid-template-columns: auto 1fr; gap: 0 1em; margin: 0; } .report dt { font-weight: 700; } .report dd { margin: 0; word-break: break-all; }
.findings li { margin: .3em 0; } .findings .place { color: #555; }
li.warning .sev { color: var(--warn); font-weight: 700; } li.info .sev { color: #555; }
.grid { overflow-x: auto; } .grid table { font-size: 12px; margin-bottom: .5em; }
.grid th, .grid td { border: 1px solid var(--line); padding: 2px 5px; } .grid td { text-align: right; min-width: 3em; }
.grid th[scope="row"] { text-align: left; font-weight: 400; } .grid tr.group th { background: #f2f4f7; text-align: left; }
.grid td.bad { outline: 2px solid var(--err); background: #fdecea; } .grid td.bad.warning { outline-color: var(--warn); background: #fff5e0; } .grid td.bad.info { outline-color: #777; background: #f2f2f2; }
.grid td.blank, .grid td.invalid { color: var(--warn); }
.missing { color: var(--warn); }
@media (max-width: 640px) {
  /* A phone or a narrow window: the lists scroll sideways in their own box, their headers on one line. */
  table.list { display: block; overflow-x: auto; white-space: nowrap; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; } .filters, .top, .list th button::after { display: none; }
  .list th button { pointer-events: none; } .report, .grid table, figure, tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; } .grid { overflow: visible; }
}
`;

/** Sorting by a column header (again: the other way) and filtering by name, level and flag. */
const SCRIPT = `(function () {
  var table = document.querySelector('#reports table');
  if (!table) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var q = document.getElementById('q'), level = document.getElementById('level'), flag = document.getElementById('flag');
  var shown = document.getElementById('shown');
  function filter() {
    var text = q.value.trim(), n = 0;
    rows.forEach(function (r) {
      var ok = (!text || r.cells[0].textContent.indexOf(text) >= 0) &&
        (!level.value || r.getAttribute('data-level') === level.value) &&
        (!flag.value || (' ' + r.getAttribute('data-flags') + ' ').indexOf(' ' + flag.value + ' ') >= 0);
      r.hidden = !ok;
      if (ok) n++;
    });
    shown.textContent = '显示 ' + n + ' / ' + rows.length + ' 份';
  }
  [q, level, flag].forEach(function (el) { el.addEventListener('input', filter); el.addEventListener('change', filter); });
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  heads.forEach(function (th, col) {
    var button = th.querySelector('button');
    if (!button) return;
    button.addEventListener('click', function () {
      var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
      heads.forEach(function (h) { if (h.hasAttribute('aria-sort')) h.setAttribute('aria-sort', 'none'); });
      th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
      var num = th.getAttribute('data-type') === 'num';
      rows.sort(function (a, b) {
        var x = a.cells[col].getAttribute('data-v'), y = b.cells[col].getAttribute('data-v');
        var c = num ? Number(x) - Number(y) : x.localeCompare(y, 'zh-CN');
        return c * dir;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
})();`;
