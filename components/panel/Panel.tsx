import { useState } from 'preact/hooks';
import { formats } from '../../lib/format';
import type { PageStatus } from '../../lib/extension/messages';
import type { Finding, ReportFormat, ReportJson } from '../../lib/check/report';
import { Review } from '../review/Review';
import type { ReviewApi } from '../review/api';
import { Findings } from './Findings';
import { Parts } from './Parts';
import { Tables } from './Tables';
import { t } from './t';
import './panel.css';

export type PanelState = { kind: 'connecting' } | { kind: 'unreachable' } | { kind: 'page'; status: PageStatus };

export interface PanelProps {
  state: PanelState;
  onRecheck(): void;
  /** Asks the page to scroll to and mark a place; resolves false when it could not. */
  onReveal(start: number, end: number): Promise<boolean>;
  /** The reviewer's exchanges with the pages (last year's report); without it the review section only exports. */
  review?: ReviewApi | null;
}

const formatName = (id: ReportFormat) => formats.find((f) => f.id === id)?.name ?? t('formatUnknown');

function Summary({ report, status }: { report: ReportJson; status: PageStatus }) {
  const source = status.kind === 'published' ? t('sourcePublished') : t('sourceEditor', status.editor ?? '');
  return (
    <dl class="summary">
      <dt>{t('fieldYear')}</dt>
      <dd data-field="year">{report.year ?? t('unknown')}</dd>
      <dt>{t('fieldUnit')}</dt>
      <dd data-field="unit">{report.unit ?? t('unknown')}</dd>
      <dt>{t('fieldFormat')}</dt>
      <dd data-field="format">
        {formatName(report.format)}
        {report.expectedFormat !== report.format && report.expectedFormat !== 'unknown' ? (
          <span class="expected">
            （{t('fieldExpected')}：{formatName(report.expectedFormat)}）
          </span>
        ) : null}
      </dd>
      <dt>{t('fieldSource')}</dt>
      <dd data-field="source">{source}</dd>
    </dl>
  );
}

function Report({
  status,
  onReveal,
  review,
}: {
  status: PageStatus;
  onReveal: PanelProps['onReveal'];
  review: ReviewApi | null;
}) {
  const [failed, setFailed] = useState(false);
  const report = status.report!;
  const reveal = (start: number, end: number) => {
    onReveal(start, end).then(
      (ok) => setFailed(!ok),
      () => setFailed(true),
    );
  };
  const pick = (f: Finding) => (f.start !== undefined ? reveal(f.start, f.end ?? f.start + 1) : setFailed(true));
  const problems = report.findings.filter((f) => f.severity !== 'info');
  return (
    <div class="report">
      {report.title ? <h1 class="report-title">{report.title}</h1> : null}
      <Summary report={report} status={status} />
      <Review status={status} api={review} />
      {problems.length === 0 ? (
        <div class="passed" role="status">
          <strong>✓ {t('allPassed')}</strong>
          <p>{t('allPassedHint')}</p>
        </div>
      ) : null}
      {failed ? (
        <p class="reveal-failed" role="alert">
          {t('revealFailed')}
        </p>
      ) : null}
      {report.findings.length ? <Findings findings={report.findings} onPick={pick} /> : null}
      {report.parts.length ? <Parts parts={report.parts} onPick={reveal} /> : null}
      {/* The old structure does not demand the tables: say nothing of their absence. */}
      {report.format !== 'pre2019' || report.tables.some((x) => x.status !== 'missing') ? (
        <Tables tables={report.tables} findings={report.findings} onPick={reveal} />
      ) : null}
    </div>
  );
}

export function Panel({ state, onRecheck, onReveal, review = null }: PanelProps) {
  const status = state.kind === 'page' ? state.status : null;
  return (
    <main class="panel" data-state={state.kind === 'page' ? state.status.kind : state.kind}>
      <header>
        <span class="brand">{t('panelTitle')}</span>
        {status?.report ? (
          <span class={`badge ${status.errors ? 'has-errors' : ''}`} data-errors={status.errors}>
            {t('severityError')} {status.errors}
          </span>
        ) : null}
        <button type="button" class="recheck" onClick={onRecheck} disabled={state.kind === 'unreachable'}>
          {t('recheck')}
        </button>
      </header>
      {state.kind === 'connecting' ? <p class="note">{t('panelConnecting')}</p> : null}
      {state.kind === 'unreachable' ? <p class="note">{t('panelUnreachable')}</p> : null}
      {status && (status.kind === 'none' || !status.report) ? (
        <div class="not-report" role="status">
          <strong>{t('notReportTitle')}</strong>
          <p>{t('notReportHint')}</p>
        </div>
      ) : null}
      {status?.report && status.kind !== 'none' ? <Report status={status} onReveal={onReveal} review={review} /> : null}
    </main>
  );
}
