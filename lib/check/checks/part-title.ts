import { demandsStructure } from '../analysis';
import { defineCheck } from './check';

const CN = '一二三四五六七八九十';

export default defineCheck({
  code: 'part-title',
  severity: 'warning',
  description: '部分标题与规定格式的标准标题不一致',
  needsYear: true,
  run: (a) =>
    demandsStructure(a)
      ? a.parts
          .filter((p) => p.status === 'retitled' && p.heading)
          .map((p) => ({
            part: p.part,
            message: `第${CN[p.part - 1]}部分标题「${p.heading!.text}」不是标准标题，应为「${CN[p.part - 1]}、${p.title}」。`,
            start: p.heading!.start,
            end: p.heading!.end,
          }))
      : [],
});
