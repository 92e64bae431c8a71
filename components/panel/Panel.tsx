import type { EditorKind } from '../../lib/extension/editors/detect';
import { useEffect, useRef, useState } from 'preact/hooks';
import { formats } from '../../lib/format';
import type { PageStatus } from '../../lib/extension/messages';
import type { Finding, ReportFormat, ReportJson } from '../../lib/check/report';
import { Review } from '../review/Review';
import type { ReviewApi } from '../review/api';
import { unfinishedIn } from '../../lib/check/unfinished';
import type { Attached } from '../review/attachment';
import { Findings } from './Findings';
import { FixAllButton, type OnFix } from './Fix';
import { Parts } from './Parts';
import { ProgressHeader, Standing } from './Progress';
import { type Send, StartScreen } from './StartScreen';
import { Tables } from './Tables';
import { t } from './t';
import { YearField } from './YearField';
import './panel.css';

export type PanelState = { kind: 'connecting' } | { kind: 'unreachable' } | { kind: 'page'; status: PageStatus };

export interface PanelProps {
  state: PanelState;
  onRecheck(): void;
  /** Asks the page to scroll to and mark a place; resolves false when it could not. */
  onReveal(start: number, end: number): Promise<boolean>;
  /** The reviewer's exchanges with the pages (last year's report); without it the review section only exports. */
  review?: ReviewApi | null;
  /** Into the draft's editor (the start screen's 插入完整报告); absent where nothing can be inserted. */
  onInsert?: Send;
  /** The report year the clerk gives for this page (null: read it from the draft again). */
  onYear?(year: number | null): void;
  /** The year given for this page, if any. */
  givenYear?: number | null;
  /** Writes fixes into the draft's editor; without it no 修正 is offered. */
  onFix?: OnFix;
}

/** Fixes are offered only for a draft in an editor: reviewers do not edit published pages. */
const offersOf = (status: PageStatus | null) => (status?.kind === 'editor' ? (status.fixes ?? []) : []);

const formatName = (id: ReportFormat) => formats.find((f) => f.id === id)?.name ?? t('formatUnknown');

/** The editor as a clerk knows it: its product name, or what a plain one is. */
const EDITOR_NAMES: Record<Exclude<EditorKind, 'contenteditable' | 'textarea'>, string> = {
  ueditor: 'UEditor',
  kindeditor: 'KindEditor',
  ckeditor4: 'CKEditor 4',
  ckeditor5: 'CKEditor 5',
  tinymce: 'TinyMCE',
  wangeditor4: 'wangEditor 4',
  wangeditor5: 'wangEditor 5',
  ewebeditor: 'eWebEditor',
  fckeditor: 'FCKeditor',
};
const editorName = (kind = '') =>
  kind === 'textarea'
    ? t('editorTextarea')
    : (EDITOR_NAMES[kind as keyof typeof EDITOR_NAMES] ?? t('editorContenteditable'));

