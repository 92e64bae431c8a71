import type { Level } from '../format/schema';
import { compactLabel } from './text';
import type { Doc } from './doc';

export interface Meta {
  title: string | null;
  titleStart?: number;
  titleEnd?: number;
  year: number | null;
  unit: string | null;
  level: Level;
  /** A people's government (not one of its departments): its report covers 工作考核、社会评议和责任追究. */
  government: boolean;
  /** Where the text shows it; no offsets when the page shows it outside the text checked. */
  publishedAt: { date: string; start?: number; end?: number } | null;
  /** 统计期限 as written, with the years it names. */
  period: { years: number[]; start: number; end: number } | null;
}

const TITLE_WORDS = /(?:年度报告|年报|工作报告|工作总结|情况报告)$|报告$|总结$/;
const YEAR = /((?:19|20)\d{2})\s*年/;

function clean(s: string): string {
  return s.replace(/[\s\u3000\u00a0]+/g, (m, i: number, all: string) => {
    const a = all[i - 1] ?? '';
    const b = all[i + m.length] ?? '';
    return /[A-Za-z0-9]/.test(a) && /[A-Za-z0-9]/.test(b) ? ' ' : '';
  });
}

const MAX_LINE = 2000;

/**
 * The report's title: the first short line that ends like a report, joined with the line before when
 * the title wraps. Lines are cleaned as they are reached: the title is nearly always among the first.
 */
function findTitle(doc: Doc, given?: string): Pick<Meta, 'title' | 'titleStart' | 'titleEnd'> {
  const text = doc.text;
  let prev: { start: number; end: number; text: string } | undefined;
  let count = 0;
  let at = 0;
  while (at < text.length && count < 40 && at < 20000) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    // A title is short: a line is read only so far, and a [bookmark: …] marker only up to 200
    // characters, so an unterminated one on a long line is not read to the line's end at each [.
    const raw = text.slice(at, Math.min(end, at + MAX_LINE));
    const t = clean(raw.replace(/\[bookmark:[^\]\n]{0,200}\]/g, ''));
    const start = at;
    at = end + 1;
    if (!t) continue;
    count++;
    const line = { start, end, text: t };
    const before = prev;
    prev = line;
    if (line.text.length > 80 || !TITLE_WORDS.test(line.text)) continue;
    if (!/政府信息公开|政务公开|信息公开|年度报告|年报/.test(line.text + (before?.text ?? ''))) continue;
    // A title wraps: 洪泽区人民政府 / 2023年政府信息公开工作年度报告, or …工作年度 / 报告
    const prevOk = !!before && before.text.length <= 40 && !/[。，,；]/.test(before.text);
    const startsWithYear = /^(?:19|20)\d{2}年/.test(line.text);
    const wraps =
      line.text.length <= 6 ||
      (startsWithYear && !YEAR.test(before?.text ?? '')) ||
      (!YEAR.test(line.text) && YEAR.test(before?.text ?? ''));
    if (before && prevOk && wraps) {
      return { title: before.text + line.text, titleStart: before.start, titleEnd: line.end };
    }
    return { title: line.text, titleStart: line.start, titleEnd: line.end };
  }
  // The CMS's own 标题 field, when the body holds no title (most CMSs keep it apart).
  if (given?.trim()) return { title: clean(given) };
  if (doc.pageTitle && /报告|年报/.test(doc.pageTitle)) return { title: clean(doc.pageTitle.split(/[-_|—]/)[0]!) };
  return { title: null };
}

function findYear(doc: Doc, title: string | null, period: Meta['period']): number | null {
  const m = title ? YEAR.exec(title) : null;
  if (m) return Number(m[1]);
  if (period?.years.length) return period.years[0]!;
  const head = doc.compact.text.slice(0, 3000);
  const counts = new Map<number, number>();
  for (const y of head.matchAll(/((?:19|20)\d{2})年/g)) counts.set(Number(y[1]), (counts.get(Number(y[1])) ?? 0) + 1);
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > counts.get(best)!) best = y;
  return best;
}

/** Words that introduce the 统计期限 (compact text). */
const PERIOD_CUE = /统计(?:期限|时限|时段|时间|区间|周期)|数据(?:期限|时限|时段)|所列数据/g;
/** 2024年1月1日至12月31日, 自…起至…止, 1月1日-12月31日: the second year, or both, may be left out. */
const PERIOD =
  /^.{0,12}?(?:((?:19|20)\d{2})年度?)?0?1月0?1日(?:起)?(?:至|到|-+|~|～)(?:((?:19|20)\d{2})年度?)?12月31日/;
