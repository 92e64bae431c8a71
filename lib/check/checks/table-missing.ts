import { demandsStructure } from '../analysis';
import { IMAGE } from '../../read/doc';
import { defineCheck } from './check';

/** Whether a part's text holds an image where its table should be (checked by table-image). */
export function imageInPart(a: import('../analysis').Analysis, part: number): number | undefined {
  const p = a.parts.find((x) => x.part === part);
  if (!p || p.start === undefined) return undefined;
  const i = a.doc.text.indexOf(IMAGE, p.start);
  return i >= 0 && (p.end === undefined || i < p.end) ? i : undefined;
}

export default defineCheck({
  code: 'table-missing',
  severity: 'error',
  description: '缺少规定格式要求的统计表',
  needsYear: true,
  run: (a) => {
    if (!demandsStructure(a) || !a.expected) return [];
    return a.expected.tables
      .filter((def) => (a.tables.get(def.id)?.status ?? 'missing') !== 'ok' && imageInPart(a, def.part) === undefined)
      .map((def) => {
        const t = a.tables.get(def.id);
        return {
          table: def.id,
          part: def.part,
          message:
            t?.status === 'unrecognized'
              ? `「${def.title}」表无法识别：找到了表头，但读不出它的行和数字。`
              : `缺少「${def.title}」统计表。`,
          start: t?.start,
        };
      });
  },
});
