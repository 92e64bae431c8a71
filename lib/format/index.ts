import type { FormatDef, FormatId } from './schema';
import { format2019 } from './f2019';
import { format2021 } from './f2021';
import { formatPre2019 } from './pre2019';

/**
 * Every known format, newest first. A new revision is one more data file added here. The data is
 * typed, and its schema's finer limits (non-empty labels, whole numbers) are checked by a unit test
 * (tests/unit/formats.test.ts), not by zod in every page that loads the engine.
 */
export const formats: readonly FormatDef[] = [format2021, format2019, formatPre2019];

export function formatById(id: FormatId): FormatDef {
  return formats.find((f) => f.id === id)!;
}

/** The format a report for `year` must use. */
export function formatForYear(year: number): FormatDef {
  return (
    formats.find((f) => year >= f.years.from && (f.years.to === undefined || year <= f.years.to)) ??
    formatById('pre2019')
  );
}

export { format2019, format2021, formatPre2019 };
export * from './schema';
