import { demandsStructure } from '../analysis';
import { defineCheck } from './check';

export default defineCheck({
  code: 'part-order',
  severity: 'warning',
  description: '各部分的顺序与规定格式不一致',
  needsYear: true,
  run: (a) => {
    if (!demandsStructure(a)) return [];
    const present = a.parts.filter((p) => p.heading).sort((x, y) => x.heading!.start - y.heading!.start);
    const out = [];
    for (let i = 1; i < present.length; i++) {
      const p = present[i]!;
      const prev = present[i - 1]!;
      const misnumbered = p.heading!.number !== p.part;
      if (p.part < prev.part || misnumbered) {
        out.push({
          part: p.part,
          message: misnumbered
            ? `「${p.heading!.text}」是第${p.part}部分的内容，却排在第${p.heading!.number}的位置。`
            : `第${p.part}部分排在第${prev.part}部分之后，顺序应为一至六。`,
          start: p.heading!.start,
          end: p.heading!.end,
        });
      }
    }
    return out;
  },
});
