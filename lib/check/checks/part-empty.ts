import { demandsStructure } from '../analysis';
import { defineCheck } from './check';

const CN = '一二三四五六七八九十';

export default defineCheck({
  code: 'part-empty',
  severity: 'warning',
  description: '某部分只有标题，还没有内容',
  needsYear: true,
  run: (a) => {
    if (!demandsStructure(a)) return [];
    const empty = a.parts.filter((p) => p.heading && a.contents.get(p.part)?.content === 'none');
    if (!empty.length) return [];
    return [
      {
        part: empty.length === 1 ? empty[0]!.part : undefined,
        message: `第${empty.map((p) => CN[p.part - 1]).join('、')}部分只有标题，还没有内容。`,
        start: empty[0]!.heading!.start,
        end: empty[0]!.heading!.end,
      },
    ];
  },
});
