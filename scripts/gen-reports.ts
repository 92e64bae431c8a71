import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fillTable, numberCells } from '../lib/write/filler';
import { format2021, formatForYear, type FormatDef, type Level } from '../lib/format';
import { cellKey } from '../lib/check/rules';
import { partHeading, reportSkeleton, tableSnippet } from '../lib/write/snippets';
import { escapeHtml } from '../lib/write/snippets/table';

/**
 * Synthetic reports for batch tests and the bench, built from the format data and the snippets the
 * popup inserts (never a hand-written table): saved pages with site chrome, some in GBK, some as
 * plain text, a known share with one total made wrong.
 *
 *   npx tsx scripts/gen-reports.ts DIR N [SEED]   → N reports and DIR/manifest.json
 */

/** Deterministic, so a failing batch can be regenerated exactly. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = [
  '青山',
  '白水',
  '红旗',
  '柳林',
  '石桥',
  '东湖',
  '南岗',
  '西营',
  '北坡',
  '金沙',
  '银河',
  '平安',
  '永兴',
  '长乐',
  '福田',
  '新华',
];
/** A name per index, unique up to 4,096 reports (a third place name from the 256th on): one unit, one name. */
const unitName = (level: Level, i: number) =>
  `${PLACES[i % 16]}${PLACES[(i >> 4) % 16]}${i >= 256 ? PLACES[(i >> 8) % 16] : ''}${level === 'township' ? '镇' : '县'}人民政府`;

export interface Generated {
  html: string;
  text: string;
  /** 四、结转下年度继续办理 as the report prints it, by column: next year's 上年结转. */
  carryover: Record<string, number>;
}

/**
 * A report of `year` for `unit`, every table filled from random leaves with totals computed by the
 * table filler; `wrongTotal` then puts one computed total off by one (a sum-mismatch).
 */
export function report(
  year: number,
  unit: string,
  _level: Level,
  rnd: () => number,
  options: { wrongTotal?: boolean; extraChars?: number; carried?: Record<string, number> } = {},
): Generated {
  const format = formatForYear(year);
  const skeleton = reportSkeleton(format, { year, unit });
  let { html, text } = skeleton;
  const carryover: Record<string, number> = {};
  format.tables.forEach((def, t) => {
    const typed = new Map<string, string>();
    for (const c of numberCells(def)) typed.set(c.key, String(Math.floor(rnd() * (c.column.money ? 50 : 20))));
    // Nobody but provinces and larger cities makes 规章: a township's row stays 0 (else value-implausible).
    for (const c of numberCells(def)) if (c.row.id === 'regulations') typed.set(c.key, '0');
    if (def.id === 'requests')
      for (const c of def.sections[0]!.columns)
        typed.set(cellKey('carried', c.id), String(options.carried?.[c.id] ?? 500));
    plausible(format, def.id, typed);
    const filled = fillTable(format, def.id, typed);
    if (options.wrongTotal && t === 1) {
      const key = [...filled.derived][Math.floor(rnd() * filled.derived.size)]!;
      filled.values.set(key, filled.values.get(key)! + 1);
    }
    if (def.id === 'requests')
      for (const c of def.sections[0]!.columns) carryover[c.id] = filled.values.get(cellKey('carryover', c.id)) ?? 0;
    const empty = tableSnippet(format, def.id);
    const full = tableSnippet(format, def.id, filled.values);
    html = html.replace(empty.html, full.html);
    text = text.replace(empty.text, full.text);
  });
  ({ html, text } = ownWords(format, year, unit, rnd, html, text));
  // A people's government reports on 工作考核、社会评议和责任追究 (content-missing otherwise); part 6 says it.
  html += `<p>${ASSESSMENT}</p>`;
  text += `\n${ASSESSMENT}`;
  if (options.extraChars) {
    const extra = paragraphs(year, unit, options.extraChars, rnd);
    // The extra text goes into part 1 (总体情况), before part 2's heading.
    const next = partHeading(format.parts[1]!);
    html = html.replace(
      `<p><strong>${escapeHtml(next)}</strong></p>`,
      `${extra.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}<p><strong>${escapeHtml(next)}</strong></p>`,
    );
    text = text.replace(`\n${next}\n`, `\n${extra.join('\n')}\n${next}\n`);
  }
  return { html, text, carryover };
}

