import type { TextItem } from 'pdfjs-dist/types/src/display/api';

/**
 * A PDF report → the engine's flat text (lines end with '\n', table cells separated by '\t'), the
 * same text the DOM reader gives for the page the PDF was printed from.
 *
 * pdf.js hands back positioned text runs, often a character each, and the paths drawn on the page.
 * Tables are rebuilt from their ruling lines: a run belongs to the cell whose four rules enclose it,
 * a cell's runs are joined top to bottom, and the cells that start on one horizontal rule are one
 * row, left to right — a rowspan cell in the first row it spans, as in HTML. Text outside any cell
 * is joined into lines by baseline, a wide gap becoming a tab. Running heads and page numbers are
 * dropped; pages follow each other.
 */

export interface PdfText {
  text: string;
  pages: number;
  /** Pages with no text layer at all (a scan). */
  imagePages: number;
}

interface Run {
  text: string;
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  size: number;
}

interface Rule {
  /** Horizontal: y, from a to b along x. Vertical: x, from a to b along y. */
  at: number;
  a: number;
  b: number;
}

type Matrix = [number, number, number, number, number, number];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5],
];

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
/** pdf.js is loaded on the first PDF only: most runs read none. A browser sets its worker on it first. */
let pdfjs: Promise<PdfJs> | undefined;
export const loadPdfJs = () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

const paintOps = (OPS: PdfJs['OPS']) =>
  new Set<number>([
    OPS.stroke,
    OPS.closeStroke,
    OPS.fill,
    OPS.eoFill,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);
// pdf.js's path commands (DrawOPS): moveTo, lineTo, curveTo, quadraticCurveTo, closePath.
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;
/** A rule shorter than this (in points) is a stroke's end, a dot or a glyph, not a cell edge. */
const MIN_RULE = 4;
/** Lines this close (points) are one rule: cell borders are drawn twice, once per neighbouring cell. */
const SAME = 2;

/** The straight horizontal and vertical segments painted on a page, in page space. */
function rules(OPS: PdfJs['OPS'], fnArray: number[], argsArray: unknown[][]): { h: Rule[]; v: Rule[] } {
  const paint = paintOps(OPS);
  const h: Rule[] = [];
  const v: Rule[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i]!;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.constructPath && paint.has(args[0] as number)) {
      const path = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (path) segments(path, ctm, h, v);
    }
  }
  return closeCut(merge(h), merge(v));
}

/**
 * A table cut by a page break has no rule along the cut: where several vertical rules end at one
 * height with no horizontal rule there, the cut is drawn in, so the rows at the break are still cells.
 */
function closeCut(h: Rule[], v: Rule[]): { h: Rule[]; v: Rule[] } {
  const ends = new Map<number, Rule[]>();
  for (const r of v)
    for (const y of [r.a, r.b]) {
      const key = Math.round(y);
      ends.set(key, [...(ends.get(key) ?? []), r]);
    }
  const added: Rule[] = [];
  for (const [y, walls] of ends) {
    if (walls.length < 2) continue;
    const a = Math.min(...walls.map((r) => r.at));
    const b = Math.max(...walls.map((r) => r.at));
    if (!h.some((r) => Math.abs(r.at - y) <= SAME && r.a <= a + SAME && r.b >= b - SAME)) added.push({ at: y, a, b });
  }
  return { h: added.length ? merge([...h, ...added]) : h, v };
}

function segments(path: ArrayLike<number>, ctm: Matrix, h: Rule[], v: Rule[]): void {
  let start: [number, number] = [0, 0];
  let at: [number, number] = [0, 0];
  const add = (p: [number, number], q: [number, number]) => {
    const [x1, y1] = apply(ctm, p[0], p[1]);
    const [x2, y2] = apply(ctm, q[0], q[1]);
    if (Math.abs(y1 - y2) < 0.5 && Math.abs(x1 - x2) >= MIN_RULE)
      h.push({ at: (y1 + y2) / 2, a: Math.min(x1, x2), b: Math.max(x1, x2) });
    else if (Math.abs(x1 - x2) < 0.5 && Math.abs(y1 - y2) >= MIN_RULE)
      v.push({ at: (x1 + x2) / 2, a: Math.min(y1, y2), b: Math.max(y1, y2) });
  };
  for (let i = 0; i < path.length; ) {
    const op = path[i++];
    if (op === MOVE) start = at = [path[i++]!, path[i++]!];
    else if (op === LINE) {
      const next: [number, number] = [path[i++]!, path[i++]!];
      add(at, next);
      at = next;
    } else if (op === CURVE) {
      i += 4;
      at = [path[i++]!, path[i++]!];
    } else if (op === QUAD) {
      i += 2;
      at = [path[i++]!, path[i++]!];
    } else if (op === CLOSE) {
      add(at, start);
      at = start;
    } else break;
  }
}

