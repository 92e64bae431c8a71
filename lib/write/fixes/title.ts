import { formatById } from '../../format';
import type { FixFor } from './types';

/** The numbering a heading starts with, in whatever style it is written: 四、 （四） 4. 第四部分 . */
const NUMBERING =
  /^[\s\u3000]*(?:第[一二三四五六七八九十]+部分[、，,:：.．\s\u3000]*|[（(][一二三四五六七八九十0-9０-９]+[)）][\s\u3000]*|[一二三四五六七八九十]+[、，,.．:：\s\u3000]*|[0-9０-９]+[、.．\s\u3000]+)/;

/** part-title: the heading's words become the format's standard title; its numbering and its element stay. */
export const titleFix: FixFor = (checked, finding) => {
  if (finding.part === undefined || finding.start === undefined || finding.end === undefined) return null;
  const expected = checked.expectedFormat;
  if (expected !== '2019' && expected !== '2021') return null;
  const title = formatById(expected).parts.find((p) => p.number === finding.part)?.title;
  const heading = checked.text.slice(finding.start, finding.end);
  const numbering = NUMBERING.exec(heading)?.[0] ?? '';
  if (!title || !numbering) return null;
  const start = finding.start + numbering.length;
  return {
    changes: [{ kind: 'text', start, end: finding.end, text: title }],
    preview: `${heading.trim()} → ${numbering.trim()}${title}`,
  };
};
