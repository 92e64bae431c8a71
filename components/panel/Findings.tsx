import type { Finding, Severity } from '../../lib/check/report';
import type { FixOffer } from '../../lib/extension/messages';
import { FixButton, type OnFix } from './Fix';
import { t, type MessageKey } from './t';

/** The groups of the list: by severity, and in a draft the work not yet done apart (待完成). */
type Group = Severity | 'todo';
const ORDER: Group[] = ['error', 'warning', 'todo', 'info'];
const HEADINGS: Record<Group, MessageKey> = {
  error: 'severityError',
  warning: 'severityWarning',
  todo: 'severityTodo',
  info: 'severityInfo',
};

export const checkName = (code: Finding['code']) => t(`check_${code.replace(/-/g, '_')}` as MessageKey);

/** Arrow keys move between findings (across groups); Enter or a click asks the page to show one. */
function onKeyDown(e: KeyboardEvent): void {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp' && e.key !== 'Home' && e.key !== 'End') return;
  const list = e.currentTarget as HTMLElement;
  // Findings inside a closed group are not reachable.
  const items = Array.from(list.querySelectorAll<HTMLElement>('[data-finding]')).filter(
    (el) => el.closest('details')?.open !== false,
  );
  if (!items.length) return;
  const at = items.indexOf(document.activeElement as HTMLElement);
  const next =
    e.key === 'Home'
      ? 0
      : e.key === 'End'
        ? items.length - 1
        : e.key === 'ArrowDown'
          ? Math.min(items.length - 1, at + 1)
          : Math.max(0, at - 1);
  e.preventDefault();
  items[next]!.focus();
}

/**
 * The findings by severity, each group folding away: errors and warnings open, what is left to
 * write and information folded when there is anything worse, so the checklist and the grids below
 * stay within reach.
 */
export function Findings({
  findings,
  onPick,
  fixes = [],
  onFix,
  todo,
}: {
  findings: Finding[];
  onPick(f: Finding): void;
  /** Fixes offered for some of the findings (by index in `findings`); none on a published page. */
  fixes?: readonly FixOffer[];
  onFix?: OnFix;
  /** In a draft: the findings that only name work not yet done, listed apart under 待完成. */
  todo?: (f: Finding) => boolean;
}) {
  let index = 0;
  const groupOf = (f: Finding): Group => (f.severity !== 'info' && todo?.(f) ? 'todo' : f.severity);
  const worse = findings.some((f) => groupOf(f) === 'error' || groupOf(f) === 'warning');
  return (
    <section class="findings" aria-label={t('findingsTitle')}>
      <h2>
        {t('findingsTitle')} <span class="hint">{t('findingsKeys')}</span>
      </h2>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: arrow keys move between the finding buttons inside */}
      <div class="finding-groups" onKeyDown={onKeyDown}>
        {ORDER.map((severity) => {
          const group = findings.filter((f) => groupOf(f) === severity);
          if (!group.length) return null;
          return (
            <details
              class={`group ${severity}`}
              key={severity}
              data-severity={severity}
              open={severity === 'error' || severity === 'warning' || !worse}
            >
              <summary>
                <h3>
                  {t(HEADINGS[severity])} <span class="count">{group.length}</span>
                </h3>
              </summary>
              <ul>
                {group.map((f) => {
                  const i = index++;
                  return (
                    <li key={i}>
                      <button
                        type="button"
                        data-finding={f.code}
                        tabIndex={i === 0 ? 0 : -1}
                        onClick={() => onPick(f)}
                        onFocus={(e) => resetTabIndex(e.currentTarget)}
                      >
                        <span class="code">{checkName(f.code)}</span>
                        <span class="message">{f.message}</span>
                      </button>
                      {onFix && offered(fixes, findings.indexOf(f)) ? (
                        <FixButton offer={offered(fixes, findings.indexOf(f))!} onFix={onFix} />
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            </details>
          );
        })}
      </div>
    </section>
  );
}

const offered = (fixes: readonly FixOffer[], finding: number) => fixes.find((o) => o.finding === finding);

/** Roving tab index: Tab enters the list at the finding last focused. */
function resetTabIndex(current: HTMLElement): void {
  const list = current.closest('.finding-groups');
  list?.querySelectorAll<HTMLElement>('[data-finding]').forEach((b) => (b.tabIndex = b === current ? 0 : -1));
}
