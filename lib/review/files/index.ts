import { checkHtml, checkBytes } from '../html';
import { checkText, type CheckOptions, type Checked } from '../../check/engine';
import type { FileInfo } from '../../check/analysis';
import { readPdf } from './pdf';
import { readDoc, readDocx } from './word';

/**
 * Report files reviewers download — PDF, Word 2007+ (.docx), Word 97–2003 (.doc) — read into the
 * same text or page the engine already checks. Recognised by their bytes, not their names.
 */

export type FileKind = FileInfo['kind'];

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

/** Any file's bytes to the engine: PDF and Word read here, pages and texts as before. Throws a Chinese message naming the source. */
export async function checkFile(
  bytes: Uint8Array,
  source: string,
  options: CheckOptions & { contentType?: string | null } = {},
): Promise<Checked> {
  const kind = fileKind(bytes);
  if (!kind) return checkBytes(bytes, source, options);
  const { contentType: _contentType, ...rest } = options;
  try {
    if (kind === 'pdf') {
      const pdf = await readPdf(bytes);
      return checkText(pdf.text, { ...rest, source, file: { kind, pages: pdf.pages, imagePages: pdf.imagePages } });
    }
    if (kind === 'docx') return checkHtml(await readDocx(bytes), { ...rest, source, file: { kind } });
    return checkText(await readDoc(bytes), { ...rest, source, file: { kind } });
  } catch (e) {
    throw new Error(`${source}：${(e as Error).message}`);
  }
}