function Summary({ report, status, file }: { report: ReportJson; status: PageStatus; file?: Attached['kind'] }) {
  const source = file
    ? t('sourceAttachment', file.toUpperCase())
    : status.kind === 'published'
      ? t('sourcePublished')
      : t('sourceEditor', editorName(status.editor));
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

/** The year: asked for when the draft does not state it; named, with a way back, when the clerk gave it. */
function Year({
  report,
  givenYear,
  onYear,
}: {
  report: ReportJson;
  givenYear: number | null;
  onYear: PanelProps['onYear'];
}) {
  if (!onYear) return null;
  if (report.verdict === 'needs-year')
    return (
      <section class="ask-year" aria-labelledby="ask-year-title">
        <h2 id="ask-year-title">{t('yearAsk')}</h2>
        <p>{t('yearAskHint')}</p>
        <YearField initial={givenYear} onYear={onYear} />
      </section>
    );
  if (givenYear !== null && report.year === givenYear)
    return (
      <p class="year-given">
        {t('yearGiven', String(givenYear))}
        <button type="button" class="link" onClick={() => onYear(null)}>
          {t('yearForget')}
        </button>
      </p>
    );
  return null;
}

/** The page's status with the attachment's report in the page's place (检查附件). */
function attachedStatus(status: PageStatus, attached: Attached): PageStatus {
  const { text: _text, period, ...report } = attached.checked;
  return {
    kind: status.kind,
    parsed: true,
    url: attached.url,
    report,
    errors: report.findings.filter((f) => f.severity === 'error').length,
    period,
  };
}

/** Which file is shown instead of the page, and the way back. */
function AttachmentBanner({ attached, onBack }: { attached: Attached; onBack(): void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.scrollIntoView?.({ block: 'start' }), []);
  return (
    <div class="attachment-shown" role="status" data-attachment={attached.url} ref={ref}>
      <p>
        <strong>{t('attachmentShown', attached.name)}</strong>
      </p>
      <p class="from">{t('attachmentFrom', attached.url)}</p>
      <button type="button" data-action="attachment-back" onClick={onBack}>
        {t('attachmentBack')}
      </button>
    </div>
  );
}

function Report({
  status: page,
  onReveal,
  review,
  givenYear,
  onYear,
  onFix,
}: {
  status: PageStatus;
  onReveal: PanelProps['onReveal'];
  review: ReviewApi | null;
  givenYear: number | null;
  onYear: PanelProps['onYear'];
  onFix?: OnFix;
}) {
  const [failed, setFailed] = useState(false);
  // 检查附件: the attached file's report, shown in the page's place until the reviewer goes back.
  const [attached, setAttached] = useState<Attached | null>(null);
  const status = attached ? attachedStatus(page, attached) : page;
  const report = status.report!;
  const show = (a: Attached | null) => {
    setFailed(false);
    setAttached(a);
  };
  const reveal = (start: number, end: number) => {
    // A place in the file is nowhere on the page.
    if (attached) return setFailed(true);
    onReveal(start, end).then(
      (ok) => setFailed(!ok),
      () => setFailed(true),
    );
  };
  // In a draft, a part not yet written is work left, not an error; on a published page it is an error.
  const todo = status.kind === 'editor' ? unfinishedIn(report.tables) : undefined;
  const pick = (f: Finding) => (f.start !== undefined ? reveal(f.start, f.end ?? f.start + 1) : setFailed(true));
  return (
    <div class="report" data-shown={attached ? 'attachment' : 'page'}>
      {attached ? <AttachmentBanner attached={attached} onBack={() => show(null)} /> : null}
      {report.title ? <h2 class="report-title">{report.title}</h2> : null}
      <ProgressHeader report={report} todo={todo} />
      <Standing report={report} />
      <Year report={report} givenYear={givenYear} onYear={onYear} />
      <Summary report={report} status={status} {...(attached ? { file: attached.kind } : {})} />
      {failed ? (
        <p class="reveal-failed" role="alert">
          {t(attached ? 'attachmentNoReveal' : 'revealFailed')}
        </p>
      ) : null}
      {report.parts.length ? <Parts parts={report.parts} format={report.format} onPick={reveal} /> : null}
      {report.findings.length ? (
        <Findings findings={report.findings} onPick={pick} fixes={offersOf(status)} onFix={onFix} todo={todo} />
      ) : null}
      <Review status={status} api={attached ? null : review} onAttached={show} />
      {/* The old structure does not demand the tables: say nothing of their absence. */}
      {report.format !== 'pre2019' || report.tables.some((x) => x.status !== 'missing') ? (
        <Tables tables={report.tables} findings={report.findings} onPick={reveal} />
      ) : null}
    </div>
  );
}

function NotReport() {
  return (
    <div class="not-report" role="status">
      <strong>{t('notReportTitle')}</strong>
      <p>{t('notReportHint')}</p>
    </div>
  );
}

export function Panel({
  state,
  onRecheck,
  onReveal,
  review = null,
  onInsert,
  onYear,
  givenYear = null,
  onFix,
}: PanelProps) {
  const status = state.kind === 'page' ? state.status : null;
  const report = status?.kind !== 'none' ? status?.report : undefined;
  return (
    <main
      class="panel"
      data-state={state.kind === 'page' ? state.status.kind : state.kind}
      data-verdict={report?.verdict}
    >
      <header>
        <h1 class="brand">{t('panelTitle')}</h1>
        <button type="button" class="recheck" onClick={onRecheck} disabled={state.kind === 'unreachable'}>
          {t('recheck')}
        </button>
        {onFix ? <FixAllButton offers={offersOf(status)} onFix={onFix} /> : null}
      </header>
      {state.kind === 'connecting' ? <p class="note">{t('panelConnecting')}</p> : null}
      {state.kind === 'unreachable' ? <p class="note">{t('panelUnreachable')}</p> : null}
      {status && (!report || report.verdict === 'not-a-report') ? <NotReport /> : null}
      {report?.verdict === 'empty' ? (
        <StartScreen
          report={report}
          givenYear={givenYear}
          {...(onInsert ? { onInsert } : {})}
          {...(onYear ? { onYear } : {})}
        />
      ) : null}
      {status && report && report.verdict !== 'empty' && report.verdict !== 'not-a-report' ? (
        <Report
          key={status.url}
          status={status}
          onReveal={onReveal}
          review={review}
          givenYear={givenYear}
          onYear={onYear}
          onFix={onFix}
        />
      ) : null}
    </main>
  );
}
