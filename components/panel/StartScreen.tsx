import { useState } from 'preact/hooks';
import type { ReportJson } from '../../lib/check/report';
import { formatForYear } from '../../lib/format';
import { reportSkeleton } from '../../lib/write/snippets';
import { t, type MessageKey } from './t';
import { YearField } from './YearField';

/** An action on the page; a rejection means it did not happen. */
export type Send = (html: string, text: string) => Promise<unknown>;

export interface StartScreenProps {
  /** The engine's report of the empty draft: its year (from the CMS title field or the year given) and unit. */
  report: ReportJson;
  /** The year the clerk gave for this page, if any. */
  givenYear: number | null;
  onInsert?: Send;
  onYear?(year: number): void;
  now?: Date;
}

/**
 * An empty editor: which year and format the draft will be checked against, and the way to the
 * skeleton (插入完整报告, the popup's insert, sent through the same editor bridge).
 */
export function StartScreen({ report, givenYear, onInsert, onYear, now = new Date() }: StartScreenProps) {
  const [status, setStatus] = useState<{ key: MessageKey; error: boolean } | null>(null);
  const year = report.year ?? givenYear ?? now.getFullYear() - 1;
  const format = formatForYear(year);
  // The draft (its CMS title) states the year: nothing to ask.
  const fromDraft = report.year !== null && report.year !== givenYear;
  const insert = () => {
    if (!onInsert) return;
    const s = reportSkeleton(format, { year, unit: report.unit ?? '' });
    setStatus(null);
    onInsert(s.html, s.text).then(
      () => setStatus({ key: 'popupInserted', error: false }),
      () => setStatus({ key: 'popupInsertFailed', error: true }),
    );
  };
  return (
    <section class="start" data-year={year} aria-labelledby="start-title">
      <h2 id="start-title">{t('startTitle')}</h2>
      <p>{t('startEmpty')}</p>
      <p class="start-year">{t('startYear', String(year), format.name)}</p>
      {!fromDraft && onYear ? <YearField key={year} initial={year} onYear={onYear} now={now} /> : null}
      {onInsert ? (
        <button type="button" class="primary" onClick={insert}>
          {t('popupInsertReport')}
        </button>
      ) : null}
      {status ? (
        <p class={status.error ? 'error' : 'done'} role="status">
          {t(status.key)}
        </p>
      ) : null}
      <p class="hint">{t('startHint')}</p>
    </section>
  );
}
