import { columnLabel, rowLabel } from '../analysis';
import { compactIndexAt } from '../../read/doc';
import { cellKey, leavesOf } from '../rules';
import { defineCheck } from './check';

const patterns = new Map<string, RegExp>();
const compiled = (source: string) => patterns.get(source) ?? patterns.set(source, new RegExp(source, 'g')).get(source)!;

export default defineCheck({
  code: 'text-table-mismatch',
  severity: 'warning',
  description: '正文中的数字与统计表不一致',
  needsYear: true,
  run: (a) => {
    const c = a.doc.compact;
    const regions = [...a.tables.values()]
      .filter((t) => t.start !== undefined && t.end !== undefined)
      .map((t) => [compactIndexAt(c, t.start!), compactIndexAt(c, t.end!)] as const);
    const inTable = (i: number) => regions.some(([s, e]) => i >= s && i < e);
    const out = [];
    const byTable = new Map(
      [...a.tables.values()].map((t) => [t.id, new Map(t.cells.map((x) => [cellKey(x.row, x.column), x]))]),
    );
    for (const claim of a.expected?.textClaims ?? []) {
      const t = a.tables.get(claim.table);
      if (t?.status !== 'ok') continue;
      const cells = byTable.get(t.id)!;
      const leaves = claim.rows.flatMap((r) => leavesOf(t.def, r));
      const values = leaves.map((r) => cells.get(cellKey(r, claim.column))?.value);
      if (!leaves.length || values.some((v) => v === null || v === undefined)) continue;
      const inTableValue = values.reduce<number>((s, v) => s + v!, 0);
      for (const m of c.text.matchAll(compiled(claim.pattern))) {
        if (inTable(m.index)) continue;
        const said = m[1] === undefined ? 0 : Number(m[1]);
        if (said === inTableValue) continue;
        const where = `「${t.def.title}」表「${claim.rows.map((r) => rowLabel(t.def, r)).join('、')}」行「${columnLabel(t.def, claim.column)}」列`;
        out.push({
          table: t.id,
          row: claim.rows[0],
          column: claim.column,
          expected: inTableValue,
          actual: said,
          message:
            m[1] === undefined
              ? `正文说“${m[0]}”，但${where}为 ${inTableValue}。`
              : `${claim.label}为 ${said}（“${m[0]}”），但${where}为 ${inTableValue}。`,
          start: c.map[m.index],
          end: c.map[m.index + m[0].length - 1]! + 1,
        });
      }
    }
    return out;
  },
});
