import { columnLabel, rowLabel } from '../analysis';
import { cellKey } from '../rules';
import { defineCheck } from './check';

const WHY = { blank: '为空或写作“—”“/”“无”', invalid: '不是有效的数字', missing: '缺少这一格' } as const;

export default defineCheck({
  code: 'cell-invalid',
  severity: 'warning',
  description: '统计表中不是非负数字的单元格',
  run: (a) => {
    const out = [];
    for (const t of a.tables.values()) {
      if (t.status !== 'ok') continue;
      const should = new Map(
        (a.violations.get(t.id) ?? []).filter((v) => v.blankTotal).map((v) => [cellKey(v.row, v.column), v.expected]),
      );
      for (const c of t.cells) {
        if (c.status === 'ok') continue;
        const expected = should.get(cellKey(c.row, c.column));
        const col = t.def.sections.flatMap((s) => s.columns).find((x) => x.id === c.column);
        const want = col?.money ? '数字' : col?.signed ? '整数' : '非负整数';
        out.push({
          table: t.id,
          row: c.row,
          column: c.column,
          expected,
          actual: c.value,
          message:
            `「${t.def.title}」表「${rowLabel(t.def, c.row)}」行「${columnLabel(t.def, c.column)}」列${c.raw ? `“${c.raw}”` : ''}${WHY[c.status]}，应填${want}` +
            (expected !== undefined ? `（按勾稽关系应为 ${expected}）。` : '（没有数据请填 0）。'),
          start: c.start,
          end: c.end,
        });
      }
    }
    return out;
  },
});
