import { columnLabel, rowLabel, type Analysis } from '../analysis';
import { compactIndexAt } from '../../read/doc';
import type { ReadTable } from '../../read/tables';
import { within } from '../../format/common';
import type { ClaimsDef, FigureClaimDef, NoneClaimDef } from '../../format/schema';
import { cellKey, cellsByKey, leavesOf } from '../rules';
import { defineCheck, type Draft } from './check';

/**
 * Figures the narrative states, held against the table cells that count them. The claims are format
 * data (lib/format, `claims`); this file only reads the text: one forward pass over the numbers of the
 * compact text, with the sentence, topic, year and scope words found by one global pass each and
 * followed by pointers, and every claim tried on a bounded look-back before its number.
 */

const SENTENCE_END = /[。!?;]/g;
const NUMBER = /(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(万元|元|件次|人次|件|个|条|次|份|起|宗|项)/g;
const YEAR = /((?:19|20)\d{2})年/g;
const PERCENT = /^[,(]?(?:约)?占(?:比)?[^,;。0-9%]{0,12}?(?:为|达|约)?(\d+)(?:\.(\d+))?%/;
const COUNT_UNITS = ['件', '个', '条', '次', '份', '起', '宗'];
/** How far before its number a claim's words may start, and how far after it 占X% may follow. */
const LOOK_BACK = 48;
const LOOK_AHEAD = 24;
const TABLE_NUMERALS = '一二三四五六七八九';
/** How far back the scope words of a 未收到… phrase are looked for. */
const NONE_LOOK_BACK = 96;
/** A line that starts a heading or a numbered paragraph (一、 （二） 3、): it starts a sentence. */
const HEADING = /^[\s\u3000]*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[、．.](?!\d))/;

/**
 * Sentence cuts from the line structure, one pass over the lines: before a heading line, and after it
 * when it holds no sentence end (一、总体情况 is not part of the sentence below it). Other line breaks
 * are not cuts: PDF text breaks lines inside sentences.
 */
function headingCuts(a: Analysis): number[] {
  const { text, compact } = a.doc;
  const cuts: number[] = [];
  for (let at = 0; at < text.length; ) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    if (HEADING.test(text.slice(at, Math.min(end, at + 16)))) {
      cuts.push(compactIndexAt(compact, at));
      if (!/[。！？；!?;]/.test(text.slice(at, end))) cuts.push(compactIndexAt(compact, end));
    }
    at = end + 1;
  }
  return cuts;
}

interface Figure {
  def: FigureClaimDef;
  table: ReadTable;
  /** (words)(gap)(filler)$ over the look-back. */
  before?: RegExp;
  /** (words)$, for the first member of a sum (予以公开 in 予以公开及部分公开). */
  bare?: RegExp;
  /** ^(words) right after the unit. */
  after?: RegExp;
  unless?: RegExp;
}

interface Compiled {
  figures: Figure[];
  /** `figures` a number may answer to, by its unit and whether it has decimals (see `answering`). */
  byUnit: Map<string, Figure[]>;
  none: { def: NoneClaimDef; table: ReadTable; re: RegExp }[];
  topics: RegExp;
  topicOf: Map<string, string>;
  conjunction: RegExp;
  comparison: RegExp;
  approxBefore: RegExp;
  approxAfter: RegExp;
  area: RegExp;
  below: RegExp;
}

type Patterns = Omit<Figure, 'def' | 'table'>;
type Shared = Omit<Compiled, 'figures' | 'byUnit' | 'none'>;

/** Expressions built once per claim and per claims block (the format data never changes), not per check. */
const figurePatterns = new WeakMap<FigureClaimDef, Patterns>();
const nonePatterns = new WeakMap<NoneClaimDef, RegExp>();
const sharedPatterns = new WeakMap<ClaimsDef, Shared>();

