import { formats } from '../../lib/format';
import type { ColumnDef, SectionDef, TableDef } from '../../lib/format/schema';
import type { CellResult, Finding, Severity, TableResult } from '../../lib/check/report';
import { tableName } from './Progress';
import { t } from './t';

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

interface Mark {
  severity: Severity;
  finding: Finding;
}

/** Whether a finding points at this cell: by the cells it stands for (a grouped finding), else by row and column. */
const names = (f: Finding, row: string, column: string) =>
  f.cells
    ? f.cells.some((c) => c.row === row && c.column === column)
    : (f.row === undefined || f.row === row) && (f.column === undefined || f.column === column);

/** Findings that name a cell, a row or a column of this table, by the cell they point at. */
function marksOf(table: TableResult['table'], findings: Finding[]): (row: string, column: string) => Mark | undefined {
  const named = findings.filter(
    (f) => f.table === table && (f.cells?.length || f.row !== undefined || f.column !== undefined),
  );
  return (row, column) => {
    let best: Mark | undefined;
    for (const f of named) {
      if (names(f, row, column) && (!best || RANK[f.severity] > RANK[best.severity]))
        best = { severity: f.severity, finding: f };
    }
    return best;
  };
}

type Pick = (start: number, end: number) => void;

function Cell({
  cell,
  mark,
  onPick,
  row,
  column,
}: {
  cell?: CellResult;
  mark?: Mark;
  onPick: Pick;
  row: string;
  column: string;
}) {
  const text = cell ? (cell.value !== null ? String(cell.value) : cell.raw) : '';
  // A grouped finding jumps to its first cell: this cell is the place to go.
  const where = mark?.finding.start !== undefined && !mark.finding.cells ? mark.finding : cell;
  const cls = [
    'cell',
    mark ? `bad ${mark.severity}` : '',
    cell?.status === 'invalid' || cell?.status === 'blank' ? 'odd' : '',
    // Still to fill, not wrong: marked softly.
    !cell || cell.status === 'blank' || cell.status === 'missing' ? 'blank' : '',
  ]
    .join(' ')
    .trim();
  const title = mark ? mark.finding.message : undefined;
  return (
    <td class={cls} data-row={row} data-column={column} data-mark={mark?.severity} title={title}>
      {where?.start !== undefined ? (
        <button type="button" onClick={() => onPick(where.start!, where.end ?? where.start! + 1)}>
          {text || '·'}
        </button>
      ) : (
        text
      )}
    </td>
  );
}

/** A row label without its long remark: （二）部分公开（区分处理的，只计这一情形…） → （二）部分公开. */
export const shortLabel = (label: string) => label.replace(/（[^）]{6,}）$/, '');

function depth(section: SectionDef, id: string): number {
  const parent = section.rows.find((r) => r.id === id)?.parent;
  return parent ? 1 + depth(section, parent) : 0;
}

/** Columns in groups (复议 / 诉讼 …) of a one-row section: shown as rows, one per group, to stay narrow. */
function columnGroups(section: SectionDef): ColumnDef[][] {
  const groups = new Map<string, ColumnDef[]>();
  for (const c of section.columns) {
    const key = `${c.group ?? ''}${c.subgroup ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups.values()];
}

function Section({
  table,
  section,
  cells,
  mark,
  onPick,
}: {
  table: TableDef;
  section: SectionDef;
  cells: Map<string, CellResult>;
  mark: ReturnType<typeof marksOf>;
  onPick: Pick;
}) {
  const get = (row: string, column: string) => cells.get(`${row}|${column}`);
  const transposed = section.rows.length === 1 && section.columns.some((c) => c.group);
  if (transposed) {
    const row = section.rows[0]!;
    const groups = columnGroups(section);
    return (
      <table class="grid" data-table={table.id} data-section={section.id}>
        <thead>
          <tr>
            <th class="label">
              <span class="sr-only">{t('rowHeader')}</span>
            </th>
            {groups[0]!.map((c) => (
              <th key={c.id} title={c.label}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g[0]!.id}>
              <th class="label" title={[g[0]!.group, g[0]!.subgroup].filter(Boolean).join(' · ')}>
                {g[0]!.subgroup ?? g[0]!.group}
              </th>
              {g.map((c) => (
                <Cell
                  key={c.id}
                  cell={get(row.id, c.id)}
                  mark={mark(row.id, c.id)}
                  onPick={onPick}
                  row={row.id}
                  column={c.id}
                />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  return (
    <table class="grid" data-table={table.id} data-section={section.id}>
      {section.label ? <caption>{section.label}</caption> : null}
      <thead>
        <tr>
          <th class="label">{table.labelHeader ?? <span class="sr-only">{t('rowHeader')}</span>}</th>
          {section.columns.map((c) => (
            <th key={c.id} title={c.label}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {section.rows.map((r) => (
          <tr key={r.id} class={r.group ? 'group-row' : undefined} data-row={r.id}>
            <th class="label" title={r.label} style={{ paddingLeft: `${2 + depth(section, r.id) * 8}px` }}>
              {shortLabel(r.label)}
            </th>
            {r.group ? (
              <td colSpan={section.columns.length} />
            ) : (
              section.columns.map((c) => (
                <Cell
                  key={c.id}
                  cell={get(r.id, c.id)}
                  mark={mark(r.id, c.id)}
                  onPick={onPick}
                  row={r.id}
                  column={c.id}
                />
              ))
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function tableDef(result: TableResult): TableDef | undefined {
  return formats.find((f) => f.id === result.format)?.tables.find((d) => d.id === result.table);
}

/** The three tables as compact grids built from the format data, each failing cell marked. */
export function Tables({ tables, findings, onPick }: { tables: TableResult[]; findings: Finding[]; onPick: Pick }) {
  return (
    <section class="tables" aria-labelledby="tables-title">
      <h2 id="tables-title">{t('tablesTitle')}</h2>
      {tables.map((result) => {
        const def = tableDef(result);
        const cells = new Map((result.cells ?? []).map((c) => [`${c.row}|${c.column}`, c]));
        const mark = marksOf(result.table, findings);
        const title = tableName(result.table, result.format);
        return (
          <div
            class={`table ${result.status}`}
            key={result.table}
            data-table={result.table}
            data-status={result.status}
          >
            <h3>{title}</h3>
            {result.status === 'missing' ? <p class="note">{t('tableMissing')}</p> : null}
            {result.status === 'unrecognized' || (!def && result.status !== 'missing') ? (
              <p class="note">{t('tableUnrecognized')}</p>
            ) : null}
            {def && result.status !== 'missing'
              ? def.sections.map((s) => (
                  <Section key={s.id} table={def} section={s} cells={cells} mark={mark} onPick={onPick} />
                ))
              : null}
          </div>
        );
      })}
    </section>
  );
}
