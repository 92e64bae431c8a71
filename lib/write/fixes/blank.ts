import { cellKey } from '../../check/rules';
import { formatById } from '../../format';
import { derivations, fillTable, tableDef } from '../filler';
import { cellWrite, readTableOf } from './derived';
import type { CellWrite, FixFor } from './types';

/**
 * cells-blank (one finding per table), and cell-invalid on a blank cell: the table's blank cells
 * filled in one action — the cells the clerk types with 0, the blank totals with the value the
 * format's rules give once those are 0. A cell that holds something else (减4, 1.5 in a count) has
 * no unambiguous mend; nor has a total whose leaves are not all numbers; nor has a table the clerk
 * has not begun (no number typed in it): there a blank means "not yet", not "none".
 */
export const blankFix: FixFor = (checked, finding) => {
  const t = readTableOf(checked, finding);
  if (!t) return null;
  const own = t.cells.find((c) => c.row === finding.row && c.column === finding.column);
  if (own && own.status !== 'blank') return null;
  const format = formatById(t.format as '2019' | '2021');
  const derived = derivations(format, t.table);
  const key = (c: { row: string; column: string }) => cellKey(c.row, c.column);
  if (!t.cells.some((c) => c.status === 'ok' && !derived.has(key(c)))) return null;
  const typed = new Map(
    t.cells.filter((c) => !derived.has(key(c))).map((c) => [key(c), c.value === null ? '' : String(c.value)]),
  );
  const filled = fillTable(format, t.table, typed);
  const writes: CellWrite[] = [];
  for (const c of t.cells) {
    if (c.status !== 'blank') continue;
    const value = derived.has(key(c)) ? (filled.errors.size ? undefined : filled.values.get(key(c))) : 0;
    const w = value === undefined ? null : cellWrite(c, value);
    if (w) writes.push(w);
  }
  if (!writes.length) return null;
  const totals = writes.filter((w) => derived.has(key(w))).length;
  return {
    changes: [{ kind: 'cells', table: t.table, cells: writes }],
    preview:
      `「${tableDef(format, t.table).title}」表 ${writes.length - totals} 个空白单元格：空 → 0` +
      (totals ? `，${totals} 个空白合计格按勾稽关系填上` : ''),
  };
};
