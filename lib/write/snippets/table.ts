import type { ColumnDef, RowDef, SectionDef, TableDef } from '../../format/schema';
import { cellKey } from '../../check/rules';

/** A printed cell; rows of a grid hold only the cells that start in them, as HTML does. */
export interface GridCell {
  text: string;
  rowspan?: number;
  colspan?: number;
}
export type Grid = GridCell[][];

/** Values by cellKey(row, column); absent cells print blank. */
export type TableValues = ReadonlyMap<string, number>;

const ancestors = (rows: readonly RowDef[], row: RowDef): RowDef[] => {
  const parent = row.parent ? rows.find((r) => r.id === row.parent) : undefined;
  return parent ? [...ancestors(rows, parent), parent] : [];
};

/**
 * The column headers of a section, top to bottom: a column's group, then its subgroup, then its own
 * label, which reaches down to the last header row (自然人 beside 法人或其他组织's five columns).
 * `extra` widens the last column so a narrow section fills the table's width.
 */
function columnHeaders(columns: readonly ColumnDef[], extra: number): Grid {
  const paths = columns.map((c) => [c.group, c.subgroup, c.label].filter((x): x is string => x !== undefined));
  const height = Math.max(...paths.map((p) => p.length));
  const rows: Grid = [];
  for (let level = 0; level < height; level++) {
    const cells: GridCell[] = [];
    for (let i = 0; i < paths.length; i++) {
      const path = paths[i]!;
      if (level >= path.length) continue;
      const width = (j: number) => 1 + (j === paths.length - 1 ? extra : 0);
      if (level === path.length - 1) {
        cells.push({ text: path[level]!, rowspan: height - level, colspan: width(i) });
        continue;
      }
      // Neighbours under the same heading share one merged cell.
      const same = (j: number) =>
        paths[j] !== undefined &&
        paths[j]!.length - 1 > level &&
        paths[j]!.slice(0, level + 1).join('\u0000') === path.slice(0, level + 1).join('\u0000');
      if (i > 0 && same(i - 1)) continue;
      let span = 0;
      for (let j = i; same(j); j++) span += width(j);
      cells.push({ text: path[level]!, colspan: span });
    }
    rows.push(cells);
  }
  return rows;
}

const formatNumber = (n: number) => String(Math.round(n * 1e6) / 1e6);

/**
 * The table laid out as the official format prints it, from the format data: section header rows
 * (第二十条第（X）项), the corner cell (the 勾稽关系 note or 信息内容), merged column headers, and row
 * labels over several columns where rows nest (三、本年度办理结果 beside all its sub-rows). A table
 * with no label header (the review table's single row) prints no label column.
 */
export function tableGrid(def: TableDef, values?: TableValues): Grid {
  const allRows = def.sections.flatMap((s) => s.rows);
  const labelled = def.labelHeader !== undefined;
  const depth = (r: RowDef) => ancestors(allRows, r).length;
  const labelColumns = labelled ? 1 + Math.max(...allRows.map(depth)) : 0;
  const numberColumns = Math.max(...def.sections.map((s) => s.columns.length));
  const width = labelColumns + numberColumns;
  const grid: Grid = [];
  for (const section of def.sections) {
    if (section.label) grid.push([{ text: section.label, colspan: width }]);
    grid.push(...sectionHeader(def, section, labelColumns, numberColumns));
    grid.push(...sectionBody(section, allRows, labelColumns, numberColumns, values));
  }
  return grid;
}

function sectionHeader(def: TableDef, section: SectionDef, labelColumns: number, numberColumns: number): Grid {
  const extra = numberColumns - section.columns.length;
  const headers = columnHeaders(section.columns, extra);
  // With a note, the corner holds it and the label header (申请人情况) spans the number columns above their headers.
  if (def.note) headers.unshift([{ text: def.labelHeader ?? '', colspan: numberColumns }]);
  if (labelColumns > 0)
    headers[0]!.unshift({ text: def.note ?? def.labelHeader ?? '', rowspan: headers.length, colspan: labelColumns });
  return headers;
}

function sectionBody(
  section: SectionDef,
  allRows: readonly RowDef[],
  labelColumns: number,
  numberColumns: number,
  values?: TableValues,
): Grid {
  const numberRows = section.rows.filter((r) => !r.group);
  const under = (a: RowDef) => numberRows.filter((r) => ancestors(allRows, r).includes(a));
  const extra = numberColumns - section.columns.length;
  return numberRows.map((row) => {
    const cells: GridCell[] = [];
    if (labelColumns > 0) {
      const chain = ancestors(allRows, row);
      for (const a of chain) if (under(a)[0] === row) cells.push({ text: a.label, rowspan: under(a).length });
      cells.push({ text: row.label, colspan: labelColumns - chain.length });
    }
    section.columns.forEach((c, i) => {
      const v = values?.get(cellKey(row.id, c.id));
      cells.push({
        text: v === undefined ? '' : formatNumber(v),
        colspan: 1 + (i === section.columns.length - 1 ? extra : 0),
      });
    });
    return cells;
  });
}

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** Plain attributes only: CMS filters keep border, cellspacing, cellpadding, rowspan and colspan. */
export function gridHtml(grid: Grid): string {
  const cell = (c: GridCell) => {
    const span = `${(c.rowspan ?? 1) > 1 ? ` rowspan="${c.rowspan}"` : ''}${(c.colspan ?? 1) > 1 ? ` colspan="${c.colspan}"` : ''}`;
    return `<td${span}>${escapeHtml(c.text)}</td>`;
  };
  const rows = grid.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('');
  return `<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse"><tbody>${rows}</tbody></table>`;
}

/** Tab-separated rows with every merged cell written once, in its first row and column. */
export function gridText(grid: Grid): string {
  const taken: boolean[][] = [];
  const lines: string[] = [];
  grid.forEach((row, y) => {
    const line: string[] = [];
    let x = 0;
    for (const c of row) {
      while (taken[y]?.[x]) line[x++] = '';
      for (let dy = 0; dy < (c.rowspan ?? 1); dy++)
        for (let dx = 0; dx < (c.colspan ?? 1); dx++) (taken[y + dy] ??= [])[x + dx] = true;
      for (let dx = 0; dx < (c.colspan ?? 1); dx++) line[x++] = dx === 0 ? c.text : '';
    }
    while (taken[y]?.[x]) line[x++] = '';
    lines.push(line.join('\t'));
  });
  return lines.join('\n');
}