/**
 * A finished report is written in the unit's own words: each skeleton paragraph gets a sentence of
 * the year's own facts, each sub-heading a sentence under it (else the engine rightly calls the
 * parts template text).
 */
function ownWords(format: FormatDef, year: number, unit: string, rnd: () => number, html: string, text: string) {
  for (const part of format.parts) {
    for (const template of part.boilerplate ?? []) {
      const said = template.replaceAll('{year}', String(year)).replaceAll('{unit}', unit);
      const own = `${said}全年召开专题会议${1 + Math.floor(rnd() * 9)}次，逐项研究落实。`;
      html = html.replace(`<p>${escapeHtml(said)}</p>`, `<p>${escapeHtml(own)}</p>`);
      text = text.replace(`\n${said}\n`, `\n${own}\n`);
    }
    (part.subheadings ?? []).forEach((sub, i) => {
      const heading = `（${'一二三四五六七八九十'[i]}）${sub}`;
      const under = `${year}年，${unit}围绕${sub.replace(/（.*$/, '')}开展工作${1 + Math.floor(rnd() * 30)}项，均按期完成。`;
      html = html.replace(
        `<p><strong>${escapeHtml(heading)}</strong></p>`,
        `<p><strong>${escapeHtml(heading)}</strong></p><p>${escapeHtml(under)}</p>`,
      );
      text = text.replace(`\n${heading}\n`, `\n${heading}\n${under}\n`);
    });
  }
  return { html, text };
}

const ASSESSMENT =
  '本机关将政府信息公开工作纳入年度绩效考核，组织开展社会评议，本年度未发生因政府信息公开工作引起的责任追究情况。';

/** Typed leaves bent to meet the format's inequalities (总数量 ≥ 新公开数量 …), one row at a time. */
function plausible(format: FormatDef, table: string, typed: Map<string, string>): void {
  for (const rule of format.rules.filter((r) => r.table === table && r.over === 'rows' && r.op !== '=')) {
    const section = format.tables.find((t) => t.id === table)!.sections.find((s) => s.id === rule.section);
    for (const row of section?.rows ?? []) {
      const sum = (ids: string[]) => ids.reduce((n, id) => n + Number(typed.get(cellKey(row.id, id)) ?? 0), 0);
      const gap = rule.op === '>=' ? sum(rule.right) - sum(rule.left) : sum(rule.left) - sum(rule.right);
      const raise = rule.op === '>=' ? rule.left[0]! : rule.right[0]!;
      if (gap > 0) typed.set(cellKey(row.id, raise), String(Number(typed.get(cellKey(row.id, raise)) ?? 0) + gap));
    }
  }
}

const TOPICS = [
  '政策解读',
  '重点领域信息公开',
  '政务新媒体管理',
  '政府网站集约化',
  '政务服务事项公开',
  '财政预决算公开',
  '重大建设项目批准和实施',
  '公共资源配置',
  '乡村振兴',
  '生态环境保护',
  '义务教育',
  '医疗卫生',
  '养老服务',
  '就业创业',
];

/** Part-one prose of about `chars` characters, varied so no paragraph repeats. */
function paragraphs(year: number, unit: string, chars: number, rnd: () => number): string[] {
  const out: string[] = [];
  let n = 0;
  for (let i = 0; n < chars; i++) {
    const topic = TOPICS[i % TOPICS.length]!;
    const p =
      `围绕${topic}，${unit}在${year}年度持续加强主动公开工作，通过政府门户网站、政务新媒体和政务公开专区等渠道发布相关信息${10 + Math.floor(rnd() * 900)}条，` +
      `组织专题培训${1 + Math.floor(rnd() * 9)}次、参训人员${20 + Math.floor(rnd() * 300)}人次，对${topic}相关文件逐件开展公开属性审查，做到应公开尽公开，` +
      `并在第${1 + (i % 4)}季度对栏目内容进行全面自查，整改更新不及时、链接失效等问题${Math.floor(rnd() * 30)}处，进一步提升了政务公开的标准化、规范化水平。`;
    out.push(p);
    n += p.length;
  }
  return out;
}

