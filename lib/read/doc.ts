import type { Attachment } from './attachments';
import { compact, type Compact } from './text';
import { firstIndex } from './search';

/**
 * One model for every input: the flat text (blocks and table rows end with '\n', table cells are
 * separated by '\t', an image is U+FFFC) and its compact form. Every offset a finding carries is an
 * offset into `text`; a DOM reader can map it back to the page.
 */
export interface Doc {
  text: string;
  compact: Compact;
  /** The page's own <title>, when the input was a whole page. */
  pageTitle?: string;
  /** Links to document files (.pdf, .doc…) in the text checked. */
  attachments?: Attachment[];
}

export const IMAGE = '\uFFFC';

export function docFromText(text: string, pageTitle?: string): Doc {
  return { text, compact: compact(text), pageTitle };
}

/** Offsets in `text` where each line starts, computed once per document. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The compact index at or after a flat offset. */
export function compactIndexAt(c: Compact, flat: number): number {
  return firstIndex(c.text.length, (i) => c.map[i]! >= flat);
}

/** The flat offset of a compact index (its end when it is past the last character). */
export function flatAt(c: Compact, index: number): number {
  return c.map[Math.min(index, c.text.length)]!;
}
