import { columnLabel, rowLabel } from '../analysis';
import { defineCheck } from './check';
import { violationFindings } from './violations';

const LEVEL_NAMES = {
  township: '乡镇（街道）',
  county: '县（区）',
  city: '市',
  province: '省',
  department: '部门',
  unknown: '',
} as const;

export default defineCheck({
  code: 'value-implausible',
  severity: 'warning',
  description: '不合常理的数字（如对外公开总数量少于本年新公开数量、乡镇填报规章）',
  run: (a) => {
    const out = violationFindings(
      a,
      'value-implausible',
      (t, v) =>
        `「${t.def.title}」表「${rowLabel(t.def, v.row)}」行：${v.rule.label}（「${columnLabel(t.def, v.column)}」为 ${v.actual}，对照值为 ${v.expected}）。`,
    );
    for (const rule of a.expected?.levelRules ?? []) {
      const t = a.tables.get(rule.table);
      if (t?.status !== 'ok' || !rule.levels.includes(a.meta.level)) continue;
      const cells = t.cells.filter((c) => c.row === rule.row && (c.value ?? 0) > 0);
      if (!cells.length) continue;
      out.push({
        table: t.id,
        row: rule.row,
        column: cells[0]!.column,
        actual: cells[0]!.value,
        message: `${a.meta.unit ?? '本单位'}是${LEVEL_NAMES[a.meta.level]}，却在「${rowLabel(t.def, rule.row)}」行填了数字：${rule.label}，请核实（通常应为 0）。`,
        start: cells[0]!.start,
        end: cells[0]!.end,
      });
    }
    return out;
  },
});