function patternsOf(def: FigureClaimDef, claims: ClaimsDef): Patterns {
  let p = figurePatterns.get(def);
  if (!p) {
    p = {
      before: def.before ? new RegExp(`(${def.before})(${within(def.gap ?? 0)})(?:${claims.filler})*$`) : undefined,
      bare: def.before ? new RegExp(`(?:${def.before})$`) : undefined,
      after: def.after ? new RegExp(`^(?:${def.after})`) : undefined,
      unless: def.unless ? new RegExp(def.unless) : undefined,
    };
    figurePatterns.set(def, p);
  }
  return p;
}

function noneOf(def: NoneClaimDef): RegExp {
  let r = nonePatterns.get(def);
  if (!r) nonePatterns.set(def, (r = new RegExp(def.pattern, 'g')));
  return r;
}

function sharedOf(shared: ClaimsDef): Shared {
  let s = sharedPatterns.get(shared);
  if (s) return s;
  const topicOf = new Map<string, string>();
  for (const topic of shared.topics) for (const w of topic.words) topicOf.set(w, topic.id);
  // Longest words first, so 复议后起诉 is one topic and not 复议 then 起诉.
  const words = [...topicOf.keys()].sort((x, y) => y.length - x.length);
  s = {
    topics: new RegExp(words.join('|'), 'g'),
    topicOf,
    conjunction: new RegExp(`(?:${shared.conjunction})$`),
    comparison: new RegExp(shared.comparison),
    approxBefore: new RegExp(`(?:${shared.approxBefore})$`),
    approxAfter: new RegExp(`^(?:${shared.approxAfter})`),
    area: new RegExp(shared.area, 'g'),
    below: new RegExp(shared.below, 'g'),
  };
  sharedPatterns.set(shared, s);
  return s;
}

function compile(a: Analysis): Compiled | null {
  const tables = [...a.tables.values()].filter((t) => t.status === 'ok' && t.format.claims);
  if (!tables.length) return null;
  const figures: Figure[] = [];
  const none: Compiled['none'] = [];
  for (const t of tables) {
    const claims = t.format.claims!;
    for (const def of claims.figures)
      if (def.table === t.id) figures.push({ def, table: t, ...patternsOf(def, claims) });
    for (const def of claims.none) if (def.table === t.id) none.push({ def, table: t, re: noneOf(def) });
  }
  return { figures, byUnit: new Map(), none, ...sharedOf((a.expected?.claims ?? tables[0]!.format.claims)!) };
}

/**
 * The figures, in claim order, that a number with this unit can state: money in 元 or 万元, counts
 * in their units and whole. A report's numbers use a handful of units, so each list is made once
 * instead of every claim being tested against every number.
 */
function answering(k: Compiled, said: Said): Figure[] {
  const key = `${said.unit}|${said.decimals > 0}`;
  let list = k.byUnit.get(key);
  if (!list) {
    list = k.figures.filter(({ def: d }) =>
      d.money
        ? said.unit === '万元' || said.unit === '元'
        : !said.decimals && (d.units ?? COUNT_UNITS).includes(said.unit),
    );
    k.byUnit.set(key, list);
  }
  return list;
}

/** Sentences as [start, end) for positions that only move forward, over sorted cuts. */
class Sentences {
  private i = 0;
  constructor(private readonly cuts: number[]) {}
  at(p: number): [number, number] {
    while (this.i + 1 < this.cuts.length && this.cuts[this.i + 1]! <= p) this.i++;
    return [this.cuts[this.i]!, this.cuts[this.i + 1] ?? p + 1];
  }
}

/** Hits of a global expression, in order, for pointer walks. */
function hits(text: string, r: RegExp): { at: number; end: number; text: string }[] {
  return [...text.matchAll(r)].map((m) => ({ at: m.index, end: m.index + m[0].length, text: m[0] }));
}

/** The last hit that ends at or before `p`, advancing a pointer that only moves forward. */
class Walker {
  private i = 0;
  constructor(private readonly list: { at: number; end: number; text: string }[]) {}
  lastBefore(p: number, from: number) {
    while (this.i < this.list.length && this.list[this.i]!.end <= p) this.i++;
    const h = this.list[this.i - 1];
    return h && h.at >= from ? h : undefined;
  }
}

