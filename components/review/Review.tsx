import { useState } from 'preact/hooks';
import {
  exportName,
  findingsCsv,
  findingsJson,
  reviewSheet,
  reviewSheetHtml,
  type SheetMeta,
} from '../../lib/review/export';
import { reviewReportHtml } from '../../lib/review/report-html';
import type { PageStatus, PreviousReport } from '../../lib/extension/messages';
import type { ReportJson, Severity } from '../../lib/check/report';
import { checkName } from '../panel/Findings';
import { t } from '../panel/t';
import type { ReportTab, ReviewApi } from './api';
import type { Attached } from './attachment';
import { previousFromFile, previousFromText, type Parsed } from './previous';
import { printPage, saveFile } from './save';
import './review.css';

const ORDER: Severity[] = ['error', 'warning', 'info'];

/** The report with its findings in the order the panel lists them (by severity), so a file holds what was shown. */
export function shownReport(report: ReportJson): ReportJson {
  return { ...report, findings: ORDER.flatMap((s) => report.findings.filter((f) => f.severity === s)) };
}

function Dates({ status, report }: { status: PageStatus; report: ReportJson }) {
  const late = report.findings.find((f) => f.code === 'deadline');
  return (
    <dl class="review-dates">
      <dt>{t('reviewPublished')}</dt>
      <dd data-field="published">
        {report.publishedAt ?? t('reviewPublishedNone')}
        {late ? (
          <span class="late" data-deadline="late">
            {late.message}
          </span>
        ) : report.publishedAt ? (
          <span class="in-time" data-deadline="ok">
            （{t('reviewDeadlineOk')}）
          </span>
        ) : null}
      </dd>
      <dt>{t('reviewPeriod')}</dt>
      <dd data-field="period">
        {status.period
          ? t('reviewPeriodValue', String(status.period.from), String(status.period.to))
          : t('reviewPeriodNone')}
      </dd>
    </dl>
  );
}

function Exports({ status, report }: { status: PageStatus; report: ReportJson }) {
  const meta = (): SheetMeta => ({ url: status.url, checkedAt: new Date(), checkName });
  const shown = () => shownReport(report);
  const name = (ext: string) => exportName(report, ext);
  return (
    <div class="review-exports">
      <button
        type="button"
        data-export="md"
        onClick={() => saveFile(name('md'), 'text/markdown;charset=utf-8', reviewSheet(shown(), meta()))}
      >
        {t('exportMarkdown')}
      </button>
      <button
        type="button"
        data-export="csv"
        onClick={() => saveFile(name('csv'), 'text/csv;charset=utf-8', findingsCsv(shown(), meta()))}
      >
        {t('exportCsv')}
      </button>
      <button
        type="button"
        data-export="json"
        onClick={() => saveFile(name('json'), 'application/json', findingsJson(shown(), meta()))}
      >
        {t('exportJson')}
      </button>
      <button
        type="button"
        data-export="html"
        onClick={() =>
          saveFile(
            name('html'),
            'text/html;charset=utf-8',
            reviewReportHtml({ reports: [shown()], links: [status.url], checkedAt: new Date(), checkName }),
          )
        }
      >
        {t('exportReport')}
      </button>
      <button type="button" data-export="print" onClick={() => printPage(reviewSheetHtml(shown(), meta()))}>
        {t('printSheet')}
      </button>
    </div>
  );
}

const reportName = (p: { title: string | null; source: string; year: number | null }) =>
  `${p.title ?? p.source}（${p.year === null ? t('previousYearUnknown') : t('previousYear', String(p.year))}）`;

