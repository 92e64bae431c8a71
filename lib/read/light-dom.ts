import { Parser } from 'htmlparser2';

/**
 * Pages on the command line get a small read-only DOM built straight from htmlparser2's events —
 * the same parser and the same tree linkedom builds (linkedom's parse-from-string), without its
 * per-node event-target maps, which made parsing cost more than checking (≈6 ms against 0.6 ms a
 * page). It offers what the reader and the article finder use; tests/unit/audit-html.test.ts holds
 * it to linkedom's results.
 */
abstract class LightNode {
  abstract readonly nodeType: number;
  parentNode: LightElement | null = null;
  nextSibling: LightNode | null = null;
  previousSibling: LightNode | null = null;
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
    public data: string,
    /** htmlparser2 hands over a plain run or one entity at a time: the run's span in the source. */
    readonly src: SourceSpan,
  ) {
    super(owner);
  }
  get textContent(): string {
    return this.data;
  }
}

type Simple = { tag?: string; id?: string; cls?: string[] };

/** `tag`, `#id`, `.class`, `tag.class`, `tag#id.class`, and lists of them: what the article finder asks; anything else is refused loudly. */
function parseSelector(selector: string): Simple[] {
  return selector.split(',').map((part) => {
    const m = /^\s*([a-zA-Z][\w-]*)?((?:[#.][\w-]+)*)\s*$/.exec(part);
    if (!m || (!m[1] && !m[2])) throw new Error(`light DOM: unsupported selector ${selector}`);
    const simple: Simple = { tag: m[1]?.toUpperCase() };
    for (const [, kind, name] of (m[2] ?? '').matchAll(/([#.])([\w-]+)/g)) {
      if (kind === '#') simple.id = name;
      else (simple.cls ??= []).push(name!);
    }
    return simple;
  });
}

class LightElement extends LightNode {
  readonly nodeType: number = 1;
  firstChild: LightNode | null = null;
  lastChild: LightNode | null = null;
  /** The element's tags in the source; `end` stays at the source's length until its end tag (or an implied one) is read. */
  src: SourceSpan = { start: 0, openEnd: 0, end: 0 };
  constructor(
    owner: LightDocument | null,
    readonly tagName: string,
    readonly attributes: Record<string, string>,
  ) {
    super(owner);
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
  hasAttribute(name: string): boolean {
    return name.toLowerCase() in this.attributes;
  }
  get id(): string {
    return this.attributes.id ?? '';
  }
  get className(): string {
    return this.attributes.class ?? '';
  }
  /** Every descendant in document order, iteratively (broken pages nest thousands deep). */
  *descendants(): Generator<LightNode> {
    let n = this.firstChild;
    while (n) {
      yield n;
      if (n instanceof LightElement && n.firstChild) {
        n = n.firstChild;
        continue;
      }
      while (n && !n.nextSibling && n !== this) n = n.parentNode;
      if (!n || n === this) return;
      n = n.nextSibling;
    }
  }
  get textContent(): string {
    const parts: string[] = [];
    for (const n of this.descendants()) if (n.nodeType === 3) parts.push((n as LightText).data);
    return parts.join('');
  }
  /** The page's <meta> tags and the like (lib/read/page-meta.ts): an array, where a browser gives a live collection. */
  getElementsByTagName(name: string): LightElement[] {
    const tag = name.toUpperCase();
    const out: LightElement[] = [];
    for (const n of this.descendants())
      if (n.nodeType === 1 && (n as LightElement).tagName === tag) out.push(n as LightElement);
    return out;
  }
  querySelector(selector: string): LightElement | null {
    const alternatives = parseSelector(selector);
    for (const n of this.descendants()) {
      if (n.nodeType !== 1) continue;
      const el = n as LightElement;
      const classes = alternatives.some((a) => a.cls) ? el.className.split(/\s+/) : [];
      if (
        alternatives.some(
          (a) =>
            (!a.tag || a.tag === el.tagName) &&
            (!a.id || a.id === el.id) &&
            (!a.cls || a.cls.every((c) => classes.includes(c))),
        )
      )
        return el;
    }
    return null;
  }
}

class LightDocument extends LightElement {
  override readonly nodeType = 9;
  documentElement!: LightElement;
  constructor() {
    super(null, '#document', {});
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

/** An HTML string as a read-only Document: the tree linkedom would build, for reading and checking only. */
export function parsePage(html: string): Document {
  const doc = new LightDocument();
  const root = new LightElement(doc, 'HTML', {});
  root.src = { start: 0, openEnd: 0, end: html.length };
  doc.append(root);
  doc.documentElement = root;
  let node: LightElement = root;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const lower: Record<string, string> = {};
        for (const [k, v] of Object.entries(attributes)) lower[k.toLowerCase()] ??= v;
        // The page's own <html> is the root the document already has.
        if (name.toLowerCase() === 'html' && node === root && !root.children.length) {
          Object.assign(root.attributes, lower);
          node = root;
          opened.push(true);
          return;
        }
        opened.push(false);
        const el = new LightElement(doc, name.toUpperCase(), lower);
        el.src = { start: parser.startIndex, openEnd: parser.endIndex + 1, end: html.length };
        node.append(el);
        node = el;
      },
      ontext(text) {
        const start = parser.startIndex;
        node.append(new LightText(doc, text, { start, openEnd: start, end: parser.endIndex + 1 }));
      },
      onclosetag(_name, implied) {
        if (opened.pop()) return;
        // An implied end tag closes the element where the tag that implied it starts.
        node.src.end = implied ? parser.startIndex : parser.endIndex + 1;
        node = node.parentNode ?? root;
      },
    },
    { lowerCaseAttributeNames: false, decodeEntities: true },
  );
  const opened: boolean[] = [];
  parser.write(html);
  parser.end();
  return doc as unknown as Document;
}
