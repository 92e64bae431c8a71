import { Parser } from 'htmlparser2';
import { checkPage, checkText, type CheckOptions, type Checked } from '../check/engine';

/**
 * Saved pages and texts as bytes → the engine. Many government sites still serve GBK/GB2312
 * (often declared only in a <meta>), and Word's "save as text" writes GB18030 or UTF-16: the BOM
 * decides first, then the declared charset, then strict UTF-8, then GB18030.
 */

/** Why a file is not a page or a text: the formats reviewers most often pick by mistake. */
const MAGIC: [string, number[]][] = [
  ['PDF', [0x25, 0x50, 0x44, 0x46]],
  ['Word/Excel（docx/xlsx/zip）', [0x50, 0x4b, 0x03, 0x04]],
  ['Word/Excel（doc/xls）', [0xd0, 0xcf, 0x11, 0xe0]],
  ['PNG', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['GIF', [0x47, 0x49, 0x46, 0x38]],
];

/** The kind of binary file these bytes are (or "二进制" when only NUL bytes give it away), or null for text. */
export function binaryKind(bytes: Uint8Array): string | null {
  for (const [name, magic] of MAGIC) if (magic.every((b, i) => bytes[i] === b)) return name;
  if (bom(bytes)) return null;
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return '二进制';
  return null;
}

function bom(bytes: Uint8Array): { label: string; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { label: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { label: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { label: 'utf-16be', skip: 2 };
  return null;
}

/** The charset a page declares in its first bytes (<meta charset> or http-equiv Content-Type). */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  return /<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1] ?? null;
}

function decoder(label: string, fatal: boolean): TextDecoder | null {
  try {
    return new TextDecoder(label, { fatal });
  } catch {
    return null; // a label no decoder knows (typos like "gb2312'" or "utf8mb4")
  }
}

/**
 * Bytes → text. `charset` is what the server said (Content-Type), which wins over the page's own
 * <meta>; `html` says whether to look for that <meta> at all.
 */
export function decodeBytes(bytes: Uint8Array, options: { html?: boolean; charset?: string | null } = {}): string {
  const marked = bom(bytes);
  if (marked) return new TextDecoder(marked.label).decode(bytes.subarray(marked.skip));
  const declared = options.charset || (options.html ? declaredCharset(bytes) : null);
  const strict = declared ? decoder(declared, true) : null;
  if (strict) {
    try {
      return strict.decode(bytes);
    } catch {
      // Declared wrongly (a GBK page that says utf-8 is common): fall through to guessing.
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

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

class LightText extends LightNode {
  readonly nodeType = 3;
  constructor(
    owner: LightDocument,
    public data: string,
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
        node.append(el);
        node = el;
      },
      ontext(text) {
        node.append(new LightText(doc, text));
      },
      onclosetag() {
        if (!opened.pop()) node = node.parentNode ?? root;
      },
    },
    { lowerCaseAttributeNames: false, decodeEntities: true },
  );
  const opened: boolean[] = [];
  parser.write(html);
  parser.end();
  return doc as unknown as Document;
}

/**
 * A saved or fetched page, checked as the panel checks a live one (checkPage: the article, dated by
 * the page). No `locate`: there is no page to mark.
 */
export function checkHtml(html: string, options: CheckOptions = {}): Checked {
  const { locate: _locate, ...checked } = checkPage(parsePage(html), options);
  return checked;
}

/** Whether a source is a page (else plain text), by its name or its server's content type. */
export function isHtmlSource(name: string, contentType?: string | null): boolean {
  if (contentType) return !/^text\/plain/i.test(contentType);
  return /\.x?html?$/i.test(name) || /^https?:\/\//i.test(name);
}

/** One file's bytes, whatever they are, to the engine; throws a message naming the source when they are not text. */
export function checkBytes(
  bytes: Uint8Array,
  source: string,
  options: CheckOptions & { contentType?: string | null } = {},
): Checked {
  const { contentType, ...rest } = options;
  const kind = binaryKind(bytes);
  if (kind) throw new Error(`${source} 不是网页或文本文件（${kind}），无法检查；请另存为 .html 或 .txt`);
  const html = isHtmlSource(source, contentType);
  const charset = contentType ? (/charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1] ?? null) : null;
  const text = decodeBytes(bytes, { html, charset });
  return html ? checkHtml(text, { ...rest, source }) : checkText(text, { ...rest, source });
}
