import type { Checked } from '../../check/engine';
import type { Finding, FindingCode } from '../../check/report';
import { blankFix } from './blank';
import { derivedFix } from './derived';
import { layoutFix } from './layout';
import { skeletonFix } from './skeleton';
import { titleFix } from './title';
import type { Fix, FixFor } from './types';
import { yearFix } from './year';

/** The checks whose findings can have a fix, and the fix for each (docs/engine.md lists them beside the checks). */
export const FIXES: Partial<Record<FindingCode, FixFor>> = {
  'sum-mismatch': derivedFix,
  'cell-invalid': blankFix,
  'cells-blank': blankFix,
  'part-title': titleFix,
  'year-mismatch': yearFix,
  'table-format': layoutFix,
  'part-missing': skeletonFix,
};

const base = (f: Finding) => [f.code, f.table, f.row, f.column, f.part, f.rule].map((x) => x ?? '').join('|');

/**
 * The fixes for a checked draft, one per finding that has an unambiguous mend. Each fix is keyed
 * by what its finding names (code, table, cell, part, rule, and its rank among findings naming the
 * same), so a fix chosen on the page's reading is found again in the editor's own HTML.
 */
export function fixesFor(checked: Checked): Fix[] {
  const seen = new Map<string, number>();
  const out: Fix[] = [];
  checked.findings.forEach((finding, index) => {
    const b = base(finding);
    const rank = seen.get(b) ?? 0;
    seen.set(b, rank + 1);
    const fix = FIXES[finding.code]?.(checked, finding);
    if (fix) out.push({ ...fix, key: `${b}|${rank}`, finding: index, code: finding.code });
  });
  return out;
}

export { planEdits, type Edit } from './plan';
export type { Change, Fix } from './types';
