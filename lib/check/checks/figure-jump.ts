import { columnLabel, rowLabel } from '../analysis';
import { defineCheck, type Draft } from './check';

/** A figure this many times last year's (or a fifth of it) is worth a look: a typo, a unit mix-up, or a real change to explain. */
const FACTOR = 5;
/** Below this neither year's figure says much: 1 → 6 applications is no jump. */
const MIN = 20;
/** Per table, the columns compared: the totals where a table repeats one figure across its columns. */
const COMPARED: Record<string, (column: string) => boolean> = {
  active: () => true,
  requests: (c) => c === 'total',
  review: (c) => c.endsWith('.total'),
};

export default defineCheck({
  code: 'figure-jump',
  severity: 'info',
  description: '表中数字与上年相比突增或突减（5 倍以上）',
  run: (a) => {
    if (!a.previous) return [];
    const out: Draft[] = [];
    for (const [id, t] of a.tables) {
      const before = a.previous.tables.find((x) => x.table === id)?.cells;
      if (t.status !== 'ok' || !before?.length) continue;
      const last = new Map(before.map((c) => [`${c.row}\u0000${c.column}`, c.value]));
      for (const cell of t.cells) {
        if (!COMPARED[id]?.(cell.column) || cell.value === null) continue;
        const prev = last.get(`${cell.row}\u0000${cell.column}`);
        if (prev === undefined || prev === null) continue;
        const [small, big] = cell.value < prev ? [cell.value, prev] : [prev, cell.value];
        if (big < MIN || big < FACTOR * Math.max(small, 0)) continue;
        const times = small > 0 ? `约 ${Math.round((big / small) * 10) / 10} 倍` : '从 0 起';
        out.push({
          table: id,
          row: cell.row,
          column: cell.column,
          expected: prev,
          actual: cell.value,
          message: `「${t.def.title}」表「${rowLabel(t.def, cell.row)}」「${columnLabel(t.def, cell.column)}」为 ${cell.value}，上年为 ${prev}（${cell.value > prev ? '增' : '减'}${times === '从 0 起' ? '，上年或本年为 0' : `，${times}`}），请核实。`,
          start: cell.start,
          end: cell.end,
        });
      }
    }
    return out;
  },
});