/** Only a number or a not-applicable mark is a count to hold the text against; blank or invalid cells are reported elsewhere. */
function sumOf(t: ReadTable, rows: readonly string[], columns: readonly string[]): number | null {
  const cells = cellsByKey(t.cells);
  let sum = 0;
  let any = false;
  for (const r of rows)
    for (const leaf of leavesOf(t.def, r))
      for (const c of columns) {
        const cell = cells.get(cellKey(leaf, c));
        const v = cell && (cell.status === 'ok' || cell.status === 'na') ? cell.value : null;
        if (v === null) return null;
        sum += v;
        any = true;
      }
  return any ? sum : null;
}

const roundTo = (n: number, d: number) => Math.round(n * 10 ** d) / 10 ** d;
const truncTo = (n: number, d: number) => Math.trunc(n * 10 ** d + 1e-9) / 10 ** d;
const same = (x: number, y: number) => Math.abs(x - y) < 1e-9;

/** A figure agrees with its cell at the precision written (7730.3万元 for 7730.28; 元 is converted). */
function agrees(def: FigureClaimDef, said: number, decimals: number, unit: string, value: number): boolean {
  if (!def.money) return same(said, value);
  if (unit === '元') return Math.abs(said / 10000 - value) < 0.005 + 1e-9;
  return same(roundTo(value, decimals), said);
}

function cellName(t: ReadTable, rows: readonly string[], columns: readonly string[]): string {
  const rowText = rows.map((r) => `「${rowLabel(t.def, r).replace(/（[^（）]{6,}）$/, '')}」`).join('与');
  const cols = columns.map((c) => columnLabel(t.def, c));
  const group = cols.length > 2 && cols.every((c) => c.split('·')[0] === cols[0]!.split('·')[0]);
  const colText = group ? `「${cols[0]!.split('·')[0]}」各列之和` : cols.map((c) => `「${c}」`).join('与');
  const rowPart = t.def.id === 'review' ? '' : `${rowText}行`;
  return `表${TABLE_NUMERALS[t.def.part - 1] ?? ''}${rowPart}${colText}${t.def.id === 'review' || !group ? '列' : ''}`;
}

/** What a number of the text is, once a claim is found for it. */
interface Said {
  at: number;
  end: number;
  value: number;
  decimals: number;
  unit: string;
}

/** The document and its tables as this check reads them; one instance per run. */
class Reading {
  readonly text: string;
  readonly out: Draft[] = [];
  private readonly regions: (readonly [number, number])[];
  readonly cuts: number[];
  private readonly flagged = new Set<string>();
  private readonly unit: string;
  /** The year, area and lower-level words of the whole text, found once for both passes that test scope. */
  private readonly scopeHits: Record<'years' | 'areas' | 'below', ReturnType<typeof hits>>;

  constructor(
    readonly a: Analysis,
    readonly k: Compiled,
  ) {
    const c = a.doc.compact;
    this.text = c.text;
    this.regions = [...a.tables.values()]
      .filter((t) => t.start !== undefined && t.end !== undefined)
      .map((t) => [compactIndexAt(c, t.start!), compactIndexAt(c, t.end!)] as const);
    // Sentence cuts: after every sentence end, at heading lines, and at both edges of every table.
    this.cuts = [
      0,
      ...hits(this.text, SENTENCE_END).map((h) => h.end),
      ...headingCuts(a),
      ...this.regions.flat(),
      this.text.length,
    ].sort((x, y) => x - y);
    this.unit = (a.meta.unit ?? '').replace(/(?:人民政府|政府|办事处)$/, '');
    this.scopeHits = { years: hits(this.text, YEAR), areas: hits(this.text, k.area), below: hits(this.text, k.below) };
  }

  inTable(i: number): boolean {
    return this.regions.some(([s, e]) => i >= s && i < e);
  }

  value(f: Figure): number | null {
    return sumOf(f.table, f.def.rows, f.def.columns);
  }

