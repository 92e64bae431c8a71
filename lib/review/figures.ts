import type { ReportJson, TableId } from '../check/report';

/** The figures reviewers compare across units; null where the report's table does not give them. */
export interface Figures {
  /** 本年新收政府信息公开申请数量, 总计. */
  received: number | null;
  /** （一）予以公开 over （七）总计 of the year's results, 0–1. */
  grantedShare: number | null;
  /** 行政复议 总计. */
  reconsideration: number | null;
  /** 行政诉讼 总计: 未经复议直接起诉 and 复议后起诉. */
  litigation: number | null;
  /** 结果纠正 in 行政复议 and both kinds of 行政诉讼. */
  corrected: number | null;
}

export function figures(r: ReportJson): Figures {
  const value = (table: TableId, row: string, column: string) =>
    r.tables.find((t) => t.table === table)?.cells?.find((c) => c.row === row && c.column === column)?.value ?? null;
  const sum = (table: TableId, row: string, columns: string[]) => {
    const values = columns.map((c) => value(table, row, c));
    return values.every((v) => v === null) ? null : values.reduce<number>((n, v) => n + (v ?? 0), 0);
  };
  const granted = value('requests', 'granted', 'total');
  const handled = value('requests', 'total', 'total');
  return {
    received: value('requests', 'new', 'total'),
    grantedShare: granted !== null && handled ? granted / handled : null,
    reconsideration: value('review', 'count', 'review.total'),
    litigation: sum('review', 'count', ['direct.total', 'after.total']),
    corrected: sum('review', 'count', ['review.corrected', 'direct.corrected', 'after.corrected']),
  };
}
