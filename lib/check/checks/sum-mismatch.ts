import { columnLabel, rowLabel } from '../analysis';
import { defineCheck } from './check';
import { violationFindings } from './violations';

const fmt = (n: number) => String(Math.round(n * 1e6) / 1e6);

export default defineCheck({
  code: 'sum-mismatch',
  severity: 'error',
  description: '统计表的勾稽关系（合计、总计）不成立',
  run: (a) =>
    // A blank total (no actual value) is never a mismatch: violationFindings leaves those to cells-blank.
    violationFindings(
      a,
      'sum-mismatch',
      (t, v) =>
        `「${t.def.title}」表「${rowLabel(t.def, v.row)}」行「${columnLabel(t.def, v.column)}」列：${v.rule.label}，应为 ${fmt(v.expected)}，表中为 ${fmt(v.actual!)}。`,
    ),
});
