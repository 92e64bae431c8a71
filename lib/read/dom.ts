import { IMAGE, type Doc } from './doc';
import { firstIndex } from './search';
import { CompactBuilder } from './text';

/** What the reader skips: code, forms' own widgets, frames the page embeds. */
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'SVG',
  'svg',
  'HEAD',
  'SELECT',
  'TEXTAREA',
  'BUTTON',
  'CANVAS',
  'VIDEO',
  'AUDIO',
]);
const BLOCK = new Set([
  'P',
  'DIV',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'UL',
  'OL',
  'TABLE',
  'TBODY',
  'THEAD',
  'TFOOT',
  'SECTION',
  'ARTICLE',
  'BLOCKQUOTE',
  'PRE',
  'HEADER',
  'FOOTER',
  'NAV',
  'ASIDE',
  'DL',
  'DT',
  'DD',
  'FORM',
  'FIGURE',
  'FIGCAPTION',
  'CENTER',
  'ADDRESS',
  'HR',
  'MAIN',
  'CAPTION',
  'BODY',
  'HTML',
  'FIELDSET',
  'LEGEND',
]);

export interface DomDoc {
  doc: Doc;
  /** A Range over the page for flat offsets [start, end), or null when they fall outside any text. */
  locate(start: number, end: number): Range | null;
  /** The text node and offset of a flat offset (an offset on a separator: the next node, or the previous one for an end). */
  point(flat: number, end: boolean): [Text, number] | null;
  /** The table cell whose text starts at or before a flat offset (an empty cell has no text node to point at). */
  cellAt(flat: number): Element | null;
}

function hidden(el: Element): boolean {
  // Most elements carry no attribute at all: one call answers, where a page's DOM makes every call cost.
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return !!style && /display\s*:\s*none/i.test(style);
}

/** Runs of white space holding a line break: the page source's own layout and indentation. */
const LAYOUT_SPACE = /[\t\n\r ]*[\n\r][\t\n\r ]*/g;
const spaces = (ws: string) => ' '.repeat(ws.length);

/**
 * A text node's data as flat text of the same length: line breaks and the indentation of the
 * page's source become spaces; a tab between words stays a tab, so a row pasted as tab-separated
 * text reads as cells, as it does from a .txt file. Inside a table cell every tab is a space.
 */
function flatten(data: string, inCell: boolean): string {
  if (!/[\t\n\r]/.test(data)) return data;
  return inCell ? data.replace(/[\t\n\r]/g, ' ') : data.replace(LAYOUT_SPACE, spaces);
}

/**
 * Walks the DOM once, iteratively (malformed pages nest deeply), building the flat text, its
 * compact form and the map from offsets back to text nodes together. A cell that holds a whole
 * table is a layout cell, not a cell.
 */
export function readDom(root: Node): DomDoc {
  const out: string[] = [];
  let length = 0;
  let last = '\n';
  const nodes: Text[] = [];
  const starts: number[] = [];
  let cellDepth = 0;
  const cellIndex: number[] = [];
  const cells = new Set<Node>();
  const folded = new CompactBuilder();
  const cellStarts: number[] = [];
  const cellEls: Element[] = [];

  const emit = (s: string) => {
    out.push(s);
    length += s.length;
    last = s[s.length - 1]!;
  };
  const breakLine = () => {
    if (cellDepth > 0) {
      if (last !== ' ' && last !== '\t') emit(' ');
    } else if (last !== '\n') emit('\n');
  };

  const enter = (node: Node): boolean => {
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (data.length === 0) return false;
      nodes.push(node as Text);
      starts.push(length);
      // White space folds away in the compact form, so the node's data folds as it stands.
      folded.add(data, length);
      emit(flatten(data, cellDepth > 0));
      return false;
    }
    if (node.nodeType !== 1) return false;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag) || hidden(el)) return false;
    if (tag === 'BR') {
      breakLine();
      return false;
    }
    if (tag === 'IMG') {
      folded.add(IMAGE, length);
      emit(IMAGE);
      return false;
    }
    if (tag === 'TR') {
      breakLine();
      cellIndex.push(0);
      return true;
    }
    if ((tag === 'TD' || tag === 'TH') && cellDepth === 0 && !el.querySelector('table')) {
      const i = cellIndex.length ? cellIndex[cellIndex.length - 1]! : 0;
      if (i > 0) emit('\t');
      if (cellIndex.length) cellIndex[cellIndex.length - 1] = i + 1;
      cellDepth++;
      cells.add(el);
      cellStarts.push(length);
      cellEls.push(el);
      return true;
    }
    if (BLOCK.has(tag) || tag === 'TD' || tag === 'TH') breakLine();
    return true;
  };

  const leave = (node: Node) => {
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (cells.has(el)) {
      cellDepth--;
      return;
    }
    if (tag === 'TR') {
      cellIndex.pop();
      breakLine();
    } else if (BLOCK.has(tag) || tag === 'TD' || tag === 'TH') breakLine();
  };

  let node: Node | null = root.firstChild;
  while (node) {
    const descended = enter(node);
    if (descended && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    if (descended) leave(node);
    while (node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (!node || node === root) break;
      leave(node);
    }
    if (!node || node === root) break;
    node = node.nextSibling;
  }

  const text = out.join('');
  const doc: Doc = {
    text,
    compact: folded.finish(length),
    pageTitle: (root as Document).title || root.ownerDocument?.title || undefined,
  };

  const position = (flat: number, end: boolean): [Text, number] | null => {
    if (nodes.length === 0) return null;
    // The last node starting at or before the offset (the first node when none does).
    let i = Math.max(0, firstIndex(nodes.length, (k) => starts[k]! > flat) - 1);
    // An offset on a separator belongs to the next text node (start) or the previous one (end).
    if (!end && flat >= starts[i]! + nodes[i]!.data.length && i + 1 < nodes.length) i++;
    const n = nodes[i]!;
    const offset = Math.max(0, Math.min(n.data.length, flat - starts[i]!));
    return [n, offset];
  };

  return {
    doc,
    point: position,
    cellAt(flat) {
      const after = firstIndex(cellStarts.length, (i) => cellStarts[i]! > flat);
      return after > 0 ? cellEls[after - 1]! : null;
    },
    locate(start, end) {
      const a = position(start, false);
      const b = position(Math.max(start, end), true);
      if (!a || !b) return null;
      const range = (a[0].ownerDocument ?? (root as Document)).createRange();
      try {
        range.setStart(a[0], a[1]);
        if (b[0] === a[0] && b[1] < a[1]) range.setEnd(a[0], a[1]);
        else range.setEnd(b[0], b[1]);
      } catch {
        return null;
      }
      return range;
    },
  };
}
