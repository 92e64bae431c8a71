import { defineCheck } from './check';

const CN = '一二三四五六七八九十';
const partList = (parts: number[]) => `第${parts.map((p) => CN[p - 1]).join('、')}部分`;

export default defineCheck({
  code: 'template-text',
  severity: 'warning',
  description: '仍是插入骨架时的模板文字、占位符或空的小标题',
  run: (a) => {
    const readings = [...a.contents.values()];
    const out = [];
    const template = readings.filter((r) => r.content === 'template');
    if (template.length) {
      const first = template.find((r) => r.template) ?? template[0]!;
      const at = first.template ?? first.bare[0] ?? first.placeholders[0];
      out.push({
        part: template.length === 1 ? template[0]!.part : undefined,
        message: `${partList(template.map((r) => r.part))}仍只有模板文字，请改写为本单位${a.year ?? '本'}年度的实际情况。`,
        start: at?.start,
        end: at?.end,
      });
    }
    // In parts written otherwise: what the skeleton left behind.
    const written = readings.filter((r) => r.content === 'own');
    const placeholders = written.flatMap((r) => r.placeholders.map((p) => ({ ...p, part: r.part })));
    if (placeholders.length) {
      const words = [...new Set(placeholders.map((p) => `“${p.text}”`))].join('');
      out.push({
        part: placeholders[0]!.part,
        message: `正文还有占位文字${words}（${placeholders.length} 处），请换成实际名称。`,
        start: placeholders[0]!.start,
        end: placeholders[0]!.end,
      });
    }
    const bare = written.flatMap((r) => r.bare.map((b) => ({ ...b, part: r.part })));
    if (bare.length) {
      out.push({
        part: bare[0]!.part,
        message: `小标题${bare
          .slice(0, 5)
          .map((b) => `「${b.text}」`)
          .join('')}${bare.length > 5 ? `等 ${bare.length} 个` : ''}下面还没有内容。`,
        start: bare[0]!.start,
        end: bare[0]!.end,
      });
    }
    return out;
  },
});
