import { reportCsvRow, terminalReport } from '../../lib/review/audit';
import { asPrevious, type Previous } from '../../lib/check/engine';
import { plain, reportJson, reviewSheet } from '../../lib/review/export';
import { ReportJson, type Finding } from '../../lib/check/report';
import { checkSource, type SourceOptions } from './input';
import { fixPreview } from '../../lib/write/fixes/preview';

export type Mode = 'json' | 'csv' | 'md' | 'text' | 'fix' | 'html';

/** One source to check; `previous` is the same unit's report of the year before, as the batch already read it (a year-to-year chain). */
export type Job = { source: string; previous?: Previous };

/**
 * One input's result as the command prints it, and what the closing summary counts; or why it could
 * not be read. `notices`: what reading did without asking (a redirect followed), for stderr.
 */
export type Outcome = {
  source: string;
  out?: string;
  findings?: Pick<Finding, 'code' | 'severity'>[];
  /** Unit and year as read from the report: what year-to-year chains are matched by. */
  unit?: string | null;
  year?: number | null;
  /** --html only: the report (with its tables' cells, for the page's grids), rendered once the batch is done. */
  report?: ReportJson;
  /** What the next year's report of the same unit needs of this one: kept from this check, so a chain never reads it again. */
  previous?: Previous;
  /** The source of the batch's report this one was checked against as its last year's, when that chain was made while reading. */
  lastYear?: string;
  error?: string;
  notices?: string[];
};

/**
 * JSON escapes C0 but writes DEL, C1 and the bidirectional controls raw, which a terminal showing the
 * output would act on (C1 CSI moves the cursor like ESC [): they are written as \u escapes too, the
 * same JSON once parsed.
 */
export const jsonText = (value: unknown): string =>
  JSON.stringify(value).replace(
    /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

/** The report in the output's form: --json elements are validated against the output schema here, in the thread that checked it. */
export function render(mode: Exclude<Mode, 'fix' | 'html'>, r: ReportJson): string {
  if (mode === 'json') return jsonText(ReportJson.parse(r));
  if (mode === 'csv') return reportCsvRow(r);
  if (mode === 'md') return `${reviewSheet(r)}\n`;
  return `${terminalReport(r)}\n`;
}

/** Reads, checks and renders one source (against its unit's previous year, when the job gives it); never throws. */
export async function outcome(job: Job | string, mode: Mode, options: Omit<SourceOptions, 'notice'>): Promise<Outcome> {
  const { source, previous } = typeof job === 'string' ? { source: job, previous: undefined } : job;
  const notices: string[] = [];
  const told = () => (notices.length ? { notices } : {});
  const { previousOf } = options;
  let lastYear: string | undefined;
  try {
    const checked = await checkSource(source, {
      ...options,
      ...(previous ? { previous } : {}),
      ...(previousOf && {
        previousOf: (unit: string | null, year: number | null) => {
          const found = previousOf(unit, year);
          lastYear = found?.source;
          return found;
        },
      }),
      notice: (m) => notices.push(m),
    });
    const r = reportJson(checked);
    // The fix preview quotes the page's own words to the terminal, like the text view: made plain.
    const out =
      mode === 'html' ? '' : mode === 'fix' ? fixPreview(checked).split('\n').map(plain).join('\n') : render(mode, r);
    return {
      source,
      out,
      findings: r.findings.map(({ code, severity }) => ({ code, severity })),
      unit: r.unit,
      year: r.year,
      ...(mode === 'html' ? { report: r } : {}),
      previous: asPrevious(checked),
      ...(lastYear === undefined ? {} : { lastYear }),
      ...told(),
    };
  } catch (e) {
    return { source, error: (e as Error).message, ...told() };
  }
}
