import { demandsStructure } from '../analysis';
import { defineCheck } from './check';
import { imageInPart } from './table-missing';

export default defineCheck({
  code: 'table-image',
  severity: 'error',
  description: '统计表以图片形式发布，无法阅读和核对',
  needsYear: true,
  run: (a) => {
    if (!demandsStructure(a) || !a.expected) return [];
    return a.expected.tables.flatMap((def) => {
      if ((a.tables.get(def.id)?.status ?? 'missing') === 'ok') return [];
      const at = imageInPart(a, def.part);
      return at === undefined
        ? []
        : [
            {
              table: def.id,
              part: def.part,
              message: `「${def.title}」表只有图片，读者和检查工具都无法读取，请改为文字表格。`,
              start: at,
              end: at + 1,
            },
          ];
    });
  },
});
