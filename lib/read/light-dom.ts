import { Spans } from './article';
import { htmlEvents, remembered } from './html-events';
import { firstIndex } from './search';

/**
 * Pages on the command line get a small read-only DOM built straight from htmlparser2's events —
 * the same parser and the same tree linkedom builds (linkedom's parse-from-string), without its
 * per-node event-target maps, which made parsing cost more than checking (≈6 ms against 0.6 ms a
 * page). It offers what the reader and the article finder use; tests/unit/audit-html.test.ts holds
 * it to linkedom's results.
 *
 * Nodes are created in document order (htmlparser2 only ever appends to the element still open), so
 * an element's descendants are the elements created between its start and its end, and its text
 * is one run of the document's text: each element keeps its place in both, and textContent, the
 * selectors and the article finder's spans are look-ups instead of walks.
 */
abstract class LightNode {
  abstract readonly nodeType: number;
  parentNode: LightElement | null = null;
  nextSibling: LightNode | null = null;
  previousSibling: LightNode | null = null;
  /** Where the node's text starts in its document's text (every text node's data, in order). */
  textStart = 0;
  constructor(readonly ownerDocument: LightDocument | null) {}
  get parentElement(): LightElement | null {
    return this.parentNode?.nodeType === 1 ? this.parentNode : null;
  }
  abstract get textContent(): string;
}

/** Where a node sits in the source it was parsed from: [start, end) of a text run, or of an element's tags. */
export interface SourceSpan {
  start: number;
  /** An element's first character after its start tag. */
  openEnd: number;
  end: number;
}

class LightText extends LightNode {
  readonly nodeType = 3;
  constructor(
    owner: LightDocument,
    readonly data: string,
    /** htmlparser2 hands over a plain run or one entity at a time: the run's place in the source. */
    private readonly srcStart: number,
    private readonly srcEnd: number,
  ) {
    super(owner);
  }
  get textContent(): string {
    return this.data;
  }
  get src(): SourceSpan {
    return { start: this.srcStart, openEnd: this.srcStart, end: this.srcEnd };
  }
}

type Simple = { tag?: string; id?: string; cls?: string[] };

/** Selectors as parsed, by their text: the article finder asks the same dozen on every page. */
const SELECTORS = new Map<string, Simple[]>();