  /** A test for words that put a figure in another scope; its pointers only move forward. */
  scope(): (p: number, from: number) => boolean {
    const { a, unit } = this;
    const years = new Walker(this.scopeHits.years);
    const areas = new Walker(this.scopeHits.areas);
    const below = new Walker(this.scopeHits.below);
    return (p, from) => {
      const y = years.lastBefore(p, from);
      if (y && a.year && Number(y.text.slice(0, 4)) !== a.year) return true;
      if (below.lastBefore(p, from)) return true;
      const area = areas.lastBefore(p, from);
      if (!area) return false;
      // 全区 in a district's own report is its own scope; in a department's, or 全市 in a county's, it is not.
      return a.meta.level === 'department' || (!!unit && !unit.endsWith(area.text.slice(1)));
    };
  }

  /** The text between compact offsets s and e as written (、 not '.', full-width kept), without its white space. */
  written(s: number, e: number): string {
    const { text, compact } = this.a.doc;
    let out = '';
    for (let i = s; i < e; i++) out += text[compact.map[i]!];
    return out;
  }

  /** One finding per sentence and cell: the sentence is marked, the message quotes text and table. */
  flag(sentence: [number, number], key: string, d: Omit<Draft, 'start' | 'end'>): void {
    const [s, e] = sentence;
    if (this.flagged.has(`${s}|${key}`)) return;
    this.flagged.add(`${s}|${key}`);
    const map = this.a.doc.compact.map;
    this.out.push({ ...d, start: map[s]!, end: map[e - 1]! + 1 });
  }
}

/** The claim a number answers to: its words end closest to the number, then the longest words win. */
function bestFigure(
  k: Compiled,
  said: Said,
  window: string,
  after: string,
  topic: string | undefined,
  prevClaim: string | undefined,
): { f: Figure; wordsAt: number } | undefined {
  let best: Candidate | undefined;
  for (const f of answering(k, said)) {
    const d = f.def;
    if (d.topics && !(topic && d.topics.includes(topic))) continue;
    if (d.follows && !(prevClaim && d.follows.includes(prevClaim))) continue;
    if (f.unless?.test(window)) continue;
    const w = f.before?.exec(window);
    if (w)
      best = closer(
        { f, wordsAt: w.index, distance: window.length - (w.index + w[1]!.length), length: w[1]!.length },
        best,
      );
    const v = f.after?.exec(after);
    if (v) best = closer({ f, wordsAt: window.length, distance: 0, length: v[0].length }, best);
  }
  return best;
}

type Candidate = { f: Figure; wordsAt: number; distance: number; length: number };

/** Of two claims' words, those ending closer to the number, then the longer; on a tie the one found first. */
const closer = (c: Candidate, best: Candidate | undefined): Candidate =>
  !best || c.distance < best.distance || (c.distance === best.distance && c.length > best.length) ? c : best;

/** The topic of the last topic word in a piece of text. */
function lastTopic(k: Compiled, text: string): string | undefined {
  let last: string | undefined;
  for (const m of text.matchAll(k.topics)) last = m[0];
  return last === undefined ? undefined : k.topicOf.get(last);
}

/** A sum: 予以公开及部分公开N件, 行政复议和行政诉讼N件 (up to four members of one table). */
function sumMembers(k: Compiled, best: Figure, prefix: string, topic: string | undefined) {
  const parts = [best];
  for (let n = 0; n < 3; n++) {
    const j = k.conjunction.exec(prefix);
    if (!j) break;
    const before = prefix.slice(0, j.index);
    // A member is of the topic its own words name (行政复议 in 行政复议和行政诉讼N件), else of the number's.
    const own = lastTopic(k, before) ?? topic;
    let member: { f: Figure; at: number } | undefined;
    for (const f of k.figures) {
      if (f.table !== best.table || f.def.follows || !f.bare || parts.includes(f)) continue;
      if (f.def.topics && !(own && f.def.topics.includes(own))) continue;
      const b = f.bare.exec(before);
      if (b && (!member || b.index < member.at)) member = { f, at: b.index };
    }
    if (!member) break;
    parts.unshift(member.f);
    prefix = before.slice(0, member.at);
  }
  return { parts, prefix };
}

