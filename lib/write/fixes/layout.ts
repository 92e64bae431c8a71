import type { CellResult } from '../../check/report';
import { cellKey } from '../../check/rules';
import { formatById } from '../../format';
import type { FormatDef, TableId } from '../../format/schema';
import { numberCells, tableDef } from '../filler';
import { readTableOf } from './derived';
import type { FixFor } from './types';

/**
 * The values of a table read in one layout, carried into another: each cell whose row and column
 * the new layout also has keeps its value; the rest of the new layout is left blank and named.
 */
export function carry(
  to: FormatDef,
  table: TableId,
  cells: readonly Pick<CellResult, 'row' | 'column' | 'value'>[],
): { values: Map<string, number>; toFill: string[] } {
  const have = new Map(cells.filter((c) => c.value !== null).map((c) => [cellKey(c.row, c.column), c.value!]));
  const values = new Map<string, number>();
  const filled = new Set<string>();
  for (const c of numberCells(tableDef(to, table))) {
    const v = have.get(c.key);
    if (v === undefined) continue;
    values.set(c.key, v);
    filled.add(c.row.id);
  }
  const toFill = numberCells(tableDef(to, table))
    .filter((c) => !filled.has(c.row.id))
    .map((c) => c.row.label)
    .filter((label, i, all) => all.indexOf(label) === i);
  return { values, toFill };
}

const short = (label: string) => (label.length > 14 ? `${label.slice(0, 13)}…` : label);

/**
 * table-format: the table is laid out anew as the report year's format prints it (a 2019 table in
 * a 2021 report, or table 三 with the single （六）其他处理 row), carrying every value with a
 * counterpart; the rows it could not carry stay blank and the preview lists them as to fill.
 */
export const layoutFix: FixFor = (checked, finding) => {
  const t = readTableOf(checked, finding);
  const expected = checked.expectedFormat;
  if (!t || (expected !== '2019' && expected !== '2021')) return null;
  const to = formatById(expected);
  const { values, toFill } = carry(to, t.table, t.cells);
  const from = formatById(t.format as '2019' | '2021');
  return {
    changes: [{ kind: 'layout', table: t.table, to: to.id }],
    preview:
      `「${tableDef(to, t.table).title}」表：${from.name} → ${to.name}（带入 ${values.size} 个数` +
      (toFill.length ? `；待填：${toFill.map(short).join('、')}）` : '）'),
  };
};
