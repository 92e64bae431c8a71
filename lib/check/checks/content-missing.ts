import { demandsStructure } from '../analysis';
import { compactIndexAt } from '../../read/doc';
import { compactLabel } from '../../read/text';
import { defineCheck } from './check';

export default defineCheck({
  code: 'content-missing',
  severity: 'warning',
  description: '某部分没有写到格式要求的内容',
  needsYear: true,
  run: (a) => {
    if (!demandsStructure(a) || !a.expected) return [];
    const c = a.doc.compact;
    const out = [];
    for (const rule of a.expected.contentRules) {
      if (rule.onlyGovernment && !a.meta.government) continue;
      let text = c.text;
      if (rule.part > 0) {
        const p = a.parts.find((x) => x.part === rule.part);
        if (!p || p.start === undefined) continue;
        text = c.text.slice(compactIndexAt(c, p.start), p.end === undefined ? undefined : compactIndexAt(c, p.end));
      }
      if (rule.any.some((w) => text.includes(compactLabel(w)))) continue;
      const p = a.parts.find((x) => x.part === rule.part);
      out.push({
        part: rule.part || undefined,
        message: rule.part
          ? `第${'一二三四五六'[rule.part - 1]}部分「${p?.title}」没有写到${rule.label}。`
          : `报告没有写到${rule.label}。`,
        start: p?.heading?.start,
        end: p?.heading?.end,
      });
    }
    return out;
  },
});
