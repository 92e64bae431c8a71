import { checkHtml, checkBytes } from '../html';
import { checkText, type CheckOptions, type Checked } from '../../check/engine';
import { checkDocx, checkPdf, fileKind } from './read';
import { readDoc } from './word';

export { fileKind, type FileKind } from './read';

/**
 * Report files reviewers download — PDF, Word 2007+ (.docx), Word 97–2003 (.doc) — read into the
 * same text or page the engine already checks. Recognised by their bytes, not their names.
 */

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
    if (kind === 'pdf') return await checkPdf(bytes, { ...rest, source });
    if (kind === 'docx') return await checkDocx(bytes, { ...rest, source }, checkHtml);
    return checkText(await readDoc(bytes), { ...rest, source, file: { kind } });
  } catch (e) {
    throw new Error(`${source}：${(e as Error).message}`);
  }
}
