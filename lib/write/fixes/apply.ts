import { checkDoc, type CheckOptions, type Checked } from '../../check/engine';
import { readDom, type DomDoc } from '../../read/dom';
import { parsePage, type SourceSpan } from '../../read/light-dom';
import { escapeHtml } from '../snippets/table';
import { fixesFor } from './index';
import { planEdits, type Edit } from './plan';
import type { Fix } from './types';

/**
 * Fixes are written into the editor's own HTML, not into the page's DOM: the HTML is read with the
 * light parser, which remembers where each text run and each element's tags lie in the source, so
 * an edit replaces those characters and no others — the rest of the draft stays byte for byte.
 */
type Located = Node & { src?: SourceSpan };

export interface SourceDraft {
  source: string;
  root: Node;
  dom: DomDoc;
  checked: Checked;
}

/** Reads and checks an editor's HTML the way fixes need it (with the same options as the page's check). */
export function readSource(source: string, options: CheckOptions = {}): SourceDraft {
  const root = parsePage(source).documentElement;
  const dom = readDom(root);
  return { source, root, dom, checked: checkDoc(dom.doc, options) };
}

type Splice = [start: number, end: number, text: string];

/** A text node's offset in the source: a plain run maps one to one; an entity (&nbsp;) only at its edges. */
function sourceOffset(source: string, node: Text, offset: number): number | null {
  const src = (node as Located).src;
  if (!src) return null;
  if (source.slice(src.start, src.end) === node.data) return src.start + offset;
  return offset === 0 ? src.start : offset >= node.data.length ? src.end : null;
}

/** Text nodes from `a` to `b` in document order. */
function textNodesBetween(root: Node, a: Text, b: Text): Text[] {
  const out: Text[] = [];
  let n: Node | null = a;
  while (n) {
    if (n.nodeType === 3) out.push(n as Text);
    if (n === b) return out;
    if (n.firstChild) n = n.firstChild;
    else {
      while (n && n !== root && !n.nextSibling) n = n.parentNode;
      n = n && n !== root ? n.nextSibling : null;
    }
  }
  return [];
}

const ancestor = (node: Node, test: (el: Element) => boolean): Element | null => {
  for (let n: Node | null = node.parentNode; n && n.nodeType === 1; n = n.parentNode)
    if (test(n as Element)) return n as Element;
  return null;
};

const BLOCKS = /^(P|H[1-6]|DIV|LI|SECTION|ARTICLE|CENTER|BLOCKQUOTE|PRE|TABLE)$/;

function textSplices(d: SourceDraft, e: Extract<Edit, { kind: 'text' }>): Splice[] | null {
  if (e.start === e.end) {
    // Only an empty cell is written at a point: it has no text node, so write just inside its start tag.
    const cell = d.dom.cellAt(e.start) as Located | null;
    return cell?.src ? [[cell.src.openEnd, cell.src.openEnd, escapeHtml(e.text)]] : null;
  }
  const a = d.dom.point(e.start, false);
  const b = d.dom.point(e.end, true);
  if (!a || !b) return null;
  const nodes = textNodesBetween(d.root, a[0], b[0]);
  if (!nodes.length) return null;
  const out: Splice[] = [];
  nodes.forEach((n, i) => {
    const from = i === 0 ? a[1] : 0;
    const to = n === b[0] ? b[1] : n.data.length;
    const s = sourceOffset(d.source, n, from);
    const t = sourceOffset(d.source, n, to);
    if (s === null || t === null) throw new Unmappable();
    // The new text goes where the old began; the rest of the old text is removed, its tags kept.
    if (s < t || i === 0) out.push([s, t, i === 0 ? escapeHtml(e.text) : '']);
  });
  return out;
}

class Unmappable extends Error {}

function splicesOf(d: SourceDraft, e: Edit): Splice[] | null {
  try {
    if (e.kind === 'text') return textSplices(d, e);
    if (e.kind === 'table') {
      const p = d.dom.point(e.at, false);
      const table = p && (ancestor(p[0], (el) => el.tagName === 'TABLE') as Located | null);
      return table?.src ? [[table.src.start, table.src.end, e.html]] : null;
    }
    if (e.before === null) return [[d.source.length, d.source.length, e.html]];
    const p = d.dom.point(e.before, false);
    const block = p && (ancestor(p[0], (el) => BLOCKS.test(el.tagName)) as Located | null);
    return block?.src ? [[block.src.start, block.src.start, e.html]] : null;
  } catch (err) {
    if (err instanceof Unmappable) return null;
    throw err;
  }
}

/** The source with the edits made; an edit that cannot be placed, or that overlaps one placed before, is left out. */
export function applyEdits(d: SourceDraft, edits: readonly Edit[]): { source: string; applied: number } {
  const placed: Splice[][] = [];
  const taken: [number, number][] = [];
  for (const e of edits) {
    const s = splicesOf(d, e);
    if (!s) continue;
    const clash = s.some(([a, b]) => taken.some(([x, y]) => a < y && x < b));
    if (clash) continue;
    placed.push(s);
    for (const [a, b] of s) taken.push([a, b]);
  }
  let out = d.source;
  for (const [a, b, text] of placed.flat().sort((x, y) => y[0] - x[0] || y[1] - x[1]))
    out = out.slice(0, a) + text + out.slice(b);
  return { source: out, applied: placed.length };
}

/**
 * The editor's HTML with the chosen fixes made (`keys` from fixesFor on the page's reading, or
 * 'all'), and the fixes that were. The draft is checked again here, on this very HTML, so every
 * offset is this HTML's own.
 */
export function fixSource(
  source: string,
  keys: readonly string[] | 'all',
  options: CheckOptions = {},
): { source: string; fixes: Fix[] } {
  const d = readSource(source, options);
  const fixes = fixesFor(d.checked).filter((f) => keys === 'all' || keys.includes(f.key));
  if (!fixes.length) return { source, fixes };
  return { source: applyEdits(d, planEdits(d.checked, fixes)).source, fixes };
}
