import { firstIndex } from './search';

/**
 * Published pages wrap the report in site chrome (navigation, 繁體版, 无障碍, footers with 备案号).
 * The article is the container CMSs are known to use, else the smallest element that still holds
 * the report's title and its part headings.
 */
const CONTAINERS = [
  '#zoom',
  '.TRS_Editor',
  '.trs_editor',
  '.Custom_UnionStyle',
  '#ivs_content',
  '#webeditorview',
  '.xxgk_content',
  '.article-content',
  '.article_content',
  '#UCAP-CONTENT',
  '.view',
  'article',
];

const MARKERS = /政府信息公开|总体情况|主动公开|收到和处理|行政复议|存在的主要问题|其他需要报告/g;

/** Where each element's text lies in the text under the article finder's root. */
export abstract class Spans {
  abstract readonly text: string;

  /** The element's textContent's place in `text` ([0, 0] for an element outside the root). */
  abstract span(node: Node): [number, number];

  /** How many of `matches` (sorted, not overlapping) lie wholly inside the element's text. */
  within(matches: readonly [number, number][], node: Node): number {
    const [start, end] = this.span(node);
    return firstAtOrAfter(matches, end, 1) - firstAtOrAfter(matches, start, 0);
  }
}

/**
 * Spans of any DOM from one iterative walk: a page nested thousands deep (a broken or crafted one)
 * neither overflows the stack nor costs a textContent per level, which made finding the article
 * quadratic in the depth.
 */
export class TextSpans extends Spans {
  readonly text: string;
  /** Each element's number, and its text's start and end by that number (no small array per element). */
  private readonly index = new Map<Node, number>();
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(root: Node) {
    super();
    const parts: string[] = [];
    let length = 0;
    const open: number[] = [];
    let node: Node | null = root;
    while (node) {
      if (node.nodeType === 3 || node.nodeType === 4) {
        const data = (node as CharacterData).data;
        parts.push(data);
        length += data.length;
      } else if (node.nodeType === 1 || node.nodeType === 9) {
        const i = this.starts.length;
        this.index.set(node, i);
        this.starts.push(length);
        this.ends.push(length);
        if (node.firstChild) {
          open.push(i);
          node = node.firstChild;
          continue;
        }
      }
      // Close every element whose last child this was, then move on to the next sibling.
      while (node && node !== root && !node.nextSibling) {
        node = node.parentNode;
        this.ends[open.pop()!] = length;
      }
      node = node && node !== root ? node.nextSibling : null;
    }
    for (const i of open) this.ends[i] = length;
    this.text = parts.join('');
  }

  span(node: Node): [number, number] {
    const i = this.index.get(node);
    return i === undefined ? [0, 0] : [this.starts[i]!, this.ends[i]!];
  }
}

/** The first match whose start (side 0) or end (side 1, exclusive: the first ending after `at`) is at or after `at`. */
function firstAtOrAfter(matches: readonly [number, number][], at: number, side: 0 | 1): number {
  return firstIndex(matches.length, (i) => (side === 0 ? matches[i]![0] >= at : matches[i]![1] > at));
}

/** Where a pattern matches in the text, in order. */
export function matchSpans(text: string, pattern: RegExp): [number, number][] {
  const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
  return Array.from(text.matchAll(new RegExp(pattern.source, flags)), (m) => [m.index, m.index + m[0].length]);
}

/**
 * How many markers an element's own text holds. The same count as the markers of the whole page's
 * text that lie inside the element: no marker ends with the beginning of another (or is one), so a
 * match running into the element from before it never hides one that lies wholly inside.
 */
function markersIn(el: Element): number {
  return el.textContent?.match(MARKERS)?.length ?? 0;
}

/** Whether `root` holds the element (by parents: the CLI's light DOM has no Node.contains). */
function inside(el: Node, root: Node): boolean {
  for (let n: Node | null = el; n; n = n.parentNode) if (n === root) return true;
  return false;
}

/**
 * `spans` may be passed by a reader that knows them already (the CLI's light DOM); they must be of
 * the body, or the root without one. Without them a known container is judged on its own text, and
 * the whole page's spans are made only when none is found: a CMS page's chrome (menus of hundreds of
 * links) is then never indexed.
 */
export function findArticle(doc: Document, spans?: Spans): Element {
  const body = doc.body ?? doc.documentElement;
  let markers = spans && matchSpans(spans.text, MARKERS);
  for (const selector of CONTAINERS) {
    const el = doc.querySelector(selector);
    if (!el) continue;
    const count = spans ? spans.within(markers!, el) : inside(el, body) ? markersIn(el) : 0;
    if (count >= 3) return el;
  }
  spans ??= new TextSpans(body);
  markers ??= matchSpans(spans.text, MARKERS);
  let best: Element = body;
  let current = spans.within(markers, body);
  if (current < 3) return body;
  // Narrow while one child still holds (all but one of) the markers: a nav link may hold one.
  for (;;) {
    let next: Element | null = null;
    for (const child of Array.from(best.children)) {
      const s = spans.within(markers, child);
      if (s >= current - 1 && s >= 3) {
        next = child;
        current = s;
        break;
      }
    }
    if (!next) return best;
    best = next;
  }
}
