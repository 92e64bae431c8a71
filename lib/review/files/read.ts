import { checkText, type CheckOptions, type Checked } from '../../check/engine';
import type { FileInfo } from '../../check/analysis';
import { readPdf } from './pdf';
import { readDocx } from './docx';
import { readDocText, rowBreaks } from './doc-text';

/**
 * What of the report files runs in Node and in a browser alike (the CLI and the extension's 检查附件):
 * telling a file by its bytes, and checking a PDF, a .docx or a .doc. The .docx's HTML is checked by
 * the caller's page reader (the CLI's light DOM, the extension's DOMParser).
 */

export type FileKind = FileInfo['kind'];

/** A download's chunks as one array of `size` bytes (the CLI and 检查附件 both stream with a cap). */
export function joinChunks(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const utf16 = (s: string) => Uint8Array.from([...s].flatMap((c) => [c.charCodeAt(0), 0]));
const PK = ascii('PK\x03\x04');
const OLE = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const WORD_PART = ascii('word/');
const WORD_STREAM = utf16('WordDocument');

function startsWith(bytes: Uint8Array, head: Uint8Array): boolean {
  return head.every((b, i) => bytes[i] === b);
}

function contains(bytes: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0]!;
  for (let i = bytes.indexOf(first); i >= 0 && i <= bytes.length - needle.length; i = bytes.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && bytes[i + j] === needle[j]) j++;
    if (j === needle.length) return true;
  }
  return false;
}

export function fileKind(bytes: Uint8Array): FileKind | null {
  // A PDF may carry a few bytes of junk before its header (the format allows 1 KB).
  if (contains(bytes.subarray(0, 1024), ascii('%PDF-'))) return 'pdf';
  if (startsWith(bytes, PK)) return contains(bytes, WORD_PART) ? 'docx' : null;
  if (startsWith(bytes, OLE)) return contains(bytes, WORD_STREAM) ? 'doc' : null;
  return null;
}

/** A PDF's text layer, checked as the text the page it was printed from reads as. */
export async function checkPdf(bytes: Uint8Array, options: CheckOptions): Promise<Checked> {
  const pdf = await readPdf(bytes);
  return checkText(pdf.text, { ...options, file: { kind: 'pdf', pages: pdf.pages, imagePages: pdf.imagePages } });
}

/** A .docx as the HTML mammoth makes of it (tables kept), checked by `checkHtml`. */
export async function checkDocx(
  bytes: Uint8Array,
  options: CheckOptions,
  checkHtml: (html: string, options: CheckOptions) => Checked,
): Promise<Checked> {
  return checkHtml(await readDocx(bytes), { ...options, file: { kind: 'docx' } });
}

/** A .doc's body text (read without Node, as word-extractor reads it), checked as text. */
export function checkDoc(bytes: Uint8Array, options: CheckOptions): Checked {
  return checkText(rowBreaks(readDocText(bytes)), { ...options, file: { kind: 'doc' } });
}
