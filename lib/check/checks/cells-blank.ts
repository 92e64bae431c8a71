import type { ReadCell, ReadTable } from '../../read/tables';
import { columnLabel, rowLabel } from '../analysis';
import { cellKey } from '../rules';
import { defineCheck } from './check';

const unfilled = (c: ReadCell) => c.status === 'blank' || c.status === 'missing';

/** The one column (or row) all of a table's blank cells lie in: 「总计」列未填写, or 有 N 格未填写. */
function oneLine(t: ReadTable, blank: ReadCell[]): string | null {
  // A table of one row (table 四) is better called by its count.
  if (blank.length === t.cells.length) return null;
  for (const key of ['column', 'row'] as const) {
    const id = blank[0]![key];
    if (!blank.every((c) => c[key] === id)) continue;
    const whole = t.cells.filter((c) => c[key] === id).every(unfilled);
    const name = key === 'column' ? `「${columnLabel(t.def, id)}」列` : `「${rowLabel(t.def, id)}」行`;
    return whole ? `${name}未填写（共 ${blank.length} 格）` : `${name}有 ${blank.length} 格未填写`;
  }
  return null;
}

export default defineCheck({
  code: 'cells-blank',
  severity: 'warning',
  description: '统计表中尚未填写的单元格（每表一条）',
  run: (a) => {
    const out = [];
    for (const t of a.tables.values()) {
      if (t.status !== 'ok') continue;
      const blank = t.cells.filter(unfilled);
      if (!blank.length) continue;
      const first = blank.find((c) => c.start !== undefined);
      // Blank totals: the value each one's rule gives (a single one is named with it).
      const totals = new Map(
        (a.violations.get(t.id) ?? []).filter((v) => v.blankTotal).map((v) => [cellKey(v.row, v.column), v.expected]),
      );
      const expected = blank.length === 1 ? totals.get(cellKey(blank[0]!.row, blank[0]!.column)) : undefined;
      const derivable = blank.every((c) => totals.has(cellKey(c.row, c.column)));
      const advice = derivable ? '，可按勾稽关系算出后填上。' : '（没有数据请填 0，不适用可填“—”）。';
      const line = blank.length > 1 ? oneLine(t, blank) : null;
      out.push({
        table: t.id,
        row: blank.length === 1 ? blank[0]!.row : undefined,
        column: blank.length === 1 ? blank[0]!.column : undefined,
        expected,
        message: line
          ? `「${t.def.title}」表${line}${advice}`
          : blank.length === 1
            ? `「${t.def.title}」表「${rowLabel(t.def, blank[0]!.row)}」行「${columnLabel(t.def, blank[0]!.column)}」列尚未填写${expected !== undefined ? `（按勾稽关系应为 ${expected}）。` : advice}`
            : `「${t.def.title}」表尚有 ${blank.length} 格未填${advice}`,
        start: first?.start,
        end: first?.end,
        cells: blank.map(({ row, column, start, end }) => ({ row, column, start, end })),
      });
    }
    return out;
  },
});
