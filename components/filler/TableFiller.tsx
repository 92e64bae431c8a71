import type { RefObject } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { fillTable, numberCells, tableDef, type CellError } from '../../lib/write/filler';
import { formatForYear, type ColumnDef, type RowDef, type TableDef, type TableId } from '../../lib/format';
import { cellKey } from '../../lib/check/rules';
import { tableSnippet } from '../../lib/write/snippets';
import { shortLabel } from '../panel/Tables';
import { t, type MessageKey } from '../panel/t';
import './filler.css';

type Send = (html: string, text: string) => undefined | Promise<unknown>;

/** A table as the engine read it from the draft (Checked['tables'][number] fits). */
export interface DraftTable {
  table: TableId;
  cells?: readonly { row: string; column: string; value: number | null }[];
}

export interface TableFillerProps {
  /** The report year: it picks the format. */
  year: number;
  table?: TableId;
  /** Tables read from the draft: their leaf numbers prefill the form. */
  initial?: readonly DraftTable[];
  onInsert: Send;
  /** Absent when there is no draft table to replace. */
  onReplace?: Send;
  onCopy: Send;
}

const errorMessage: Record<CellError, MessageKey> = {
  nonNegativeInteger: 'cellErrorNonNegativeInteger',
  integer: 'cellErrorInteger',
  nonNegativeNumber: 'cellErrorNonNegativeNumber',
  negativeResult: 'cellErrorNegativeResult',
};

const columnName = (c: ColumnDef) => [c.group, c.subgroup, c.label].filter(Boolean).join('·');

/** Leaf values of each table read from the draft, as the strings the inputs hold. */
function prefill(year: number, initial: readonly DraftTable[] = []): Map<TableId, Map<string, string>> {
  const format = formatForYear(year);
  const out = new Map<TableId, Map<string, string>>();
  for (const def of format.tables) {
    const draft = initial.find((d) => d.table === def.id)?.cells ?? [];
    const derived = fillTable(format, def.id, new Map()).derived;
    const leaves = new Set(
      numberCells(def)
        .map((c) => c.key)
        .filter((k) => !derived.has(k)),
    );
    const typed = new Map<string, string>();
    for (const c of draft) {
      const key = cellKey(c.row, c.column);
      if (leaves.has(key) && c.value !== null) typed.set(key, String(c.value));
    }
    out.set(def.id, typed);
  }
  return out;
}

/**
 * The table filler: the clerk types the leaf numbers, every total is computed from the format's
 * rules as they type, and a table with a refused cell cannot leave the form.
 */
export function TableFiller({ year, table: initialTable, initial, onInsert, onReplace, onCopy }: TableFillerProps) {
  const format = formatForYear(year);
  const [table, setTable] = useState<TableId>(
    initialTable && format.tables.some((d) => d.id === initialTable)
      ? initialTable
      : (format.tables[0]?.id ?? 'requests'),
  );
  const [typed, setTyped] = useState(() => prefill(year, initial));
  const [status, setStatus] = useState<{ key: MessageKey; error: boolean } | null>(null);

  if (format.tables.length === 0) return <p class="filler-empty">{t('fillerNoTables', format.name)}</p>;
  const def = tableDef(format, table);
  const current = typed.get(table) ?? new Map<string, string>();
  const filled = fillTable(format, table, current);
  const blocked = filled.errors.size > 0;

  const type = (key: string, value: string) => {
    setStatus(null);
    setTyped(new Map(typed).set(table, new Map(current).set(key, value)));
  };

  const send = (to: Send, done: MessageKey) => {
    if (blocked) return;
    const s = tableSnippet(format, table, filled.values);
    Promise.resolve()
      .then(() => to(s.html, s.text))
      .then(
        () => setStatus({ key: done, error: false }),
        () => setStatus({ key: 'fillerSendFailed', error: true }),
      );
  };

  const cellsByKey = new Map(numberCells(def).map((c) => [c.key, c]));
  const errors = [...filled.errors].map(([key, code]) => ({ key, cell: cellsByKey.get(key)!, code }));

  return (
    <div class="table-filler">
      <p class="filler-format">
        {t('fillerFormat', String(year))}
        <strong>{format.name}</strong>
      </p>
      <label class="filler-pick">
        {t('fillerTable')}
        <select value={table} onChange={(e) => setTable(e.currentTarget.value as TableId)}>
          {format.tables.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title}
            </option>
          ))}
        </select>
      </label>
      <p class="filler-hint">{t('fillerHint')}</p>
      <Form
        def={def}
        typed={current}
        values={filled.values}
        derived={filled.derived}
        errors={filled.errors}
        onType={type}
      />
      {errors.map((e) => (
        <p key={e.key} class="filler-error" role="alert">
          {e.cell.row.label}·{columnName(e.cell.column)}：{t(errorMessage[e.code])}
        </p>
      ))}
      <div class="filler-actions">
        <button type="button" class="primary" disabled={blocked} onClick={() => send(onInsert, 'fillerInserted')}>
          {t('fillerInsert')}
        </button>
        {onReplace ? (
          <button type="button" disabled={blocked} onClick={() => send(onReplace, 'fillerReplaced')}>
            {t('fillerReplace')}
          </button>
        ) : null}
        <button type="button" disabled={blocked} onClick={() => send(onCopy, 'fillerCopied')}>
          {t('fillerCopy')}
        </button>
      </div>
      {status ? (
        <p class={status.error ? 'filler-error' : 'filler-done'} role="status">
          {t(status.key)}
        </p>
      ) : null}
    </div>
  );
}

