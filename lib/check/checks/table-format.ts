import type { TableDef } from '../../format/schema';
import { rowLabel } from '../analysis';
import { defineCheck } from './check';

const labels = (def: TableDef) => [
  ...def.sections.flatMap((s) => s.rows.filter((r) => !r.group).map((r) => `${r.label}`)),
  ...def.sections.flatMap((s) => s.columns.map((c) => c.label)),
];

/** What the layout read lacks of the required one, and what it has that the required one dropped. */
function difference(read: TableDef, wanted: TableDef): string {
  const have = new Set(labels(read));
  const want = new Set(labels(wanted));
  const lacking = [...want].filter((l) => !have.has(l));
  const extra = [...have].filter((l) => !want.has(l));
  return [
    lacking.length ? `缺少${lacking.map((l) => `「${l}」`).join('')}` : '',
    extra.length ? `多出${extra.map((l) => `「${l}」`).join('')}` : '',
  ]
    .filter(Boolean)
    .join('，');
}

export default defineCheck({
  code: 'table-format',
  severity: 'error',
  description: '统计表的格式与报告年度要求的格式不一致',
  needsYear: true,
  run: (a) => {
    const out = [];
    for (const t of a.tables.values()) {
      if (t.status !== 'ok') continue;
      const wanted = a.expected?.tables.find((d) => d.id === t.id);
      if (wanted && a.expected && t.format.id !== a.expected.id) {
        const diff = difference(t.def, wanted);
        if (diff) {
          out.push({
            table: t.id,
            message: `「${t.def.title}」表是${t.format.name}（${t.format.basis}）的表，${a.year}年度报告应使用${a.expected.name}（${a.expected.basis}）：${diff}。`,
            start: t.start,
          });
        }
      }
      if (t.absent.length) {
        out.push({
          table: t.id,
          row: t.absent[0],
          message: `「${t.def.title}」表缺少以下行：${t.absent.map((r) => rowLabel(t.def, r)).join('、')}。`,
          start: t.start,
        });
      }
    }
    return out;
  },
});
