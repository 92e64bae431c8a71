import { reportCsvRow, terminalReport } from '../../lib/review/audit';
import { reportJson, reviewSheet } from '../../lib/review/export';
import { ReportJson, type Finding } from '../../lib/check/report';
import { checkSource, type SourceOptions } from './input';
import { fixPreview } from '../../lib/write/fixes/preview';

export type Mode = 'json' | 'csv' | 'md' | 'text' | 'fix';

/** One input's result as the command prints it, and what the closing summary counts; or why it could not be read. */
export type Outcome = { source: string; out?: string; findings?: Pick<Finding, 'code' | 'severity'>[]; error?: string };

/** The report in the output's form: --json elements are validated against the output schema here, in the thread that checked it. */
export function render(mode: Exclude<Mode, 'fix'>, r: ReportJson): string {
  if (mode === 'json') return JSON.stringify(ReportJson.parse(r));
  if (mode === 'csv') return reportCsvRow(r);
  if (mode === 'md') return `${reviewSheet(r)}\n`;
  return `${terminalReport(r)}\n`;
}

/** Reads, checks and renders one source; never throws. */
export async function outcome(source: string, mode: Mode, options: SourceOptions): Promise<Outcome> {
  try {
    const checked = await checkSource(source, options);
    const r = reportJson(checked);
    const out = mode === 'fix' ? fixPreview(checked) : render(mode, r);
    return { source, out, findings: r.findings.map(({ code, severity }) => ({ code, severity })) };
  } catch (e) {
    return { source, error: (e as Error).message };
  }
}
