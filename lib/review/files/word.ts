import { rowBreaks } from './doc-text';

/**
 * Word 97–2003 files (.doc) → what the engine reads, in Node (the CLI) through word-extractor; the
 * extension reads them with lib/review/files/doc-text.ts, which gives the same text.
 */

export async function readDoc(bytes: Uint8Array): Promise<string> {
  let body: string;
  try {
    const { default: WordExtractor } = await import('word-extractor');
    body = (await new WordExtractor().extract(Buffer.from(bytes))).getBody();
  } catch {
    throw new Error('Word 文件（.doc）已损坏或无法解析');
  }
  return rowBreaks(body);
}