/** Every figure of the prose: one forward pass over the numbers of the compact text. */
function figureFindings(r: Reading): void {
  const { k, text } = r;
  const sentences = new Sentences(r.cuts);
  const topics = new Walker(hits(text, k.topics));
  const otherScope = r.scope();
  let sentence: [number, number] = [-1, -1];
  let prevEnd = 0;
  let prevClaim: string | undefined;
  let stated: { id: string; said: number }[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const at = m.index;
    const end = at + m[0].length;
    if (r.inTable(at) || /[0-9A-Za-z第]/.test(text[at - 1] ?? '')) continue;
    if (at >= sentence[1]) {
      sentence = sentences.at(at);
      prevEnd = sentence[0];
      prevClaim = undefined;
      stated = [];
    }
    const [ss, se] = sentence;
    const from = Math.max(prevEnd, at - LOOK_BACK, ss);
    prevEnd = end;
    const window = text.slice(from, at);
    const after = text.slice(end, Math.min(se, end + LOOK_AHEAD));
    const clause = window.slice(Math.max(window.lastIndexOf(','), window.lastIndexOf(':')) + 1);
    if (k.approxBefore.test(window) || k.approxAfter.test(after)) continue;
    if (k.comparison.test(clause + after.split(/[,;:。]/, 1)[0]!) || otherScope(at, ss)) continue;

    const said: Said = {
      at,
      end,
      value: Number(m[1]!.replace(/,/g, '') + (m[2] ? `.${m[2]}` : '')),
      decimals: m[2]?.length ?? 0,
      unit: m[3]!,
    };
    const topicHit = topics.lastBefore(at, ss);
    const topic = topicHit ? k.topicOf.get(topicHit.text) : undefined;
    const best = bestFigure(k, said, window, after, topic, prevClaim);
    if (!best) continue;
    prevClaim = best.f.def.id;
    const following = best.wordsAt === window.length;
    const { parts, prefix } = following
      ? { parts: [best.f], prefix: window }
      : sumMembers(k, best.f, window.slice(0, best.wordsAt), topic);
    const values = parts.map((p) => r.value(p));
    if (values.some((v) => v === null)) continue;
    if (parts.length === 1) stated.push({ id: best.f.def.id, said: said.value });
    // The words as the text writes them: from the first member's words to the unit, or the words after it.
    const quote = following
      ? r.written(at, end + best.f.after!.exec(after)![0].length)
      : r.written(from + prefix.length, end);
    compare(r, sentence, parts, values as number[], said, quote);
    const pm = parts.length === 1 ? PERCENT.exec(after) : null;
    if (pm) share(r, sentence, best.f, said, quote, pm, stated);
  }
}

/** The figure against the sum of its cells; when it falls short, say how. */
function compare(r: Reading, sentence: [number, number], parts: Figure[], values: number[], said: Said, quote: string) {
  const first = parts[parts.length - 1]!;
  const value = values.reduce((s, v) => s + v, 0);
  if (agrees(first.def, said.value, said.decimals, said.unit, value)) return;
  const t = first.table;
  const rows = [...new Set(parts.flatMap((p) => p.def.rows))];
  const columns = [...new Set(parts.flatMap((p) => p.def.columns))];
  const natural = (p: Figure) =>
    p.def.columns.includes('total') && p.table.id === 'requests' ? sumOf(p.table, p.def.rows, ['natural']) : null;
  r.flag(sentence, `${t.id}|${rows}|${columns}`, {
    table: t.id,
    row: rows[0],
    column: columns[0],
    expected: value,
    actual: said.value,
    message: `正文：${quote}；${cellName(t, rows, columns)}：${value}${first.def.money ? '万元' : ''}。${partialHint(parts, values, said.value, natural)}`,
  });
}

