import { formatById } from '../../format';
import { partHeading } from '../snippets';
import type { FixFor } from './types';

/** part-missing: the part's skeleton (heading, a paragraph, its sub-headings, its table) inserted before the next part present. */
export const skeletonFix: FixFor = (checked, finding) => {
  const expected = checked.expectedFormat;
  const number = finding.part;
  if (number === undefined || (expected !== '2019' && expected !== '2021')) return null;
  const part = formatById(expected).parts.find((p) => p.number === number);
  if (!part) return null;
  const next = checked.parts
    .filter((p) => p.part > number && p.status !== 'missing' && p.start !== undefined)
    .sort((a, b) => a.part - b.part)[0];
  // A part's table the draft already has (under another heading) is not inserted twice.
  const tables = formatById(expected).tables.some(
    (x) => x.part === number && checked.tables.find((r) => r.table === x.id)?.status !== 'ok',
  );
  return {
    changes: [{ kind: 'insert', part: number, format: expected, before: next?.start ?? null, tables }],
    preview: `（缺）→ ${partHeading(part)}（插入标题、段落${tables ? '和统计表' : ''}）`,
  };
};