/** Collinear, overlapping or touching segments become one; a thin filled bar's two long edges too. */
function merge(list: Rule[]): Rule[] {
  list.sort((p, q) => p.at - q.at || p.a - q.a);
  const out: Rule[] = [];
  for (const r of list) {
    let same: Rule | undefined;
    for (let k = out.length - 1; k >= 0 && r.at - out[k]!.at <= SAME; k--)
      if (r.a <= out[k]!.b + SAME && r.b >= out[k]!.a - SAME) {
        same = out[k];
        break;
      }
    if (same) {
      same.a = Math.min(same.a, r.a);
      same.b = Math.max(same.b, r.b);
    } else out.push({ ...r });
  }
  return out;
}

/** The nearest rule on each side of a point that actually passes it: the cell the point is in. */
function cellOf(x: number, y: number, { h, v }: { h: Rule[]; v: Rule[] }) {
  let top = Infinity;
  let bottom = -Infinity;
  let left = -Infinity;
  let right = Infinity;
  for (const r of h) {
    if (x < r.a - SAME || x > r.b + SAME) continue;
    if (r.at > y && r.at < top) top = r.at;
    if (r.at <= y && r.at > bottom) bottom = r.at;
  }
  for (const r of v) {
    if (y < r.a - SAME || y > r.b + SAME) continue;
    if (r.at > x && r.at < right) right = r.at;
    if (r.at <= x && r.at > left) left = r.at;
  }
  if (![top, bottom, left, right].every(Number.isFinite)) return null;
  // A frame around a whole paragraph is no table cell: cells are a few lines high at most.
  return { top, bottom, left, right };
}

const LATIN = /[A-Za-z0-9.,%)]$/;
const LATIN_START = /^[A-Za-z0-9(]/;

/** Runs on one baseline, left to right; a wide gap is a tab, a narrow one between Latin letters a space. */
function joinLine(runs: Run[]): string {
  runs.sort((p, q) => p.x - q.x);
  let out = '';
  let end = -Infinity;
  for (const r of runs) {
    const gap = r.x - end;
    if (out) {
      // Two numbers apart are two cells (a table copied as spaced text); words apart are one space.
      if (gap > r.size * 1.2 || (gap > r.size * 0.2 && /\d$/.test(out) && /^\d/.test(r.text))) out += '\t';
      else if (gap > r.size * 0.2 && LATIN.test(out) && LATIN_START.test(r.text)) out += ' ';
    }
    out += r.text;
    end = r.x + r.width;
  }
  return out;
}

/** Runs grouped by baseline (top to bottom), each line joined. */
function lines(runs: Run[]): { y: number; top: number; text: string }[] {
  const sorted = [...runs].sort((p, q) => q.y - p.y || p.x - q.x);
  const out: { y: number; top: number; runs: Run[] }[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.y - r.y) <= r.size * 0.45) {
      last.runs.push(r);
      last.top = Math.max(last.top, r.y + r.size);
    } else out.push({ y: r.y, top: r.y + r.size, runs: [r] });
  }
  return out.map((l) => ({ y: l.y, top: l.top, text: joinLine(l.runs) }));
}

interface Block {
  /** Where it starts on the page, from the bottom (PDF space): sorted highest first. */
  top: number;
  text: string;
  /** A line of body text (a candidate running head or page number), not a table row. */
  body: boolean;
}