/** 占X%: the share of the whole the sentence states, or else of the whole the table counts. */
function share(
  r: Reading,
  sentence: [number, number],
  f: Figure,
  said: Said,
  quote: string,
  pm: RegExpExecArray,
  stated: { id: string; said: number }[],
) {
  const pct = Number(`${pm[1]}${pm[2] ? `.${pm[2]}` : ''}`);
  const pd = pm[2]?.length ?? 0;
  const candidates: { label: string; value: number }[] = [];
  for (const id of f.def.wholes ?? []) {
    const whole = r.k.figures.find((x) => x.def.id === id && x.table === f.table);
    const s = [...stated].reverse().find((x) => x.id === id);
    if (s) candidates.push({ label: whole?.def.label ?? id, value: s.said });
    const v = whole ? r.value(whole) : null;
    if (whole && v !== null) candidates.push({ label: whole.def.label, value: v });
  }
  const of = (w: number) => (said.value / w) * 100;
  const fits = (w: number) => w > 0 && (same(roundTo(of(w), pd), pct) || same(truncTo(of(w), pd), pct));
  const whole = candidates.find((x) => x.value > 0);
  if (!whole || candidates.some((x) => fits(x.value))) return;
  const expected = roundTo(of(whole.value), pd);
  r.flag(sentence, `${f.table.id}|${f.def.rows}|${f.def.columns}|%`, {
    table: f.table.id,
    row: f.def.rows[0],
    column: f.def.columns[0],
    expected,
    actual: pct,
    message: `正文：${quote}，占${pct.toFixed(pd)}%；按${whole.label}${whole.value}计算应为${expected.toFixed(pd)}%。`,
  });
}

/** 未收到…申请, 未发生…行政复议: the cells must be 0. Matches are taken in text order. */
function noneFindings(r: Reading): void {
  const { k, text } = r;
  const matches = k.none
    .flatMap((n) => [...text.matchAll(n.re)].map((m) => ({ n, at: m.index, end: m.index + m[0].length })))
    .sort((x, y) => x.at - y.at);
  const sentences = new Sentences(r.cuts);
  const otherScope = r.scope();
  for (const { n, at, end } of matches) {
    if (r.inTable(at)) continue;
    const sentence = sentences.at(at);
    const clause = text.slice(Math.max(sentence[0], at - NONE_LOOK_BACK), end);
    if (k.comparison.test(clause.slice(clause.lastIndexOf(',') + 1)) || otherScope(at, sentence[0])) continue;
    const value = sumOf(n.table, n.def.rows, n.def.columns);
    if (value === null || value === 0) continue;
    r.flag(sentence, `${n.table.id}|${n.def.rows}|${n.def.columns}`, {
      table: n.table.id,
      row: n.def.rows[0],
      column: n.def.columns[0],
      expected: value,
      actual: 0,
      message: `正文：${n.def.label}（“${r.written(at, end)}”）；${cellName(n.table, n.def.rows, n.def.columns)}：${value}。`,
    });
  }
}

export default defineCheck({
  code: 'text-table-mismatch',
  severity: 'warning',
  description: '正文中的数字与统计表不一致',
  needsYear: true,
  run: (a) => {
    const k = compile(a);
    if (!k) return [];
    const r = new Reading(a, k);
    figureFindings(r);
    noneFindings(r);
    return r.out.sort((x, y) => x.start! - y.start!);
  },
});

/** Why a figure falls short: it counted only the 自然人 column, or only one member of a sum. */
function partialHint(parts: Figure[], values: number[], said: number, natural: (f: Figure) => number | null): string {
  if (parts.length === 1 && natural(parts[0]!) === said) return '正文的数字只算了自然人。';
  if (parts.length > 1) {
    const i = values.indexOf(said);
    if (i >= 0) return `正文的数字只算了「${parts[i]!.def.label}」。`;
    const nat = parts.map(natural);
    if (nat.every((v) => v !== null) && nat.reduce<number>((s, v) => s + v!, 0) === said)
      return '正文的数字只算了自然人。';
  }
  return '';
}
