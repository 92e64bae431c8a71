import { formats } from '../../lib/format';
import type { Finding, ReportJson, TableResult } from '../../lib/check/report';
import { partHeading } from '../../lib/write/snippets';
import { t } from './t';

const NUMERALS = '一二三四五六七八九十';

/** A table as the clerk names it: 表三（收到和处理政府信息公开申请情况）. */
export function tableName(table: TableResult['table'], format: ReportJson['format']): string {
  const def =
    formats.find((f) => f.id === format)?.tables.find((d) => d.id === table) ??
    formats.flatMap((f) => f.tables).find((d) => d.id === table);
  return def ? `表${NUMERALS[def.part - 1]}（${def.title}）` : t('tablesTitle');
}

/**
 * Where the draft stands, in four figures at the top of the panel. Given `todo` (in a draft), the
 * findings that only name work not yet done are counted apart as 待完成, not as errors.
 */
export function ProgressHeader({ report, todo }: { report: ReportJson; todo?: (f: Finding) => boolean }) {
  const p = report.progress;
  const count = (severity: Finding['severity']) =>
    todo ? report.findings.filter((f) => f.severity === severity && !todo(f)).length : p[`${severity}s` as 'errors'];
  const errors = count('error');
  const warnings = count('warning');
  const items: { key: string; label: string; value: string; tone: 'done' | 'todo' | 'bad' | 'warn' | 'none' }[] = [];
  if (p.partsRequired)
    items.push({
      key: 'parts',
      label: t('progressParts'),
      value: `${p.partsWritten}/${p.partsRequired}`,
      tone: p.partsWritten >= p.partsRequired ? 'done' : 'todo',
    });
  if (p.tablesRequired)
    items.push({
      key: 'tables',
      label: t('progressTables'),
      value: `${p.tablesFilled}/${p.tablesRequired}`,
      tone: p.tablesFilled >= p.tablesRequired ? 'done' : 'todo',
    });
  items.push(
    { key: 'errors', label: t('severityError'), value: String(errors), tone: errors ? 'bad' : 'none' },
    { key: 'warnings', label: t('severityWarning'), value: String(warnings), tone: warnings ? 'warn' : 'none' },
  );
  const left = todo ? report.findings.filter((f) => f.severity !== 'info' && todo(f)).length : 0;
  if (left) items.push({ key: 'todo', label: t('severityTodo'), value: String(left), tone: 'todo' });
  return (
    <section class="progress" aria-label={t('progressLabel')}>
      {items.map((i) => (
        <div key={i.key} class={`figure ${i.tone}`} data-progress={i.key}>
          <span class="value">{i.value}</span>
          <span class="label">{i.label}</span>
        </div>
      ))}
    </section>
  );
}

/** What is still to do, named: parts with no text of their own, parts still in template text, tables to fill. */
function ToDo({ report }: { report: ReportJson }) {
  const heading = (n: number) => partHeading({ number: n, title: report.parts.find((p) => p.part === n)?.title ?? '' });
  const toWrite = report.parts
    .filter((p) => p.required && (p.status === 'missing' || p.content === 'none'))
    .map((p) => heading(p.part));
  const template = report.progress.templateParts.map(heading);
  const toFill = report.tables
    .filter((x) => x.required && (x.status !== 'ok' || (x.blank ?? 0) > 0))
    .map((x) => tableName(x.table, report.format));
  const lists = [
    { key: 'write', title: t('stillToWrite'), items: toWrite },
    { key: 'template', title: t('templateOnly'), items: template },
    { key: 'fill', title: t('tablesToFill'), items: toFill },
  ].filter((l) => l.items.length);
  return (
    <>
      {lists.map((l) => (
        <div key={l.key} class="todo" data-todo={l.key}>
          <span class="todo-title">{l.title}</span>
          <ul>
            {l.items.map((i) => (
              <li key={i}>{i}</li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}

/** The verdict as the engine gave it: 全部通过 only when it says all-clear, never from an empty list of findings. */
export function Standing({ report }: { report: ReportJson }) {
  if (report.verdict === 'all-clear')
    return (
      <div class="passed" role="status" data-verdict="all-clear">
        <strong>✓ {t('allPassed')}</strong>
        <p>{t('allPassedHint')}</p>
      </div>
    );
  if (report.verdict !== 'in-progress' && report.verdict !== 'problems') return null;
  return (
    <div class="standing" role="status" data-verdict={report.verdict}>
      <strong>{t(report.verdict === 'in-progress' ? 'verdictInProgress' : 'verdictProblems')}</strong>
      <ToDo report={report} />
    </div>
  );
}
