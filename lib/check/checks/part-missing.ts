import { demandsStructure } from '../analysis';
import { defineCheck } from './check';

export default defineCheck({
  code: 'part-missing',
  severity: 'error',
  description: '缺少年度报告格式要求的部分',
  needsYear: true,
  run: (a) =>
    demandsStructure(a)
      ? a.parts
          .filter((p) => p.status === 'missing')
          .map((p) => ({ part: p.part, message: `缺少第${'一二三四五六'[p.part - 1]}部分「${p.title}」。` }))
      : [],
});