interface FormProps {
  def: TableDef;
  typed: ReadonlyMap<string, string>;
  values: ReadonlyMap<string, number>;
  derived: ReadonlySet<string>;
  errors: ReadonlyMap<string, CellError>;
  onType(key: string, value: string): void;
}

function depth(rows: readonly RowDef[], row: RowDef): number {
  const parent = rows.find((r) => r.id === row.parent);
  return parent ? 1 + depth(rows, parent) : 0;
}

/** Below this width a grid of more than three columns shows one column at a time beside its totals. */
const WIDE_PX = 560;
const MAX_GRID_COLUMNS = 3;

/** Whether the form is narrower than a full grid needs (a side panel of 320–400 px); narrow until measured. */
function useNarrow(ref: RefObject<HTMLElement | null>): boolean {
  const [narrow, setNarrow] = useState(true);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setNarrow(el.clientWidth < WIDE_PX);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return narrow;
}

/**
 * One input per leaf cell, computed cells read-only. A section of a single row (table 四's fifteen
 * numbers) is listed down the page; in a narrow panel, a wide grid (table 三's seven applicant
 * columns) shows the column picked above it beside the totals, which stay in view.
 */
function Form({ def, typed, values, derived, errors, onType }: FormProps) {
  const root = useRef<HTMLDivElement>(null);
  const narrow = useNarrow(root);
  const [picked, setPicked] = useState<Record<string, string>>({});
  const cell = (row: RowDef, column: ColumnDef) => {
    const key = cellKey(row.id, column.id);
    const label = `${row.label} ${columnName(column)}`;
    if (derived.has(key))
      return (
        <output aria-label={label} class={errors.has(key) ? 'computed invalid' : 'computed'}>
          {String(values.get(key) ?? 0)}
        </output>
      );
    return (
      <input
        type="text"
        inputMode={column.money ? 'decimal' : 'numeric'}
        aria-label={label}
        aria-invalid={errors.has(key)}
        value={typed.get(key) ?? ''}
        onInput={(e) => onType(key, e.currentTarget.value)}
      />
    );
  };
  return (
    <div class="filler-form" ref={root} data-narrow={narrow}>
      {def.sections.map((s) => {
        const rows = s.rows.filter((r) => !r.group);
        if (rows.length === 1 && s.columns.length > MAX_GRID_COLUMNS) {
          return (
            <table key={s.id} class="filler-list">
              {s.label ? <caption>{s.label}</caption> : null}
              <tbody>
                {s.columns.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">{columnName(c)}</th>
                    <td>{cell(rows[0]!, c)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          );
        }
        // Totals: columns computed in every row (总计); the others are typed, one at a time when narrow.
        const totals = new Set(
          s.columns.filter((c) => rows.every((r) => derived.has(cellKey(r.id, c.id)))).map((c) => c.id),
        );
        const typedColumns = s.columns.filter((c) => !totals.has(c.id));
        const oneAtATime = narrow && s.columns.length > MAX_GRID_COLUMNS && typedColumns.length > 1;
        const current = typedColumns.find((c) => c.id === picked[s.id]) ?? typedColumns[0];
        const shown = (c: ColumnDef) => !oneAtATime || totals.has(c.id) || c.id === current?.id;
        return (
          <div key={s.id} class="filler-section">
            {oneAtATime ? (
              <fieldset class="filler-columns">
                <legend>{t('fillerColumn')}</legend>
                {typedColumns.map((c) => (
                  <button
                    key={c.id}
                    type="button"
                    aria-pressed={c.id === current?.id}
                    title={columnName(c)}
                    onClick={() => setPicked({ ...picked, [s.id]: c.id })}
                  >
                    {c.label}
                  </button>
                ))}
              </fieldset>
            ) : null}
            <table class={oneAtATime ? 'filler-grid one-column' : 'filler-grid'} data-section={s.id}>
              {s.label ? <caption>{s.label}</caption> : null}
              <thead>
                <tr>
                  <th>{def.labelHeader ?? <span class="sr-only">{t('rowHeader')}</span>}</th>
                  {s.columns.map((c) => (
                    <th
                      key={c.id}
                      title={columnName(c)}
                      hidden={!shown(c)}
                      class={totals.has(c.id) ? 'total' : undefined}
                    >
                      {oneAtATime && c.group ? <span class="group-name">{c.group}</span> : null}
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {s.rows.map((r) => (
                  <tr key={r.id} class={r.group ? 'group' : undefined}>
                    <th scope="row" title={r.label} style={{ paddingLeft: `${4 + depth(s.rows, r) * 12}px` }}>
                      {oneAtATime ? shortLabel(r.label) : r.label}
                    </th>
                    {r.group ? (
                      <td colSpan={s.columns.filter(shown).length} />
                    ) : (
                      s.columns.map((c) => (
                        <td key={c.id} hidden={!shown(c)} class={totals.has(c.id) ? 'total' : undefined}>
                          {cell(r, c)}
                        </td>
                      ))
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </div>
  );
}
