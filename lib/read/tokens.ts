import { compactLabel } from './text';
import { IMAGE } from './doc';

/**
 * A table's text cut into cells. Pasted tables come as one cell per line, tab-separated rows or
 * PDF lines padded with runs of spaces; DOM tables come with '\t' between cells. All become tokens.
 */
export type TokenKind = 'num' | 'blank' | 'text' | 'image';

export interface Token {
  kind: TokenKind;
  raw: string;
  start: number;
  end: number;
  /** The line the token is on: a row's cells stop at the end of the line that completes them. */
  line: number;
}

const NUMBER = /^(?:[+-]|减|增)?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:件|个|条|项|次|万元|元)?$/;
const BLANK = /^(?:-+|\/|\\|无|空|\.+|×|x|X)?$/;
const NUMBERS = /^[+-]?[\d.,]+(?: [+-]?[\d.,]+)+$/;

function classify(raw: string): TokenKind {
  if (raw === IMAGE) return 'image';
  const c = compactLabel(raw);
  if (BLANK.test(c)) return 'blank';
  if (NUMBER.test(c)) return 'num';
  return 'text';
}

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

export function tokenize(text: string, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  let line = 0;
  const add = (start: number, end: number) => {
    const raw = text.slice(start, end);
    const kind = classify(raw);
    if (kind === 'text' && NUMBERS.test(raw.trim())) {
      // "0 0 0": numbers one space apart are separate cells
      let s = start;
      for (const part of raw.split(' ')) {
        if (part) tokens.push({ kind: classify(part), raw: part, start: s, end: s + part.length, line });
        s += part.length + 1;
      }
      return;
    }
    tokens.push({ kind, raw, start, end, line });
  };
  let lineStart = from;
  while (lineStart < to) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > to) lineEnd = to;
    let fieldStart = lineStart;
    // One cell per line, as Word exports a table: "\tcell". That leading tab is indentation, not an
    // empty cell; in a tab-separated row ("\t\t4.保护…\t0") a leading empty field is a cell.
    const nextTab = text.indexOf('\t', lineStart + 1);
    if (text.charCodeAt(fieldStart) === 9 && (nextTab < 0 || nextTab >= lineEnd)) fieldStart++;
    const hasTab = text.indexOf('\t', lineStart) >= 0 && text.indexOf('\t', lineStart) < lineEnd;
    while (fieldStart <= lineEnd) {
      let fieldEnd = text.indexOf('\t', fieldStart);
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

export interface CellValue {
  value: number | null;
  status: 'ok' | 'blank' | 'invalid';
}

/** A cell's number for its column: money may have decimals, a change may be negative. */
export function parseCell(raw: string, column: { money?: boolean; signed?: boolean }): CellValue {
  let c = compactLabel(raw).replace(/(?:件|个|条|项|次|万元|元)$/, '');
  if (BLANK.test(c)) return { value: null, status: 'blank' };
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
