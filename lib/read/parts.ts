import type { FormatDef, PartDef } from '../format/schema';
import { chineseNumeral, compactLabel } from './text';
import type { Doc } from './doc';

/** A top-level numbered line (一、… 十、) that may be a part heading. */
export interface Heading {
  number: number;
  /** The heading as written (trimmed). */
  text: string;
  /** Its words after the ordinal, compact. */
  words: string;
  start: number;
  end: number;
}

export interface PartMatch {
  part: number;
  status: 'ok' | 'retitled' | 'missing';
  heading?: Heading;
  title: string;
  /** The part's text: from its heading to the next part heading. */
  start?: number;
  end?: number;
}

/** 一、 一. 一： 第一部分 (with or without a separator); 一 followed by a space is checked on the raw line. */
const ORDINAL = /^(第)?([一二三四五六七八九十]{1,2})(部分)?([.,:])?/;
const FIRST = /[一二三四五六七八九十第]/;
/** Markdown and emphasis around a heading pasted from an AI assistant: ## 一、…, **一、…**. */
const MARKUP = /[#*>_]/;
const MAX_WORDS = 40;

/**
 * Numbered top-level lines, except table rows (一、本年新收… carries a tab or a table row's key).
 * `exclude` holds compact keys of table rows that start with an ordinal.
 */
export function findHeadings(doc: Doc, exclude: readonly string[]): Heading[] {
  const { text } = doc;
  const headings: Heading[] = [];
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let i = lineStart;
    while (i < lineEnd && (text.charCodeAt(i) <= 32 || text.charCodeAt(i) === 0xa0 || text.charCodeAt(i) === 0x3000))
      i++;
    // Word's extraction leaves markers such as [bookmark: _GoBack] before a heading. The ] is looked
    // for within the marker's 60 characters only: lines of [ without one stay linear.
    while (text[i] === '[') {
      const close = text.slice(i, Math.min(lineEnd, i + 60)).indexOf(']');
      if (close < 0) break;
      i += close + 1;
    }
    while (i < lineEnd && (MARKUP.test(text[i]!) || text.charCodeAt(i) === 32 || text.charCodeAt(i) === 0x3000)) i++;
    if (i < lineEnd && FIRST.test(text[i]!)) {
      const heading = readHeading(text, i, lineEnd, exclude);
      if (heading) headings.push(heading);
    }
    lineStart = lineEnd + 1;
  }
  return headings;
}

function readHeading(text: string, start: number, lineEnd: number, exclude: readonly string[]): Heading | null {
  const line = text.slice(start, Math.min(lineEnd, start + 400));
  const c = compactLabel(line);
  const m = ORDINAL.exec(c);
  if (!m) return null;
  const spaced = /^第?[一二三四五六七八九十]{1,2}(?:部分)?[\s\u3000]/.test(line);
  if (!m[4] && !(m[1] && m[3]) && !spaced) return null;
  const number = chineseNumeral(m[2]!);
  if (!number) return null;
  let words = c.slice(m[0].length).replace(/[*_]+/g, '');
  if (words.length > MAX_WORDS) {
    // "一、总体情况。2020年……" — a heading run into its paragraph
    const cut = words.search(/[。:;]/);
    if (cut < 2 || cut > MAX_WORDS) return null;
    words = words.slice(0, cut);
  }
  if (words.length < 2 || /\t\s*\d/.test(line)) return null;
  if (exclude.some((k) => words.includes(k))) return null;
  words = words.replace(/[。:;.]+$/, '');
  let end = start + line.length;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { number, text: text.slice(start, end).trim(), words, start, end };
}

const compactOf = (s: string) => compactLabel(s);

function matchesPart(words: string, part: PartDef): 'title' | 'variant' | 'contains' | 'keyword' | null {
  const title = compactOf(part.title);
  if (words === title) return 'title';
  if (part.variants.some((v) => compactOf(v) === words)) return 'variant';
  if (words.includes(title) || part.variants.some((v) => v.length >= 4 && words.includes(compactOf(v))))
    return 'contains';
  if (part.keywords.some((k) => words.includes(compactOf(k)))) return 'keyword';
  return null;
}

/**
 * Assigns headings to the format's parts by words and number together: a heading whose words are
 * a part's title or variant is that part; otherwise its number decides, provided its words speak
 * of some part at all (seed 003 numbers 四 a heading worded like the old part 3).
 */
export function matchParts(headings: readonly Heading[], format: FormatDef): PartMatch[] {
  const taken = new Map<number, Heading>();
  const count = format.parts.length;
  for (const h of headings) {
    let assigned: number | undefined;
    for (const kind of ['title', 'variant', 'contains'] as const) {
      const p = format.parts.find((part) => matchesPart(h.words, part) === kind && !taken.has(part.number));
      if (p) {
        assigned = p.number;
        break;
      }
    }
    if (assigned === undefined && h.number <= count && !taken.has(h.number)) {
      const speaks = format.parts.some((part) => matchesPart(h.words, part) !== null);
      if (speaks) assigned = h.number;
    }
    if (assigned === undefined || taken.has(assigned)) continue;
    taken.set(assigned, h);
  }
  const byStart = [...taken.entries()].sort((a, b) => a[1].start - b[1].start);
  return format.parts.map((part): PartMatch => {
    const heading = taken.get(part.number);
    if (!heading) return { part: part.number, status: 'missing', title: part.title };
    const i = byStart.findIndex(([n]) => n === part.number);
    const next = byStart[i + 1];
    return {
      part: part.number,
      status: heading.words === compactOf(part.title) ? 'ok' : 'retitled',
      heading,
      title: part.title,
      start: heading.start,
      end: next ? next[1].start : undefined,
    };
  });
}