function pageBlocks(runs: Run[], grid: { h: Rule[]; v: Rule[] }): Block[] {
  const key = (top: number, left: number) => `${top}|${left}`;
  const texts = new Map<string, Run[]>();
  const loose: Run[] = [];
  for (const r of runs) {
    const cell =
      grid.h.length && grid.v.length ? cellOf(r.x + Math.min(r.width, r.size) / 2, r.y + r.size / 3, grid) : null;
    if (!cell) {
      loose.push(r);
      continue;
    }
    const k = key(cell.top, cell.left);
    texts.set(k, [...(texts.get(k) ?? []), r]);
  }
  const blocks: Block[] = [];
  // A row is the cells that start under one horizontal rule: between each two vertical rules that
  // cross just below it, where the rule itself runs (a rowspan from above has no rule there).
  // Empty cells are kept, so that every number stays in its column.
  for (const top of new Set(grid.h.map((r) => r.at))) {
    const below = top - SAME * 1.5;
    const walls = grid.v.filter((r) => r.a <= below && r.b >= below).sort((p, q) => p.at - q.at);
    const cells: string[] = [];
    let used = 0;
    for (let i = 0; i + 1 < walls.length; i++) {
      const mid = (walls[i]!.at + walls[i + 1]!.at) / 2;
      if (!grid.h.some((r) => Math.abs(r.at - top) <= SAME && r.a - SAME <= mid && r.b + SAME >= mid)) continue;
      const cellRuns = texts.get(key(top, walls[i]!.at)) ?? [];
      used += cellRuns.length;
      cells.push(
        lines(cellRuns)
          .map((l) => l.text)
          .join(''),
      );
    }
    if (cells.length && (used || cells.length > 1)) blocks.push({ top, body: false, text: cells.join('\t') });
  }
  for (const l of lines(loose)) blocks.push({ top: l.top, text: l.text, body: true });
  return blocks.sort((p, q) => q.top - p.top);
}

const median = (xs: number[]) => (xs.length ? [...xs].sort((p, q) => p - q)[xs.length >> 1]! : 10);

const PAGE_NUMBER = /^[\s\-—–－·]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/／共]\s*\d{1,4}\s*页?)?[\s\-—–－·]*$/;

/**
 * CJK Radicals Supplement code points that PDFs put in place of whole characters with the same glyph
 * (⻘ for 青, ⺠ for 民): NFKC leaves them alone, unlike the Kangxi radicals. Only those that are
 * whole characters in running text are mapped.
 */
const RADICALS = new Map(
  [
    ['⺟', '母'],
    ['⺠', '民'],
    ['⺩', '王'],
    ['⺫', '目'],
    ['⺬', '示'],
    ['⺶', '羊'],
    ['⺴', '网'],
    ['⺻', '聿'],
    ['⺽', '臼'],
    ['⻁', '虎'],
    ['⻄', '西'],
    ['⻅', '见'],
    ['⻆', '角'],
    ['⻉', '贝'],
    ['⻋', '车'],
    ['⻑', '長'],
    ['⻓', '长'],
    ['⻔', '门'],
    ['⻗', '雨'],
    ['⻘', '青'],
    ['⻙', '韦'],
    ['⻚', '页'],
    ['⻛', '风'],
    ['⻜', '飞'],
    ['⻝', '食'],
    ['⻢', '马'],
    ['⻣', '骨'],
    ['⻤', '鬼'],
    ['⻥', '鱼'],
    ['⻦', '鸟'],
    ['⻧', '卤'],
    ['⻨', '麦'],
    ['⻩', '黄'],
    ['⻪', '黾'],
    ['⻬', '齐'],
    ['⻮', '齿'],
    ['⻰', '龙'],
    ['⻳', '龟'],
  ].map(([from, to]) => [from!.codePointAt(0)!, to!]),
);
const RADICAL = /[\u2e80-\u2eff]/g;

/** Kangxi radicals and CJK compatibility ideographs by NFKC, the supplement by the table above; nothing else (full-width punctuation stays). */
const COMPATIBLE = /[\u2f00-\u2fdf\uf900-\ufaff]/g;

export const foldGlyphs = (text: string): string =>
  text.replace(COMPATIBLE, (c) => c.normalize('NFKC')).replace(RADICAL, (c) => RADICALS.get(c.codePointAt(0)!) ?? c);

