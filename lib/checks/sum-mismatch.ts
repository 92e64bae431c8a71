import { columnLabel, rowLabel } from '../analysis';
import { cellKey } from '../rules';
import { defineCheck } from './check';

const fmt = (n: number) => String(Math.round(n * 1e6) / 1e6);

export default defineCheck({
  code: 'sum-mismatch',
  severity: 'error',
  description: '统计表的勾稽关系（合计、总计）不成立',
  run: (a) => {
    const out = [];
    for (const [id, violations] of a.violations) {
      const t = a.tables.get(id)!;
      const cells = new Map(t.cells.map((c) => [cellKey(c.row, c.column), c]));
      for (const v of violations) {
        if (v.blankTotal || v.rule.code !== 'sum-mismatch') continue;
        const cell = cells.get(cellKey(v.row, v.column));
        out.push({
          table: id,
          row: v.row,
          column: v.column,
          rule: v.rule.id,
          expected: v.expected,
          actual: v.actual,
          message: `「${t.def.title}」表「${rowLabel(t.def, v.row)}」行「${columnLabel(t.def, v.column)}」列：${v.rule.label}，应为 ${fmt(v.expected)}，表中为 ${v.actual === null ? '空' : fmt(v.actual)}。`,
          start: cell?.start,
          end: cell?.end,
        });
      }
    }
    return out;
  },
});
