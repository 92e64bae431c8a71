import type { Analysis } from './analysis';
import { checks } from './checks';
import type { Finding, FindingCode, Progress, TableResult, Verdict } from './report';
import { isUnfinished } from './unfinished';

const counted = (f: Finding) => f.severity === 'error' || f.severity === 'warning';

/** Where the draft stands: parts written, tables filled, what is left, and the checks the year would allow. */
export function progressOf(
  a: Analysis,
  findings: readonly Finding[],
  tables: readonly TableResult[],
  disabled: readonly FindingCode[],
): Progress {
  // Nothing is demanded of an empty editor or of a page that is no report.
  const judged = a.isReport && !a.empty;
  const demanded = judged && a.expected?.demandsParts && a.format !== 'pre2019' ? a.expected : null;
  const required = new Set(judged ? (a.expected?.tables.map((t) => t.id) ?? []) : []);
  return {
    partsWritten: demanded ? a.parts.filter((p) => a.contents.get(p.part)?.content === 'own').length : 0,
    partsRequired: demanded ? demanded.parts.length : 0,
    tablesFilled: tables.filter((t) => required.has(t.table) && t.status === 'ok' && t.blank === 0).length,
    tablesRequired: required.size,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    templateParts: [...a.contents.values()].filter((r) => r.content === 'template').map((r) => r.part),
    unchecked:
      a.year === null && a.isReport
        ? checks.filter((c) => c.needsYear && !disabled.includes(c.code)).map((c) => c.code)
        : [],
  };
}

/**
 * The verdict shown at the top of the panel and by the CLI. all-clear needs the year and its
 * format known, every demanded part written, every demanded table read and filled, and no error
 * or warning; a table found but unreadable is a problem, not unfinished work. Once every part is
 * written and every table filled, what is still found (a topic not written about, a template
 * sentence left) is a problem of the finished report, not work in progress.
 */
export function verdictOf(a: Analysis, findings: readonly Finding[], progress: Progress): Verdict {
  if (a.empty) return 'empty';
  if (!a.isReport) return 'not-a-report';
  if (a.year === null || !a.expected) return 'needs-year';
  const unreadable = new Set(
    [...a.tables.values()].filter((t) => t.status === 'unrecognized').map((t) => t.id as string),
  );
  const problem = findings.some((f) => counted(f) && !isUnfinished(f, unreadable));
  if (problem) return 'problems';
  const written =
    progress.partsWritten >= progress.partsRequired &&
    progress.tablesFilled >= progress.tablesRequired &&
    progress.templateParts.length === 0 &&
    !(a.expected.demandsParts && a.format === 'unknown');
  if (!written) return 'in-progress';
  return findings.some(counted) ? 'problems' : 'all-clear';
}
