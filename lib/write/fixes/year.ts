import type { FixFor } from './types';

const YEAR = /[12１２][0-9０-９]{3}/g;
const halfWidth = (s: string) => s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
const SHOWN = 24;
/** A full date (2021年1月24日, the signing date) is no slipped report year; the 统计期限 is the one date range fixed. */
const DATE = /^[12１２][0-9０-９]{3}年[0-9０-９]{1,2}月[0-9０-９]{1,2}日/;
const PERIOD = /12月31日/;

/**
 * year-mismatch: the slipped year becomes the report year, wherever it stands in the span the
 * finding covers (a sentence from its opening year to its end, or the 统计期限).
 */
export const yearFix: FixFor = (checked, finding) => {
  const { start, end, actual, expected } = finding;
  if (start === undefined || end === undefined || typeof actual !== 'number' || typeof expected !== 'number')
    return null;
  const span = checked.text.slice(start, end);
  if (DATE.test(span.trim()) && !PERIOD.test(span)) return null;
  const at = [...span.matchAll(YEAR)].filter((m) => Number(halfWidth(m[0])) === actual).map((m) => m.index);
  if (!at.length) return null;
  const fixed = span.replace(YEAR, (y) => (Number(halfWidth(y)) === actual ? String(expected) : y));
  const cut = (s: string) => (s.trim().length > SHOWN ? `${s.trim().slice(0, SHOWN)}…` : s.trim());
  return {
    changes: at.map((i) => ({ kind: 'text' as const, start: start + i, end: start + i + 4, text: String(expected) })),
    preview: `${cut(span)} → ${cut(fixed)}`,
  };
};
