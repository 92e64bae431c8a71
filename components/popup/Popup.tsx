import { useEffect, useRef, useState } from 'preact/hooks';
import { formatForYear, type TableId } from '../../lib/format';
import {
  partHeading,
  partSnippet,
  reportSkeleton,
  tableSnippet,
  variantCount,
  type Snippet,
} from '../../lib/write/snippets';
import { t, type MessageKey } from '../panel/t';
import { readYear } from '../panel/YearField';
import './popup.css';

/** An action on the page; a rejection means it did not happen (no editor, page closed). */
type Send = (html: string, text: string) => undefined | Promise<unknown>;

export interface PopupProps {
  /** The year the draft names, when the page has one. */
  detectedYear?: number | null;
  unit?: string;
  now?: Date;
  onInsert: Send;
  onCopy: Send;
  onOpenPanel(): void;
  /** Absent when the extension already runs on this site. */
  onEnableSite?: () => void;
  onOpenFiller(table: TableId, year: number): void;
}

/**
 * A field that starts from what the draft says (or the fallback) and follows the draft's value
 * when it arrives late, until the clerk types in it: what she typed is never overwritten. Nor is
 * the field changed while she is in it: she may have selected its text to type over it, and a
 * value set then drops the selection, so that her year would follow the draft's ("20202023");
 * the draft's value comes when she leaves the field untyped.
 */
function useDetected(detected: string, fallback: string) {
  const [value, setValue] = useState(detected || fallback);
  const typed = useRef(false);
  const ref = useRef<HTMLInputElement>(null);
  const follow = () => {
    if (detected && !typed.current) setValue(detected);
  };
  useEffect(() => {
    const inField = ref.current !== null && ref.current === ref.current.ownerDocument.activeElement;
    if (!inField) follow();
  }, [detected]);
  return {
    ref,
    value,
    onInput: (e: { currentTarget: HTMLInputElement }) => {
      typed.current = true;
      setValue(e.currentTarget.value);
    },
    onBlur: follow,
  };
}

/**
 * The popup body: the report year and unit pick the format; then the whole report, one part or one
 * table goes into the draft (or the clipboard). Every action is a callback: the entrypoint talks to the page.
 */
export function Popup({
  detectedYear,
  unit: initialUnit = '',
  now = new Date(),
  onInsert,
  onCopy,
  onOpenPanel,
  onEnableSite,
  onOpenFiller,
}: PopupProps) {
  const yearField = useDetected(detectedYear ? String(detectedYear) : '', String(now.getFullYear() - 1));
  const unitField = useDetected(initialUnit, '');
  const yearText = yearField.value;
  const unit = unitField.value;
  const [partNumber, setPartNumber] = useState(1);
  const [variant, setVariant] = useState(0);
  const [table, setTable] = useState<TableId>('requests');
  const [status, setStatus] = useState<{ key: MessageKey; error: boolean } | null>(null);

  const year = readYear(yearText, now);
  const format = year === null ? null : formatForYear(year);
  const options = { year: year ?? 0, unit };
  const tables = format?.tables ?? [];
  const chosenTable = tables.some((d) => d.id === table) ? table : tables[0]?.id;

  const run = (send: Send, make: () => Snippet, done: MessageKey, failed: MessageKey) => {
    const s = make();
    setStatus(null);
    Promise.resolve()
      .then(() => send(s.html, s.text))
      .then(
        () => setStatus({ key: done, error: false }),
        () => setStatus({ key: failed, error: true }),
      );
  };
  const insert = (make: () => Snippet) => run(onInsert, make, 'popupInserted', 'popupInsertFailed');
  const copy = (make: () => Snippet) => run(onCopy, make, 'popupCopied', 'popupCopyFailed');

  const report = () => reportSkeleton(format!, options);
  const part = () => partSnippet(format!, partNumber, { ...options, variant });
  const emptyTable = () => tableSnippet(format!, chosenTable!);
  const variants = format ? variantCount(format, partNumber) : 0;

  return (
    <div class="popup-body">
      <div class="popup-fields">
        <label>
          {t('popupYear')}
          <input type="text" inputMode="numeric" {...yearField} aria-invalid={year === null} size={6} />
        </label>
        <label>
          {t('popupUnit')}
          <input type="text" {...unitField} placeholder={t('popupUnitPlaceholder')} />
        </label>
      </div>
      {format ? (
        <p class="popup-format" data-format={format.id}>
          {t('popupFormatFor', String(year))}
          <strong>{format.name}</strong>（{format.basis}）
        </p>
      ) : (
        <p class="error" role="alert">
          {t('popupYearInvalid')}
        </p>
      )}

      <section class="popup-group">
        <button type="button" class="primary" disabled={!format} onClick={() => insert(report)}>
          {t('popupInsertReport')}
        </button>
        <button type="button" disabled={!format} onClick={() => copy(report)}>
          {t('popupCopy')}
        </button>
      </section>

      <section class="popup-group">
        <select
          aria-label={t('popupPart')}
          value={partNumber}
          onChange={(e) => {
            setPartNumber(Number(e.currentTarget.value));
            setVariant(0);
          }}
        >
          {format?.parts.map((p) => (
            <option key={p.number} value={p.number}>
              {partHeading(p)}
            </option>
          ))}
        </select>
        {variants > 1 ? (
          <select
            aria-label={t('popupVariant')}
            value={variant}
            onChange={(e) => setVariant(Number(e.currentTarget.value))}
          >
            {Array.from({ length: variants }, (_, i) => (
              <option key={i} value={i}>
                {t('popupVariantOption', String(i + 1))}
              </option>
            ))}
          </select>
        ) : null}
        <button type="button" disabled={!format} onClick={() => insert(part)}>
          {t('popupInsertPart')}
        </button>
        <button type="button" disabled={!format} onClick={() => copy(part)}>
          {t('popupCopy')}
        </button>
      </section>

      {chosenTable ? (
        <section class="popup-group">
          <select
            aria-label={t('popupTable')}
            value={chosenTable}
            onChange={(e) => setTable(e.currentTarget.value as TableId)}
          >
            {tables.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => insert(emptyTable)}>
            {t('popupInsertTable')}
          </button>
          <button type="button" onClick={() => copy(emptyTable)}>
            {t('popupCopy')}
          </button>
          <button type="button" onClick={() => onOpenFiller(chosenTable, year!)}>
            {t('popupOpenFiller')}
          </button>
        </section>
      ) : null}

      {status ? (
        <p class={status.error ? 'error' : 'done'} role="status">
          {t(status.key)}
        </p>
      ) : null}

      <section class="popup-group">
        <button type="button" onClick={onOpenPanel}>
          {t('popupOpenPanel')}
        </button>
        {onEnableSite ? (
          <button type="button" onClick={onEnableSite}>
            {t('popupEnableSite')}
          </button>
        ) : null}
      </section>
    </div>
  );
}
