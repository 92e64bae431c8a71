import type { Finding, FindingCode, TableResult } from './report';

/** Findings that only say the draft is unfinished: what is left to write, not what is wrong. */
const UNFINISHED = new Set<FindingCode>([
  'part-missing',
  'part-empty',
  'table-missing',
  'cells-blank',
  'template-text',
  'content-missing',
]);

/**
 * Whether a finding only names work not yet done (a part to write, a table to fill), not a mistake.
 * A table found but unreadable (its id in `unreadable`) is a mistake.
 */
export const isUnfinished = (f: Finding, unreadable: ReadonlySet<string>) =>
  UNFINISHED.has(f.code) && !(f.code === 'table-missing' && unreadable.has(f.table ?? ''));

/** The test above for the findings of one report, from its tables as the JSON gives them. */
export function unfinishedIn(tables: readonly Pick<TableResult, 'table' | 'status'>[]): (f: Finding) => boolean {
  const unreadable = new Set<string>(tables.filter((t) => t.status === 'unrecognized').map((t) => t.table));
  return (f) => isUnfinished(f, unreadable);
}
