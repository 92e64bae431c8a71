import { compactLabel } from './text';
import { IMAGE } from './doc';

/**
 * A table's text cut into cells. Pasted tables come as one cell per line, tab-separated rows,
 * Markdown pipe rows or PDF lines padded with runs of spaces; DOM tables come with '\t' between
 * cells. All become tokens. `odd` is text written where a number belongs (十三, 约5, abc): it stays
 * a cell of its own column, so the numbers after it keep theirs.
 */
export type TokenKind = 'num' | 'blank' | 'odd' | 'text' | 'image';

export interface Token {
  kind: TokenKind;
  raw: string;
  start: number;
  end: number;
  /** The line the token is on: a row's cells stop at the end of the line that completes them. */
  line: number;
}

const NUMBER = /^(?:[+-]|减|增)?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:件|个|条|项|次|万元|元)?$/;
/** Nothing written, or a placeholder for it: blank, to be filled. */
const BLANK = /^(?:空|\.+|…+|×+|x+|X+)?$/;
/** Written as not applicable: not missing, 0 in sums (format data: docs/engine.md). */
const NOT_APPLICABLE = /^(?:-+|\/|\\|无|不适用|不涉及)$/;
/** Chinese numerals (十三, 一百零五): read as their value, with a note to write digits. */
const CHINESE = /^[零〇一二两三四五六七八九十百千万]+$/;
/** Text a clerk writes in a number's place: 约5, 5件左右, abc, 不详. */
const ODD = /^(?:[^\d.]{0,2}\d[^.、]{0,4}|[A-Za-z?？]{1,6}|不详|未知|暂无|待定|待填|略|若干)$/;

