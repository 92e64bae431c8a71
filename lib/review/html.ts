import { checkDom, checkText, withPageFacts, type CheckOptions, type Checked } from '../check/engine';
import { findArticle } from '../read/article';
import { lightSpans, parsePage } from '../read/light-dom';

export { parsePage };

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
 * Bytes decoded at a time, so at most as many characters a piece. V8 keeps every string over 128 KB
 * (64 K UTF-16 units) in a memory mapping of its own, and making one cost more than all the rest of
 * decoding a saved page of 100 KB (~1.4 ms here): a page is decoded, and parsed, in pieces.
 */
const PIECE_BYTES = 32 * 1024;

/** The bytes through `decoder` a piece at a time (it carries a character cut between two pieces over); throws what a fatal decoder throws. */
function decodeInPieces(decoder: TextDecoder, bytes: Uint8Array): string[] {
  const pieces: string[] = [];
  for (let at = 0; at < bytes.length; at += PIECE_BYTES)
    pieces.push(decoder.decode(bytes.subarray(at, at + PIECE_BYTES), { stream: true }));
  pieces.push(decoder.decode());
  return pieces.filter((p) => p.length > 0);
}

type DecodeOptions = { html?: boolean; charset?: string | null };

/**
 * Bytes → text, in pieces (see PIECE_BYTES). `charset` is what the server said (Content-Type),
 * which wins over the page's own <meta>; `html` says whether to look for that <meta> at all.
 */
export function decodePieces(bytes: Uint8Array, options: DecodeOptions = {}): string[] {
  const marked = bom(bytes);
  if (marked) return decodeInPieces(new TextDecoder(marked.label), bytes.subarray(marked.skip));
  const declared = options.charset || (options.html ? declaredCharset(bytes) : null);
  const strict = declared ? decoder(declared, true) : null;
  if (strict) {
    try {
      return decodeInPieces(strict, bytes);
    } catch {
      // Declared wrongly (a GBK page that says utf-8 is common): fall through to guessing.
    }
  }
  try {
    return decodeInPieces(new TextDecoder('utf-8', { fatal: true }), bytes);
  } catch {
    return decodeInPieces(new TextDecoder('gb18030'), bytes);
  }
}

/** Bytes → text in one string (see decodePieces). */
export const decodeBytes = (bytes: Uint8Array, options: DecodeOptions = {}): string =>
  decodePieces(bytes, options).join('');

/**
 * A saved or fetched page, checked as the panel checks a live one (what checkPage does: the article,
 * dated by the page), with the spans the light DOM recorded while parsing. No `locate`: there is no
 * page to mark.
 */
export function checkHtml(html: string | readonly string[], options: CheckOptions = {}): Checked {
  const doc = parsePage(html);
  const { locate: _locate, ...checked } = checkDom(findArticle(doc, lightSpans(doc)), withPageFacts(doc, options));
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
  const pieces = decodePieces(bytes, { html, charset });
  return html ? checkHtml(pieces, { ...rest, source }) : checkText(pieces.join(''), { ...rest, source });
}
