import type { ReadCell, ReadTable } from '../../read/tables';
import { columnLabel, rowLabel } from '../analysis';
import { defineCheck } from './check';

const unfilled = (c: ReadCell) => c.status === 'blank' || c.status === 'missing';

/** The one column (or row) all of a table's blank cells lie in, when the whole of it is blank: 总计列未填写. */
function wholeLine(t: ReadTable, blank: ReadCell[]): string | null {
  for (const key of ['column', 'row'] as const) {
    const id = blank[0]![key];
    if (!blank.every((c) => c[key] === id)) continue;
    if (!t.cells.filter((c) => c[key] === id).every(unfilled)) continue;
    return key === 'column' ? `「${columnLabel(t.def, id)}」列` : `「${rowLabel(t.def, id)}」行`;
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
      // A single blank total: the value its rule gives.
      const expected =
        blank.length === 1
          ? a.violations
              .get(t.id)
              ?.find((v) => v.blankTotal && v.row === blank[0]!.row && v.column === blank[0]!.column)?.expected
          : undefined;
      const line = blank.length > 1 ? wholeLine(t, blank) : null;
      out.push({
        table: t.id,
        row: blank.length === 1 ? blank[0]!.row : undefined,
        column: blank.length === 1 ? blank[0]!.column : undefined,
        expected,
        message: line
          ? `「${t.def.title}」表${line}未填写（共 ${blank.length} 格），请按勾稽关系填上。`
          : blank.length === 1
            ? `「${t.def.title}」表「${rowLabel(t.def, blank[0]!.row)}」行「${columnLabel(t.def, blank[0]!.column)}」列尚未填写${expected !== undefined ? `（按勾稽关系应为 ${expected}）。` : '（没有数据请填 0，不适用可填“—”）。'}`
            : `「${t.def.title}」表尚有 ${blank.length} 格未填（没有数据请填 0，不适用可填“—”）。`,
        start: first?.start,
        end: first?.end,
        cells: blank.map(({ row, column, start, end }) => ({ row, column, start, end })),
      });
    }
    return out;
  },
});