/** `tag`, `#id`, `.class`, `tag.class`, `tag#id.class`, and lists of them: what the article finder asks; anything else is refused loudly. */
function parseSelector(selector: string): Simple[] {
  const known = SELECTORS.get(selector);
  if (known) return known;
  const parsed = selector.split(',').map((part) => {
    const m = /^\s*([a-zA-Z][\w-]*)?((?:[#.][\w-]+)*)\s*$/.exec(part);
    if (!m || (!m[1] && !m[2])) throw new Error(`light DOM: unsupported selector ${selector}`);
    const simple: Simple = { tag: m[1]?.toUpperCase() };
    for (const [, kind, name] of (m[2] ?? '').matchAll(/([#.])([\w-]+)/g)) {
      if (kind === '#') simple.id = name;
      else (simple.cls ??= []).push(name!);
    }
    return simple;
  });
  if (SELECTORS.size < 256) SELECTORS.set(selector, parsed);
  return parsed;
}

const hasClass = (el: LightElement, name: string) => {
  const classes = el.className;
  return classes.includes(name) && classes.split(/\s+/).includes(name);
};
const matches = (el: LightElement, s: Simple) =>
  (!s.tag || s.tag === el.tagName) && (!s.id || s.id === el.id) && (!s.cls || s.cls.every((c) => hasClass(el, c)));

class LightElement extends LightNode {
  readonly nodeType: number = 1;
  firstChild: LightNode | null = null;
  lastChild: LightNode | null = null;
  /** Where its text ends in the document's text. */
  textEnd = 0;
  /** Its place among the document's elements, and the place of its last descendant. */
  order = 0;
  last = 0;
  /** Its tags in the source; `srcEnd` stays at the source's length until its end tag (or an implied one) is read. */
  srcStart = 0;
  openEnd = 0;
  srcEnd = 0;
  constructor(
    owner: LightDocument | null,
    readonly tagName: string,
    readonly attributes: Record<string, string>,
  ) {
    super(owner);
  }
  get src(): SourceSpan {
    return { start: this.srcStart, openEnd: this.openEnd, end: this.srcEnd };
  }
  get localName(): string {
    return this.tagName.toLowerCase();
  }
  get nodeName(): string {
    return this.tagName;
  }
  append(node: LightNode): void {
    node.parentNode = this;
    node.previousSibling = this.lastChild;
    if (this.lastChild) this.lastChild.nextSibling = node;
    else this.firstChild = node;
    this.lastChild = node;
  }
  get childNodes(): LightNode[] {
    const out: LightNode[] = [];
    for (let n = this.firstChild; n; n = n.nextSibling) out.push(n);
    return out;
  }
  get children(): LightElement[] {
    return this.childNodes.filter((n): n is LightElement => n.nodeType === 1);
  }
  getAttribute(name: string): string | null {
    return this.attributes[name.toLowerCase()] ?? null;
  }
  hasAttributes(): boolean {
    for (const name in this.attributes) if (Object.hasOwn(this.attributes, name)) return true;
    return false;
  }
  hasAttribute(name: string): boolean {
    return name.toLowerCase() in this.attributes;
  }
  get id(): string {
    return this.attributes.id ?? '';
  }
  get className(): string {
    return this.attributes.class ?? '';
  }
  /** The document it belongs to: its owner, or itself for the document. */
  protected get home(): LightDocument {
    return this.ownerDocument ?? (this as unknown as LightDocument);
  }
  get textContent(): string {
    return this.home.text.slice(this.textStart, this.textEnd);
  }
  /** The page's <meta> tags and the like (lib/read/page-meta.ts): an array, where a browser gives a live collection. */
  getElementsByTagName(name: string): LightElement[] {
    const all = this.home.tagged(name.toUpperCase());
    return all.slice(firstAfter(all, this.order), firstAfter(all, this.last));
  }
  querySelector(selector: string): LightElement | null {
    const doc = this.home;
    let found: LightElement | null = null;
    for (const s of parseSelector(selector)) {
      // The candidates the most telling part names, in document order; the first inside this element that matches.
      const candidates = s.id ? doc.withId(s.id) : s.cls ? doc.withClass(s.cls[0]!) : doc.tagged(s.tag!);
      for (let i = firstAfter(candidates, this.order); i < candidates.length; i++) {
        const el = candidates[i]!;
        if (el.order > this.last || (found && el.order > found.order)) break;
        if (matches(el, s)) {
          found = el;
          break;
        }
      }
    }
    return found;
  }
}

/** The first of `els` (in document order) that comes after the element numbered `order`. */
function firstAfter(els: readonly LightElement[], order: number): number {
  return firstIndex(els.length, (i) => els[i]!.order > order);
}

class LightDocument extends LightElement {
  override readonly nodeType = 9;
  documentElement!: LightElement;
  /** Every element in document order (the document itself is not one: its `order` is -1). */
  readonly elements: LightElement[] = [];
  /** The text of every text node, in order, until `text` first joins them. */
  readonly runs: string[] = [];
  private joined: string | null = null;
  private readonly byTag = new Map<string, LightElement[]>();
  private byId: Map<string, LightElement[]> | null = null;
  private byClass: Map<string, LightElement[]> | null = null;
  constructor() {
    super(null, '#document', {});
    this.order = -1;
  }
  get text(): string {
    this.joined ??= this.runs.join('');
    return this.joined;
  }
  add(el: LightElement): void {
    el.order = this.elements.length;
    this.elements.push(el);
    const same = this.byTag.get(el.tagName);
    if (same) same.push(el);
    else this.byTag.set(el.tagName, [el]);
  }
  tagged(tag: string): LightElement[] {
    return this.byTag.get(tag) ?? [];
  }
  withId(id: string): LightElement[] {
    if (!this.byId) {
      this.byId = new Map();
      for (const el of this.elements) if (el.id) push(this.byId, el.id, el);
    }
    return this.byId.get(id) ?? [];
  }
  withClass(name: string): LightElement[] {
    if (!this.byClass) {
      this.byClass = new Map();
      for (const el of this.elements) {
        const classes = el.className;
        if (!classes) continue;
        for (const c of new Set(classes.split(/\s+/))) if (c) push(this.byClass, c, el);
      }
    }
    return this.byClass.get(name) ?? [];
  }
  get body(): LightElement | null {
    return this.documentElement.querySelector('body');
  }
  get title(): string {
    return this.querySelector('title')?.textContent.trim() ?? '';
  }
  createRange(): never {
    throw new Error('light DOM: no ranges (the command line marks nothing)');
  }
}

function push(map: Map<string, LightElement[]>, key: string, el: LightElement): void {
  const list = map.get(key);
  if (list) list.push(el);
  else map.set(key, [el]);
}

/** Tag names as elements spell them. */
const upper = remembered((s) => s.toUpperCase());

/** The article finder's spans (lib/read/article.ts) of a light document, from what parsing recorded. */
class LightSpans extends Spans {
  readonly text: string;
  constructor(private readonly root: LightElement) {
    super();
    this.text = root.textContent;
  }
  span(node: Node): [number, number] {
    const el = node as unknown as LightElement;
    const { root } = this;
    if (el.ownerDocument !== root.ownerDocument || el.nodeType !== 1 || el.order < root.order || el.order > root.last)
      return [0, 0];
    return [el.textStart - root.textStart, el.textEnd - root.textStart];
  }
}

/** Spans over a document made by parsePage: its body's (or root's) text, with no walk. */
export function lightSpans(doc: Document): Spans {
  return new LightSpans((doc.body ?? doc.documentElement) as unknown as LightElement);
}

/**
 * An HTML string as a read-only Document: the tree linkedom would build, for reading and checking
 * only. The page may come in pieces (see htmlEvents); places are in the pieces joined.
 */
export function parsePage(html: string | readonly string[]): Document {
  const size = typeof html === 'string' ? html.length : html.reduce((n, p) => n + p.length, 0);
  const doc = new LightDocument();
  const { runs } = doc;
  let length = 0;
  const root = new LightElement(doc, 'HTML', {});
  root.srcEnd = size;
  doc.append(root);
  doc.add(root);
  doc.documentElement = root;
  let node: LightElement = root;
  const close = (el: LightElement) => {
    el.textEnd = length;
    el.last = doc.elements.length - 1;
  };
  // Which ends close an element: the page's own <html> tag merges into the root and closes nothing.
  const opened: boolean[] = [];
  htmlEvents(html, {
    open(name, attributes, start, end) {
      // The page's own <html> is the root the document already has.
      if (name === 'html' && node === root && !root.firstChild) {
        Object.assign(root.attributes, attributes);
        opened.push(true);
        return;
      }
      opened.push(false);
      const el = new LightElement(doc, upper(name), attributes);
      el.srcStart = start;
      el.openEnd = end + 1;
      el.srcEnd = size;
      el.textStart = length;
      node.append(el);
      doc.add(el);
      node = el;
    },
    text(data, start, end) {
      const t = new LightText(doc, data, start, end + 1);
      t.textStart = length;
      node.append(t);
      runs.push(data);
      length += data.length;
    },
    close(_name, implied, start, end) {
      if (opened.pop()) return;
      // An implied end tag closes the element where the tag that implied it starts.
      node.srcEnd = implied ? start : end + 1;
      close(node);
      node = node.parentNode ?? root;
    },
  });
  // What is still open when the page ends holds the rest of it.
  for (let n: LightElement | null = node; n; n = n.parentNode) close(n);
  close(root);
  close(doc);
  return doc as unknown as Document;
}