/** How the page states its date: a 发布时间 line in the article's header, or the meta tags of 政府网站 and a bare 时间： line. */
export type PageStyle = 'dateline' | 'meta';

/** The report as a saved page: site navigation, the article in a CMS container, a footer. */
export function page(
  title: string,
  body: string,
  unit: string,
  published: string,
  charset = 'utf-8',
  style: PageStyle = 'dateline',
): string {
  const head =
    style === 'meta'
      ? `<meta name="SiteName" content="${escapeHtml(unit)}门户网站"><meta name="SiteDomain" content="www.example.gov.cn">` +
        `<meta name="ColumnName" content="政府信息公开年报"><meta name="ArticleTitle" content="${escapeHtml(title)}">` +
        `<meta name="PubDate" content="${published} 10:30"><meta name="ContentSource" content="${escapeHtml(unit)}">`
      : '';
  const info =
    style === 'meta'
      ? `时间：${published} 10:30　来源：${escapeHtml(unit)}`
      : `发布时间：${published}　来源：${escapeHtml(unit)}`;
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="${charset}">${head}<title>${escapeHtml(title)}_${escapeHtml(unit)}</title>
<style>.nav a{margin:0 8px}</style><script>var _hmt = _hmt || [];</script></head>
<body><div class="top">繁體版 | 无障碍 | 长者模式</div>
<div class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/zwgk/xxgknb/">政府信息公开年报</a><a href="/hdjl/">互动交流</a></div>
<div class="main"><div class="position">当前位置：首页 &gt; 政务公开 &gt; 政府信息公开年报</div>
<div class="xxgk_content"><h1>${escapeHtml(title)}</h1><div class="info">${info}</div>
<div id="zoom">${body}</div></div></div>
<div class="footer">主办单位：${escapeHtml(unit)}　网站标识码：1234000000　备案号：某ICP备00000000号</div></body></html>
`;
}

const MENU = [
  '首页',
  '政务公开',
  '政务服务',
  '互动交流',
  '走进本县',
  '新闻中心',
  '政策文件',
  '政策解读',
  '通知公告',
  '人事信息',
];
const SUBMENU = [
  '机构职能',
  '领导信息',
  '规划计划',
  '财政信息',
  '重大项目',
  '公共资源',
  '社会救助',
  '教育信息',
  '卫生健康',
  '生态环境',
];

/**
 * What a real government site wraps around every article, to about `bytes` bytes: style sheets and
 * analytics/menu scripts inline in the head, a mega-menu of links, related-article lists and a long
 * footer (real saved pages weigh 50–150 KB, most of it this).
 */
function siteChrome(bytes: number, rnd: () => number): { head: string; menus: string; related: string } {
  const css: string[] = [];
  const js: string[] = [];
  const links: string[] = [];
  const related: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const part = i % 4;
    let s: string;
    if (part === 0) {
      s = `.m${i} .nav-item-${i % 37}>a:hover,.list-${i} li span.date{color:#${Math.floor(rnd() * 0xffffff)
        .toString(16)
        .padStart(6, '0')};margin:${i % 9}px ${i % 13}px;font-size:${12 + (i % 6)}px;line-height:1.${i % 9}}\n`;
      css.push(s);
    } else if (part === 1) {
      s = `function f${i}(e){var t=document.getElementById("m${i}");if(!t)return;for(var n=0;n<t.children.length;n++){t.children[n].className=n==e?"on":"";}window._hmt&&_hmt.push(["_trackEvent","nav","${i}"]);}\n`;
      js.push(s);
    } else if (part === 2) {
      const m = MENU[i % MENU.length]!;
      s = `<li><a href="/col/col${1000 + i}/index.html" target="_blank" title="${m}">${m}</a><ul>${SUBMENU.map((x, j) => `<li><a href="/col/col${2000 + i * 10 + j}/">${x}</a></li>`).join('')}</ul></li>\n`;
      links.push(s);
    } else {
      s = `<li><a href="/art/2024/${1 + (i % 12)}/${1 + (i % 28)}/art_${1000 + i}_${i * 7}.html">关于${TOPICS[i % TOPICS.length]}工作情况的通知（第${i}期）</a><span>2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}</span></li>\n`;
      related.push(s);
    }
    size += Buffer.byteLength(s);
  }
  return {
    head: `<link rel="stylesheet" href="/css/common.css"><style>${css.join('')}</style><script>var _hmt=_hmt||[];${js.join('')}</script><script src="/js/jquery.min.js"></script>`,
    menus: `<ul class="menu">${links.join('')}</ul>`,
    related: `<div class="related"><h3>相关信息</h3><ul>${related.join('')}</ul></div>`,
  };
}

/** A report as a real site saves it: `page`'s article inside about `bytes` bytes of site chrome. */
export function realShapedPage(
  title: string,
  body: string,
  unit: string,
  published: string,
  bytes: number,
  rnd: () => number,
  charset = 'utf-8',
): string {
  const plain = page(title, body, unit, published, charset);
  const chrome = siteChrome(Math.max(0, bytes - Buffer.byteLength(plain)), rnd);
  return plain
    .replace('</head>', `${chrome.head}</head>`)
    .replace('<div class="main">', `${chrome.menus}<div class="main">`)
    .replace('<div class="footer">', `${chrome.related}<div class="footer">`);
}

let gbkTable: Map<string, number[]> | null = null;

/** GBK bytes for a string (TextEncoder only speaks UTF-8): the two-byte table is read off the platform's own GBK decoder. */
export function encodeGbk(s: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let b1 = 0x81; b1 <= 0xfe; b1++)
      for (let b2 = 0x40; b2 <= 0xfe; b2++) {
        if (b2 === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([b1, b2]));
        if (ch.length === 1 && ch !== '\uFFFD' && !gbkTable.has(ch)) gbkTable.set(ch, [b1, b2]);
      }
  }
  const out: number[] = [];
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else out.push(...(gbkTable.get(ch) ?? [0x3f]));
  }
  return new Uint8Array(out);
}

/** The large case of the bench: a 2021-format county report, all three tables, about 20,000 characters. */
export function countyReport2021(seed = 2021): { html: string; text: string; page: string } {
  const unit = '青山县人民政府';
  const year = 2022;
  const r = report(year, unit, 'county', random(seed), {
    extraChars: 20000 - reportSkeleton(format2021, { year, unit }).text.length,
  });
  return { ...r, page: page(`${unit}${year}年政府信息公开工作年度报告`, r.html, unit, `${year + 1}-01-20`) };
}

/** A page of about `bytes` bytes (UTF-8): the county report whose part one runs on and on. */
export function hugePage(bytes = 5 * 1024 * 1024, seed = 5): string {
  const unit = '青山县人民政府';
  const year = 2022;
  const r = report(year, unit, 'county', random(seed), { extraChars: Math.round(bytes / 3) });
  return page(`${unit}${year}年政府信息公开工作年度报告`, r.html, unit, `${year + 1}-01-20`);
}

export interface ManifestEntry {
  file: string;
  year: number;
  unit: string;
  encoding: 'utf-8' | 'gbk';
  /** The one total made wrong on purpose: the report must carry sum-mismatch. */
  wrongTotal: boolean;
  /** The publication date the page or text states. */
  published: string;
  /** Published after every deadline that could apply (the deadline check must say so). */
  late: boolean;
  /** The same unit's report of the year before, in this folder: the two form a year-to-year chain. */
  previous?: string;
  /** 上年结转 made to differ from that report's 结转下年度 (carryover-mismatch must say so). */
  carryBreak: boolean;
}

const YEARS = [2019, 2020, 2021, 2022, 2023, 2024];

/**
 * N reports into `dir`: mostly saved pages (one in five in GBK, every third with the meta tags of
 * 政府网站 and a bare 时间： header line), one in four as plain text, every seventh with a wrong
 * total (but those a chain starts from), every eighth published late. Every fifth is the next year of the report before it (same
 * unit: a year-to-year chain), and every other one of those breaks the carry-over by 3 in one
 * column. Written one at a time; returns the manifest (also in manifest.json).
 * `real`: every report a saved page of 50–150 KB with a real site's chrome (none as plain text).
 */
export async function generateFolder(dir: string, n: number, seed = 1, real = false): Promise<ManifestEntry[]> {
  await mkdir(dir, { recursive: true });
  const rnd = random(seed);
  const manifest: ManifestEntry[] = [];
  let last: (ManifestEntry & { carryover: Record<string, number> }) | null = null;
  for (let i = 0; i < n; i++) {
    const chained = i % 5 === 4 && last !== null;
    const year = chained ? last!.year + 1 : YEARS[i % YEARS.length]!;
    const level: Level = i % 3 === 0 ? 'county' : 'township';
    const unit = chained ? last!.unit : unitName(level, i);
    // Not in a report the next one follows: its wrong total would break the carry-over too.
    const wrongTotal = i % 7 === 3 && i % 5 !== 3;
    const carryBreak = chained && i % 10 === 9;
    const carried = chained ? { ...last!.carryover } : undefined;
    if (carried && carryBreak) carried.natural = (carried.natural ?? 0) + 3;
    if (carried && carryBreak) carried.total = (carried.total ?? 0) + 3;
    const r = report(year, unit, level, rnd, { wrongTotal, carried });
    const asText = !real && i % 4 === 1;
    const gbk = !asText && i % 5 === 2;
    const late = i % 8 === 6;
    const published = late
      ? `${year + 1}-04-${String(10 + (i % 15)).padStart(2, '0')}`
      : `${year + 1}-01-${String(10 + (i % 20)).padStart(2, '0')}`;
    const file = `${String(i).padStart(5, '0')}_${year}.${asText ? 'txt' : 'html'}`;
    const args = [`${unit}${year}年政府信息公开工作年度报告`, r.html, unit, published] as const;
    const charset = gbk ? 'gb2312' : 'utf-8';
    const content = asText
      ? `${r.text}\n发布日期：${published}\n`
      : real
        ? realShapedPage(...args, 50_000 + Math.floor(rnd() * 100_000), rnd, charset)
        : page(...args, charset, i % 3 === 2 ? 'meta' : 'dateline');
    await writeFile(join(dir, file), gbk ? encodeGbk(content) : content);
    const entry: ManifestEntry = {
      file,
      year,
      unit,
      encoding: gbk ? 'gbk' : 'utf-8',
      wrongTotal,
      published,
      late,
      carryBreak,
      ...(chained ? { previous: last!.file } : {}),
    };
    manifest.push(entry);
    last = { ...entry, carryover: r.carryover };
  }
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return manifest;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir, n, seed] = process.argv.slice(2);
  if (!dir || !n || !Number.isInteger(Number(n))) {
    process.stderr.write('用法：npx tsx scripts/gen-reports.ts 目录 份数 [种子]\n');
    process.exit(2);
  }
  void generateFolder(dir, Number(n), seed ? Number(seed) : 1).then((manifest) =>
    process.stdout.write(
      `${manifest.length} 份报告写入 ${dir}（其中 ${manifest.filter((m) => m.wrongTotal).length} 份有一处合计错误）\n`,
    ),
  );
}
