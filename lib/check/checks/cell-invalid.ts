import { columnLabel, rowLabel } from '../analysis';
import { chineseNumber } from '../../read/tokens';
import { compactLabel } from '../../read/text';
import { defineCheck } from './check';

/** More invalid cells than this in one table are one finding naming them all. */
const GROUP = 5;

export default defineCheck({
  code: 'cell-invalid',
  severity: 'warning',
  description: '统计表中写了文字、小数或负数等无效内容的单元格',
  run: (a) => {
    const out = [];
    for (const t of a.tables.values()) {
      if (t.status !== 'ok') continue;
      const invalid = t.cells.filter((c) => c.status === 'invalid');
      if (invalid.length > GROUP) {
        out.push({
          table: t.id,
          message: `「${t.def.title}」表有 ${invalid.length} 格不是有效的数字（如“${invalid[0]!.raw}”），请改为阿拉伯数字，没有数据填 0，不适用填“—”。`,
          start: invalid[0]!.start,
          end: invalid[0]!.end,
          cells: invalid.map(({ row, column, start, end }) => ({ row, column, start, end })),
        });
        continue;
      }
      for (const c of invalid) {
        const col = t.def.sections.flatMap((s) => s.columns).find((x) => x.id === c.column)!;
        const want = col.money ? '数字' : col.signed ? '整数' : '非负整数';
        // A numeral with a unit after it (十三件) is read as text, not as a cell: no unit to drop here.
        const chinese = chineseNumber(compactLabel(c.raw));
        const where = `「${t.def.title}」表「${rowLabel(t.def, c.row)}」行「${columnLabel(t.def, c.column)}」列`;
        out.push({
          table: t.id,
          row: c.row,
          column: c.column,
          actual: c.value,
          message:
            chinese !== null
              ? `${where}写的是“${c.raw}”，已按 ${chinese} 计算，请改用阿拉伯数字 ${chinese}。`
              : `${where}“${c.raw}”不是有效的数字，应填${want}（没有数据请填 0，不适用填“—”）。`,
          start: c.start,
          end: c.end,
        });
      }
    }
    return out;
  },
});
