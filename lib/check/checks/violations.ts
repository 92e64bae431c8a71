import type { Analysis } from '../analysis';
import type { ReadTable } from '../../read/tables';
import { cellKey, cellsByKey, type Violation } from '../rules';
import type { Draft } from './check';

/** Findings for the rule outcomes of one kind, each pointing at its cell. */
export function violationFindings(
  a: Analysis,
  code: Violation['rule']['code'],
  message: (t: ReadTable, v: Violation) => string,
): Draft[] {
  const out: Draft[] = [];
  for (const [id, violations] of a.violations) {
    const t = a.tables.get(id)!;
    const cells = cellsByKey(t.cells);
    for (const v of violations) {
      if (v.blankTotal || v.rule.code !== code) continue;
      const cell = cells.get(cellKey(v.row, v.column));
      out.push({
        table: id,
        row: v.row,
        column: v.column,
        rule: v.rule.id,
        expected: v.expected,
        actual: v.actual,
        message: message(t, v),
        start: cell?.start,
        end: cell?.end,
      });
    }
  }
  return out;
}
