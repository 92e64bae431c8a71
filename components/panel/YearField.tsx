import { useState } from 'preact/hooks';
import { t } from './t';

const MIN_YEAR = 2008;

/** A report year as typed: four digits from the first year of reports to next year. */
export function readYear(raw: string, now = new Date()): number | null {
  const y = Number(raw.trim());
  return Number.isInteger(y) && y >= MIN_YEAR && y <= now.getFullYear() + 1 ? y : null;
}

export interface YearFieldProps {
  /** The year shown at first (the one given for the page, or a default to accept). */
  initial: number | null;
  onYear(year: number): void;
  now?: Date;
}

/** The report year for a draft that does not state it; the panel remembers it for the page. */
export function YearField({ initial, onYear, now = new Date() }: YearFieldProps) {
  const [text, setText] = useState(initial === null ? '' : String(initial));
  const [tried, setTried] = useState(false);
  const year = readYear(text, now);
  const submit = (e: Event) => {
    e.preventDefault();
    setTried(true);
    if (year !== null) onYear(year);
  };
  return (
    <form class="year-field" onSubmit={submit}>
      <label>
        {t('yearLabel')}
        <input
          type="text"
          inputMode="numeric"
          name="year"
          size={6}
          maxLength={4}
          value={text}
          aria-invalid={tried && year === null}
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </label>
      <button type="submit">{t('yearApply')}</button>
      {tried && year === null ? (
        <p class="error" role="alert">
          {t('yearInvalid')}
        </p>
      ) : null}
    </form>
  );
}
