import type { Checked } from '../../check/engine';
import type { CellResult, Finding, TableResult } from '../../check/report';
import { cellKey } from '../../check/rules';
import { columnLabel, rowLabel } from '../../check/analysis';
import { formatById } from '../../format';
import { derivations, fillTable, tableDef } from '../filler';
import type { CellWrite, FixFor } from './types';

const fmt = (n: number) => String(Math.round(n * 1e6) / 1e6);
const keyOf = (c: { row: string; column: string }) => cellKey(c.row, c.column);

export function readTableOf(checked: Checked, finding: Finding): (TableResult & { cells: CellResult[] }) | null {
  const t = checked.tables.find((x) => x.table === finding.table);
  if (!t?.cells || t.status !== 'ok' || (t.format !== '2019' && t.format !== '2021')) return null;
  return t as TableResult & { cells: CellResult[] };
}

export const cellWrite = (c: CellResult, value: number): CellWrite | null =>
  c.start === undefined || c.end === undefined
    ? null
    : { row: c.row, column: c.column, value, start: c.start, end: c.end, raw: c.raw };

/** One cell's change as the clerk reads it: 「表」「行」行「列」列：旧 → 新. */
export function cellPreview(t: TableResult, w: CellWrite): string {
  const def = tableDef(formatById(t.format as '2019' | '2021'), t.table);
  return `「${def.title}」表「${rowLabel(def, w.row)}」行「${columnLabel(def, w.column)}」列：${w.raw || '空'} → ${fmt(w.value)}`;
}

/**
 * sum-mismatch, and a blank total (cell-invalid on a derived cell): the table's derived cells
 * (totals, （七）总计, 结转下年度 — whatever the format's '=' rules make the filler compute)
 * recomputed from the cells the clerk types, written where they differ. A finding whose cell is
 * no derived cell (both sides of its rule are typed) has no fix; nor has a table with a leaf that
 * is not a number (the sums would guess at it) or a total that would come out negative.
 */
export const derivedFix: FixFor = (checked, finding) => {
  const t = readTableOf(checked, finding);
  if (!t || finding.row === undefined || finding.column === undefined) return null;
  const format = formatById(t.format as '2019' | '2021');
  const derived = derivations(format, t.table);
  if (!derived.has(cellKey(finding.row, finding.column))) return null;
  if (t.cells.some((c) => c.status === 'invalid' && !derived.has(keyOf(c)))) return null;
  const typed = new Map(
    t.cells.filter((c) => !derived.has(keyOf(c))).map((c) => [keyOf(c), c.value === null ? '' : String(c.value)]),
  );
  const filled = fillTable(format, t.table, typed);
  if (filled.errors.size) return null;
  const writes: CellWrite[] = [];
  for (const c of t.cells) {
    const value = filled.values.get(keyOf(c));
    if (!derived.has(keyOf(c)) || value === undefined || c.value === value) continue;
    const w = cellWrite(c, value);
    if (w) writes.push(w);
  }
  // The finding's own cell first; a balance that fails because another total is wrong (四 after a
  // wrong （七）总计) is mended by that total.
  const own = writes.find((w) => w.row === finding.row && w.column === finding.column) ?? writes[0];
  if (!own) return null;
  const more = writes.length - 1;
  return {
    changes: [{ kind: 'cells', table: t.table, cells: writes }],
    preview: cellPreview(t, own) + (more ? `（另有 ${more} 个合计格随之更新）` : ''),
  };
};