/** A cell's own text: white space, Markdown emphasis and units of count dropped. */
const cellText = (raw: string) => compactLabel(raw).replace(/\*\*|__|`/g, '');

/** Cells repeat (0, 1, 空, the same labels in every format read): their kind is kept. */
const kinds = new Map<string, TokenKind>();

function classify(raw: string): TokenKind {
  let kind = kinds.get(raw);
  if (kind === undefined) {
    kind = kindOf(raw);
    if (raw.length <= 32 && kinds.size < 20000) kinds.set(raw, kind);
  }
  return kind;
}

function kindOf(raw: string): TokenKind {
  if (raw === IMAGE) return 'image';
  const c = cellText(raw);
  if (BLANK.test(c) || NOT_APPLICABLE.test(c)) return 'blank';
  if (NUMBER.test(c)) return 'num';
  if (c.length <= 6 && (CHINESE.test(c) || ODD.test(c))) return 'odd';
  return 'text';
}

/** A Markdown table's rule line: |---|:---:|, with or without outer pipes. */
const RULE_LINE = /^\s*[|｜]?\s*:?-{3,}:?\s*(?:[|｜]\s*:?-{3,}:?\s*)*[|｜]?\s*$/;

function isPad(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 0x3000 || c === 0x2002 || c === 0x2003 || c === 13;
}

/** Splits a field on runs of two or more spaces (or an ideographic space): PDF columns. */
function pieces(text: string, from: number, to: number, push: (start: number, end: number) => void) {
  let start = -1;
  let end = -1;
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isPad(c)) {
      let j = i;
      let wide = false;
      while (j < to && isPad(text.charCodeAt(j))) {
        if (text.charCodeAt(j) === 0x3000) wide = true;
        j++;
      }
      if (start >= 0 && (j - i >= 2 || wide)) {
        push(start, end);
        start = -1;
      }
      i = j;
      continue;
    }
    if (c === 0xfffc) {
      if (start >= 0) push(start, end);
      push(i, i + 1);
      start = -1;
      i++;
      continue;
    }
    if (start < 0) start = i;
    end = ++i;
  }
  if (start >= 0) push(start, end);
}

/** The runs of a string between single spaces, with their offsets: what matchAll(/[^ ]+/g) gives, without a regular expression per cell. */
function spaced(raw: string): { word: string; at: number }[] {
  const words: { word: string; at: number }[] = [];
  let i = 0;
  while (i < raw.length) {
    if (raw.charCodeAt(i) === 32) {
      i++;
      continue;
    }
    const at = i;
    while (i < raw.length && raw.charCodeAt(i) !== 32) i++;
    words.push({ word: raw.slice(at, i), at });
  }
  return words;
}

/** A space between two other characters: what raw.trim().includes(' ') says, without two new strings per cell. */
function innerSpace(raw: string): boolean {
  if (raw.indexOf(' ') < 0) return false;
  let a = 0;
  while (a < raw.length && trimmed(raw.charCodeAt(a))) a++;
  let b = raw.length;
  while (b > a && trimmed(raw.charCodeAt(b - 1))) b--;
  const i = raw.indexOf(' ', a);
  return i >= 0 && i < b;
}

/** What String.prototype.trim removes: ECMAScript's white space and line terminators. */
function trimmed(c: number): boolean {
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

export function tokenize(text: string, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  let line = 0;
  const add = (start: number, end: number) => {
    const raw = text.slice(start, end);
    if (innerSpace(raw)) {
      // "0 0 0", "规章 5 3 2": numbers one space apart after a label are separate cells (PDF copy)
      const words = spaced(raw);
      let first = words.length;
      while (first > 0 && classify(words[first - 1]!.word) !== 'text') first--;
      if (first < words.length && (first > 0 || words.length > 1)) {
        if (first > 0) {
          const labelEnd = start + words[first - 1]!.at + words[first - 1]!.word.length;
          tokens.push({ kind: 'text', raw: text.slice(start, labelEnd), start, end: labelEnd, line });
        }
        for (const { word, at } of words.slice(first)) {
          const s = start + at;
          tokens.push({ kind: classify(word), raw: word, start: s, end: s + word.length, line });
        }
        return;
      }
    }
    tokens.push({ kind: classify(raw), raw, start, end, line });
  };
  // The next tab at or after a position; positions only move forward, so each tab is searched for
  // once (an unbounded indexOf per line made tab-less text quadratic).
  let tab = -2;
  const tabFrom = (p: number) => {
    if (tab !== -1 && tab < p) tab = text.indexOf('\t', p);
    return tab;
  };
  let lineStart = from;
  while (lineStart < to) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > to) lineEnd = to;
    if (RULE_LINE.test(text.slice(lineStart, lineEnd))) {
      // The |---| line under a Markdown header: no cells.
      lineStart = lineEnd + 1;
      line++;
      continue;
    }
    const pipes = markdownRow(text, lineStart, lineEnd);
    if (pipes) {
      for (let f = 0; f + 1 < pipes.length; f++) {
        const before = tokens.length;
        pieces(text, pipes[f]! + 1, pipes[f + 1]!, add);
        if (tokens.length === before)
          tokens.push({ kind: 'blank', raw: '', start: pipes[f]! + 1, end: pipes[f]! + 1, line });
      }
      lineStart = lineEnd + 1;
      line++;
      continue;
    }
    let fieldStart = lineStart;
    // One cell per line, as Word exports a table: "\tcell". That leading tab is indentation, not an
    // empty cell; in a tab-separated row ("\t\t4.保护…\t0") a leading empty field is a cell.
    const firstTab = tabFrom(lineStart);
    const hasTab = firstTab >= 0 && firstTab < lineEnd;
    if (firstTab === lineStart && !text.slice(lineStart + 1, lineEnd).includes('\t')) fieldStart++;
    while (fieldStart <= lineEnd) {
      let fieldEnd = tabFrom(fieldStart);
      if (fieldEnd < 0 || fieldEnd > lineEnd) fieldEnd = lineEnd;
      const before = tokens.length;
      pieces(text, fieldStart, fieldEnd, add);
      // An empty field between tabs is a blank cell; an empty line is nothing.
      if (tokens.length === before && (hasTab || fieldStart > lineStart))
        tokens.push({ kind: 'blank', raw: '', start: fieldStart, end: fieldStart, line });
      if (fieldEnd === lineEnd) break;
      fieldStart = fieldEnd + 1;
      if (fieldStart > lineEnd) break;
    }
    lineStart = lineEnd + 1;
    line++;
  }
  return tokens;
}

/**
 * The separators of a Markdown pipe row (| a | b |, or a | b without outer pipes), as offsets with
 * a virtual one before the line and after it where the outer pipe is left out; null for other lines.
 */
function markdownRow(text: string, from: number, to: number): number[] | null {
  const at: number[] = [];
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7c || c === 0xff5c) at.push(i); // | ｜
  }
  if (at.length === 0) return null;
  let first = from;
  while (first < to && isPad(text.charCodeAt(first))) first++;
  let last = to;
  while (last > first && (isPad(text.charCodeAt(last - 1)) || text.charCodeAt(last - 1) === 9)) last--;
  const outer = at[0] === first && at[at.length - 1] === last - 1;
  if (!outer && at.length < 2) return null;
  return [...(at[0] === first ? [] : [from - 1]), ...at, ...(at[at.length - 1] === last - 1 ? [] : [to])];
}

export interface CellValue {
  value: number | null;
  status: 'ok' | 'blank' | 'na' | 'invalid';
}

const CN_DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

/** 十三 → 13, 一百零五 → 105, 三〇 → 30 (digit by digit when no unit is written). */
export function chineseNumber(s: string): number | null {
  if (!CHINESE.test(s)) return null;
  if (![...s].some((ch) => ch in CN_UNIT)) return Number([...s].map((ch) => CN_DIGIT[ch]).join(''));
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in CN_DIGIT) digit = CN_DIGIT[ch]!;
    else if (ch === '万') {
      total += (section + digit) * 10000;
      section = 0;
      digit = 0;
    } else {
      section += (digit || 1) * CN_UNIT[ch]!;
      digit = 0;
    }
  }
  return total + section + digit;
}

/**
 * A cell's number for its column: money may have decimals, a change may be negative. Blank (to be
 * filled) and not applicable (—, /, 无: 0) are told apart; a Chinese numeral keeps its value but is
 * invalid (digits are asked for).
 */
export function parseCell(raw: string, column: { money?: boolean; signed?: boolean }): CellValue {
  let c = cellText(raw).replace(/(?:件|个|条|项|次|万元|元)$/, '');
  if (BLANK.test(c)) return { value: null, status: 'blank' };
  if (NOT_APPLICABLE.test(c)) return { value: 0, status: 'na' };
  const chinese = chineseNumber(c);
  if (chinese !== null) return { value: chinese, status: 'invalid' };
  let sign = 1;
  if (c[0] === '减' || c[0] === '-') {
    sign = -1;
    c = c.slice(1);
  } else if (c[0] === '增' || c[0] === '+') c = c.slice(1);
  if (!/^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/.test(c)) return { value: null, status: 'invalid' };
  const value = sign * Number(c.replace(/,/g, ''));
  if (!Number.isFinite(value)) return { value: null, status: 'invalid' };
  if (!column.money && !Number.isInteger(value)) return { value, status: 'invalid' };
  if (!column.signed && value < 0) return { value, status: 'invalid' };
  return { value, status: 'ok' };
}