const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/**
 * One text item as runs, NFKC-folded (Word's and Chromium's PDFs map many CJK glyphs to Kangxi
 * radicals). pdf.js merges text across gaps of up to 0.6 em into one item with a space, so one item
 * can straddle two table cells: it is split at its spaces, each piece placed by its share of the
 * item's width (a CJK glyph is 1 em, another about 0.55 em, the gaps share the rest).
 */
function runsOf(item: TextItem): Run[] {
  const text = foldGlyphs(item.str);
  if (!text.trim()) return [];
  const [a, b, , , x, y] = item.transform as number[];
  const size = Math.hypot(a!, b!) || item.height || 10;
  const pieces = text.split(/ +/);
  if (pieces.length === 1) return [{ text, x: x!, y: y!, width: item.width, size }];
  const glyphs = (s: string) => [...s].reduce((w, c) => w + (WIDE.test(c) ? 1 : 0.55), 0) * size;
  const inked = pieces.reduce((w, p) => w + glyphs(p), 0);
  const gap = Math.max(0, (item.width - inked) / (pieces.length - 1));
  const runs: Run[] = [];
  let at = x!;
  for (const piece of pieces) {
    const width = glyphs(piece);
    if (piece) runs.push({ text: piece, x: at, y: y!, width, size });
    at += width + gap;
  }
  return runs;
}

/** Reads a PDF's text layer; throws with a Chinese message when the file is not a readable PDF. */
export async function readPdf(bytes: Uint8Array): Promise<PdfText> {
  const { getDocument, OPS } = await loadPdfJs();
  const task = getDocument({
    // pdf.js takes ownership of (and detaches) the buffer it is given.
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  let pdf: Awaited<typeof task.promise>;
  try {
    pdf = await task.promise;
  } catch (e) {
    const name = (e as Error).name;
    throw new Error(name === 'PasswordException' ? 'PDF 文件有密码保护，无法读取' : 'PDF 文件已损坏或无法解析');
  }
  try {
    const pages: { blocks: Block[]; size: number }[] = [];
    let imagePages = 0;
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const runs = content.items.flatMap((item) => {
        return 'str' in item ? runsOf(item) : [];
      });
      if (!runs.length) imagePages++;
      const ops = runs.length ? await page.getOperatorList() : null;
      const grid = ops ? rules(OPS, ops.fnArray, ops.argsArray as unknown[][]) : { h: [], v: [] };
      pages.push({ blocks: pageBlocks(runs, grid), size: median(runs.map((r) => r.size)) });
      page.cleanup();
    }
    return { text: joinPages(pages), pages: pdf.numPages, imagePages };
  } finally {
    await task.destroy();
  }
}

/**
 * Pages in order, without page numbers and running heads or feet. A page number is the first or last
 * line of its page, set apart from the text by more than a line's height (a footer sits in the
 * margin; a table's last row "13" does not); a running head or foot is such a line that repeats.
 */
function joinPages(pages: { blocks: Block[]; size: number }[]): string {
  const apart = (b: Block, neighbour: Block | undefined, size: number) =>
    b.body && (!neighbour || Math.abs(neighbour.top - b.top) > size * 2.2);
  const furniture = pages.map((p) => {
    const { blocks } = p;
    const edges = new Set<Block>();
    if (blocks.length > 1) {
      if (apart(blocks[0]!, blocks[1], p.size)) edges.add(blocks[0]!);
      const last = blocks[blocks.length - 1]!;
      if (apart(last, blocks[blocks.length - 2], p.size)) edges.add(last);
    }
    return edges;
  });
  const shape = (b: Block) => b.text.replace(/\d+/g, '#');
  const seen = new Map<string, number>();
  for (const edges of furniture) for (const s of new Set([...edges].map(shape))) seen.set(s, (seen.get(s) ?? 0) + 1);
  const out: string[] = [];
  pages.forEach((p, i) => {
    for (const b of p.blocks) {
      const edge = furniture[i]!.has(b);
      if (edge && (PAGE_NUMBER.test(b.text) || (seen.get(shape(b)) ?? 0) >= Math.max(2, pages.length / 2))) continue;
      out.push(b.text);
    }
  });
  return out.length ? `${out.join('\n')}\n` : '';
}
