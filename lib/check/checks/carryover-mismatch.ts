import { columnLabel } from '../analysis';
import { defineCheck } from './check';

export default defineCheck({
  code: 'carryover-mismatch',
  severity: 'error',
  description: '上年结转申请数与上年报告的结转下年度数不一致',
  run: (a) => {
    const t = a.tables.get('requests');
    const prev = a.previous?.tables.find((x) => x.table === 'requests')?.cells;
    if (t?.status !== 'ok' || !prev?.length) return [];
    const out = [];
    for (const cell of t.cells.filter((c) => c.row === 'carried')) {
      const before = prev.find((p) => p.row === 'carryover' && p.column === cell.column)?.value;
      if (before === undefined || before === null || cell.value === null || before === cell.value) continue;
      out.push({
        table: 'requests' as const,
        row: 'carried',
        column: cell.column,
        expected: before,
        actual: cell.value,
        message: `「二、上年结转政府信息公开申请数量」「${columnLabel(t.def, cell.column)}」列为 ${cell.value}，但上年报告「四、结转下年度继续办理」为 ${before}。`,
        start: cell.start,
        end: cell.end,
      });
    }
    return out;
  },
});