const YEAR_BEFORE = /((?:19|20)\d{2})年/g;

/** The 统计期限 however written; a year left out is the one the text states just before it. */
function findPeriod(doc: Doc): Meta['period'] {
  const c = doc.compact;
  for (const cue of c.text.slice(0, 200000).matchAll(PERIOD_CUE)) {
    const m = PERIOD.exec(c.text.slice(cue.index + cue[0].length, cue.index + cue[0].length + 60));
    if (!m) continue;
    let first = m[1] ? Number(m[1]) : null;
    if (first === null) {
      const before = [...c.text.slice(Math.max(0, cue.index - 200), cue.index).matchAll(YEAR_BEFORE)];
      first = before.length ? Number(before[before.length - 1]![1]) : null;
    }
    if (first === null) continue;
    const second = m[2] ? Number(m[2]) : first;
    const end = cue.index + cue[0].length + m[0].length;
    return { years: [first, second], start: c.map[cue.index]!, end: c.map[end - 1]! + 1 };
  }
  return null;
}

const PUBLISHED = /(?:发布时间|发布日期|发布于|发文日期|日期|时间)[:]?((?:19|20)\d{2})[-年/.](\d{1,2})[-月/.](\d{1,2})/;

function findPublished(doc: Doc): Meta['publishedAt'] {
  const c = doc.compact;
  const m = PUBLISHED.exec(c.text.length > 200000 ? c.text.slice(0, 200000) : c.text);
  if (!m) return null;
  return { date: isoDate(m), start: c.map[m.index]!, end: c.map[m.index + m[0].length - 1]! + 1 };
}

const isoDate = (m: RegExpExecArray) => `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;

function findUnit(title: string | null, doc: Doc): string | null {
  if (title) {
    const t = compactLabel(title).replace(/^关于/, '');
    const y = YEAR.exec(t);
    if (y && y.index > 1) return t.slice(0, y.index).replace(/[(（]?$/, '');
    if (y) {
      const rest = t.slice(y.index + y[0].length).replace(/^度/, '');
      const m = /^(.+?)(?:政府信息公开|政务公开|信息公开)/.exec(rest);
      if (m && m[1]!.length >= 2) return m[1]!;
    }
  }
  // The signature above the closing date: 阳头升乡人民政府 / 2021年1月24日
  const tail = doc.text
    .slice(-600)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  for (let i = tail.length - 1; i > 0; i--) {
    if (/^(?:19|20)\d{2}年\d{1,2}月\d{1,2}日$/.test(compactLabel(tail[i]!)) && tail[i - 1]!.length <= 30)
      return compactLabel(tail[i - 1]!);
  }
  return null;
}

const MUNICIPALITIES = /^(?:北京|上海|天津|重庆)市(?:人民政府)?$/;

export function levelOf(unit: string | null): { level: Level; government: boolean } {
  if (!unit) return { level: 'unknown', government: false };
  const u = unit.replace(/(?:人民政府|政府)$/, '');
  const government =
    /(?:人民政府|政府|办事处)$/.test(unit) || /(?:乡|镇|街道|县|区|旗|市|省|自治区|自治州|盟)$/.test(unit);
  if (
    /(?:局|委员会|委|办公室|办|厅|中心|院|署|所|站|队|馆|公司|处|部|会)$/.test(u) &&
    !/(?:街道办事处|街道办)$/.test(u)
  ) {
    return { level: 'department', government: false };
  }
  if (MUNICIPALITIES.test(unit)) return { level: 'province', government };
  if (/(?:乡|镇|街道|街道办事处|苏木|街道办)$/.test(u)) return { level: 'township', government };
  if (/(?:县|区|旗|特区|林区)$/.test(u)) return { level: 'county', government };
  if (/(?:市|州|盟)$/.test(u)) return { level: 'city', government };
  if (/(?:省|自治区)$/.test(u)) return { level: 'province', government };
  return { level: 'unknown', government };
}

/** `title`: the title the page keeps outside the text checked (a CMS's 标题 field). */
export function readMeta(doc: Doc, title?: string): Meta {
  const t = findTitle(doc, title);
  const period = findPeriod(doc);
  const unit = findUnit(t.title, doc);
  return {
    ...t,
    year: findYear(doc, t.title, period),
    unit,
    ...levelOf(unit),
    publishedAt: findPublished(doc),
    period,
  };
}
