import type { ReportJson } from '../../lib/check/report';

/**
 * What a reader of a report sees, without the offsets that differ between a page, a text and a file
 * made from them: year, unit, format, the parts, every table cell, every finding in its place.
 */
export function sameReading(r: ReportJson) {
  return {
    year: r.year,
    unit: r.unit,
    format: r.format,
    parts: r.parts.map((p) => [p.part, p.status]),
    tables: r.tables.map((t) => ({
      table: t.table,
      status: t.status,
      format: t.format,
      cells: (t.cells ?? []).map((c) => [c.row, c.column, c.value]),
    })),
    findings: r.findings
      .map((f) =>
        [f.code, f.severity, f.part ?? null, f.table ?? null, f.row ?? null, f.column ?? null, f.message].join('|'),
      )
      .sort(),
  };
}
