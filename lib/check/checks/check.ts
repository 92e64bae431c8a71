import type { Analysis } from '../analysis';
import type { Finding, FindingCode, Severity } from '../report';

/** What a check returns: the engine adds the code, the default severity and the part. */
export type Draft = Omit<Finding, 'code' | 'severity'> & { severity?: Severity };

/** One rule of the checker, in the manner of an ESLint rule: an id, metadata, one function. */
export interface Check {
  code: FindingCode;
  severity: Severity;
  /** What it looks for, in Chinese, for the options page. */
  description: string;
  /** Runs only when the report year (so the format it requires) is known: listed as unchecked otherwise. */
  needsYear?: boolean;
  /**
   * Its findings, in text order. An array, or a generator when one crafted page can hold a finding
   * every few characters: the engine keeps the first MAX_FINDINGS_PER_CODE and only counts the rest,
   * so they are never all alive at once.
   */
  run(a: Analysis): Iterable<Draft>;
  /** Runs on inputs not recognised as a report too (they say why nothing else was checked). */
  always?: boolean;
}

export const defineCheck = (check: Check): Check => check;