/** Picks last year's report (an open tab, a saved file, pasted text) and hands it to the page. */
function PreviousPicker({ report, status, api }: { report: ReportJson; status: PageStatus; api: ReviewApi }) {
  const [tabs, setTabs] = useState<ReportTab[] | null>(null);
  const [pasted, setPasted] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const apply = async (previous: PreviousReport | null) => {
    setBusy(true);
    try {
      const next = await api.setPrevious(previous).catch(() => null);
      setProblem(next ? null : t('previousFailed'));
      if (next && previous) setPasted('');
    } finally {
      setBusy(false);
    }
  };
  const use = (parsed: Parsed) => {
    if (!parsed.ok) {
      setProblem(t(parsed.reason === 'binary' ? 'previousBinary' : 'previousNotReport'));
      return Promise.resolve();
    }
    return apply(parsed.previous);
  };
  const findTabs = async () => setTabs(await api.reportTabs().catch(() => []));
  const fromTab = async (tabId: number) => {
    const previous = await api.fromTab(tabId);
    return previous ? apply(previous) : setProblem(t('previousFailed'));
  };
  const onFile = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    await use(await previousFromFile(file));
    input.value = '';
  };

  const current = status.previous;
  const odd = current && current.year !== null && report.year !== null && current.year !== report.year - 1;
  return (
    <section class="review-previous" aria-label={t('previousTitle')}>
      <h3>{t('previousTitle')}</h3>
      {current ? (
        <p class="comparing" data-previous={current.source}>
          {t('previousComparing', reportName(current))}{' '}
          <button type="button" data-action="clear-previous" disabled={busy} onClick={() => apply(null)}>
            {t('previousClear')}
          </button>
        </p>
      ) : (
        <p class="hint">{t('previousHint')}</p>
      )}
      {odd ? <p class="odd-year">{t('previousYearOdd', String(current.year), String(report.year))}</p> : null}
      {problem ? (
        <p class="problem" role="alert">
          {problem}
        </p>
      ) : null}
      <div class="source">
        <span class="label">{t('previousFromTab')}</span>
        <button type="button" data-action="find-tabs" disabled={busy} onClick={findTabs}>
          {t('previousFindTabs')}
        </button>
        {tabs && !tabs.length ? <p class="hint">{t('previousNoTabs')}</p> : null}
        {tabs?.length ? (
          <ul class="tabs">
            {tabs.map((tab) => (
              <li key={tab.tabId}>
                <button type="button" data-tab={tab.tabId} disabled={busy} onClick={() => fromTab(tab.tabId)}>
                  {reportName({ title: tab.title, source: tab.title, year: tab.year })}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <label class="source">
        <span class="label">{t('previousFromFile')}</span>
        <input
          type="file"
          name="previous-file"
          accept=".html,.htm,.txt,text/html,text/plain"
          disabled={busy}
          onChange={onFile}
        />
      </label>
      <div class="source">
        <label class="label" for="previous-text">
          {t('previousFromPaste')}
        </label>
        <textarea
          id="previous-text"
          name="previous-text"
          rows={4}
          value={pasted}
          onInput={(e) => setPasted(e.currentTarget.value)}
        />
        <button
          type="button"
          data-action="use-pasted"
          disabled={busy || !pasted.trim()}
          onClick={() => use(previousFromText(pasted, t('previousPastedSource')))}
        >
          {t('previousUsePaste')}
        </button>
      </div>
    </section>
  );
}

/** On a published page whose report is an attached file: 检查附件 fetches and checks it at the reviewer's click. */
function AttachmentCheck({
  status,
  report,
  api,
  onAttached,
}: {
  status: PageStatus;
  report: ReportJson;
  api: ReviewApi;
  onAttached(attached: Attached): void;
}) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const link = report.attachment;
  if (status.kind !== 'published' || !link || !report.findings.some((f) => f.code === 'attachment-only')) return null;
  const run = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const r = await api.checkAttachment(
        { url: status.url, title: report.title, publishedAt: report.publishedAt },
        link,
      );
      if (r.ok) onAttached(r.attached);
      else setProblem(r.message);
    } catch {
      setProblem(t('attachmentFailed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="review-attachment" aria-label={t('attachmentCheck')}>
      <p class="hint">{t('attachmentHint', link.name)}</p>
      <button type="button" data-action="check-attachment" disabled={busy} aria-busy={busy} onClick={run}>
        {busy ? t('attachmentChecking') : t('attachmentCheck')}
      </button>
      {problem ? (
        <p class="problem" role="alert">
          {problem}
        </p>
      ) : null}
    </section>
  );
}

/**
 * The reviewer's section: dates, exports, the attachment (检查附件) and last year's report to compare
 * with. Open by default on a published page. Without `api` (an attachment shown) it only exports.
 */
export function Review({
  status,
  api,
  onAttached,
}: {
  status: PageStatus;
  api: ReviewApi | null;
  onAttached?: (attached: Attached) => void;
}) {
  const report = status.report;
  if (!report) return null;
  return (
    <details class="review" open={status.kind === 'published' || !!status.previous}>
      <summary>
        <h2>{t('reviewTitle')}</h2>
      </summary>
      {api && onAttached ? <AttachmentCheck status={status} report={report} api={api} onAttached={onAttached} /> : null}
      <Dates status={status} report={report} />
      <Exports status={status} report={report} />
      {api ? <PreviousPicker report={report} status={status} api={api} /> : null}
    </details>
  );
}
