/**
 * Word 97–2003 files (.doc) → what the engine reads (Node only: word-extractor needs Buffer and
 * streams; .docx is lib/review/files/docx.ts). A .doc becomes text: word-extractor
 * turns every cell mark into a tab, the row's own end mark included, and writes no line break at the
 * end of a row; the breaks are put back where a row plainly starts.
 */

/** A row label at the start of a row: 一、 （一） 1. — the shapes every table of the report uses. */
const ROW_START = /^\t*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、])/;

export function rowBreaks(text: string): string {
  // After a row's last cell ("\t") and its end mark ("\t"): the next row, when it starts like one,
  // or the paragraph after the table (text with no cell in it). The look-ahead is bounded.
  return text.replace(/\t\t/g, (match, offset: number) => {
    const line = text.slice(offset + 2, offset + 202).split('\n')[0]!;
    const starts = ROW_START.test(line) || (line.length > 0 && !line.includes('\t'));
    return starts ? '\t\t\n' : match;
  });
}

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
