/**
 * Tolerant matching: real drafts mix full- and half-width forms, break labels across lines and pad
 * them with spaces. Everything is matched on a "compact" string: white space dropped, full-width
 * ASCII folded to half-width, 、 folded to '.'. `map[i]` is the offset in the original of compact[i].
 */

export interface Compact {
  text: string;
  map: Int32Array;
}

function isSpace(c: number): boolean {
  return c <= 32 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b) || c === 0xfeff || c === 0x202f;
}

/** Folds one UTF-16 code unit; -1 drops it. */
function fold(c: number): number {
  if (isSpace(c)) return -1;
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0;
  if (c === 0x3001) return 0x2e; // 、
  if (c === 0x3014 || c === 0xfe5d || c === 0x3010) return 0x28; // 〔 ﹝ 【
  if (c === 0x3015 || c === 0xfe5e || c === 0x3011) return 0x29;
  if (c === 0x2014 || c === 0x2013 || c === 0x2212 || c === 0x2015) return 0x2d; // dashes, minus
  return c;
}

/**
 * A finished builder's buffers, kept for the next one: a page is read again on every edit, and
 * allocating typed arrays (zeroed, counted as outside memory) took a tenth of a seed's check.
 * Only the map escapes, copied at its exact length.
 */
let spare: [Uint16Array, Int32Array] | null = null;
const SPARE_MAX = 1 << 16;

/**
 * Builds a compact string while its source is being written, so a reader that emits the flat text
 * piece by piece (the DOM walk) folds each piece as it goes instead of passing over the text again.
 */
export class CompactBuilder {
  private codes: Uint16Array;
  private map: Int32Array;
  private n = 0;

  constructor(capacity = 1024) {
    const s = spare;
    spare = null;
    if (s && s[0].length >= capacity) [this.codes, this.map] = s;
    else {
      this.codes = new Uint16Array(Math.max(capacity, s?.[0].length ?? 0));
      this.map = new Int32Array(this.codes.length + 1);
    }
  }

  /** Folds `piece`, whose first character sits at `offset` in the flat text. */
  add(piece: string, offset: number, from = 0, to = piece.length): void {
    if (this.n + (to - from) > this.codes.length) this.grow(this.n + (to - from));
    const { codes, map } = this;
    let n = this.n;
    for (let i = from; i < to; i++) {
      const c = fold(piece.charCodeAt(i));
      if (c < 0) continue;
      codes[n] = c;
      map[n++] = offset + i - from;
    }
    this.n = n;
  }

  private grow(need: number): void {
    const size = Math.max(need, this.codes.length * 2);
    const codes = new Uint16Array(size);
    codes.set(this.codes.subarray(0, this.n));
    const map = new Int32Array(size + 1);
    map.set(this.map.subarray(0, this.n));
    this.codes = codes;
    this.map = map;
  }

  /** The compact form; `end` is the flat text's length (where the last map entry points). */
  finish(end: number): Compact {
    if (this.n + 1 > this.map.length) this.grow(this.n + 1);
    this.map[this.n] = end;
    const out = { text: decode(this.codes.subarray(0, this.n)), map: this.map.slice(0, this.n + 1) };
    if (this.codes.length <= SPARE_MAX) spare = [this.codes, this.map];
    return out;
  }
}

export function compact(source: string, from = 0, to = source.length): Compact {
  const builder = new CompactBuilder(to - from);
  builder.add(source, from, from, to);
  return builder.finish(to);
}

/** UTF-16 code units to a string natively (fromCharCode.apply over chunks took a twentieth of a check). */
let utf16: TextDecoder | undefined;
/** Made on first use: the content script imports this file for its labels and never decodes. */
const decode = (codes: Uint16Array): string => (utf16 ??= new TextDecoder('utf-16le')).decode(codes);

const labels = new Map<string, string>();

/** Labels up to this length are cached; a longer string (a paragraph's line) rarely comes again. */
const LABEL_CACHED = 64;

/** The compact form of a short string (format keys, headings, cells); labels repeat, so they are cached. */
export function compactLabel(label: string): string {
  // Hashing a long line for a cache it never enters cost more than folding it.
  const cacheable = label.length <= LABEL_CACHED;
  if (cacheable) {
    const cached = labels.get(label);
    if (cached !== undefined) return cached;
  }
  // Runs of characters that fold to themselves are copied whole, not one concatenation each.
  let out = '';
  let run = 0;
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i);
    const f = fold(c);
    if (f === c) continue;
    out += label.slice(run, i);
    if (f >= 0) out += String.fromCharCode(f);
    run = i + 1;
  }
  out = run === 0 ? label : out + label.slice(run);
  if (cacheable && labels.size < 20000) labels.set(label, out);
  return out;
}

/** Drops a leading ordinal: 一、 （一） 1. 1、 */
export function stripOrdinal(label: string): string {
  return label.replace(/^(?:[一二三四五六七八九十]+[.、]|[（(][一二三四五六七八九十]+[）)]|\d+[.、．])/, '');
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 一 → 1, 十一 → 11 (only what headings use). */
export function chineseNumeral(s: string): number | undefined {
  if (s.length === 1) return CN_DIGITS[s];
  if (s.length === 2 && s[0] === '十') return 10 + (CN_DIGITS[s[1]!] ?? NaN);
  return undefined;
}
