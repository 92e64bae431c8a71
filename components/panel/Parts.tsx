import type { PartResult } from '../../lib/check/report';
import { t, type MessageKey } from './t';

const STATUS: Record<PartResult['status'], { key: MessageKey; icon: string }> = {
  ok: { key: 'partOk', icon: '✓' },
  retitled: { key: 'partRetitled', icon: '!' },
  missing: { key: 'partMissing', icon: '✗' },
};

export function Parts({ parts, onPick }: { parts: PartResult[]; onPick(start: number, end: number): void }) {
  return (
    <section class="parts">
      <h2>{t('partsTitle')}</h2>
      <ol>
        {parts.map((p) => {
          const s = STATUS[p.status];
          const at = p.start;
          return (
            <li key={p.part} class={`part ${p.status}`} data-part={p.part} data-status={p.status}>
              <span class="icon" aria-hidden="true">
                {s.icon}
              </span>
              <span class="title">
                {p.part}. {p.title}
              </span>
              <span class="status">{t(s.key)}</span>
              {at !== undefined ? (
                <button
                  type="button"
                  class="goto"
                  aria-label={p.title}
                  onClick={() => onPick(at, Math.min(at + (p.heading?.length ?? 1), p.end ?? at + 1))}
                >
                  ↗
                </button>
              ) : (
                <span />
              )}
              {p.heading && p.status === 'retitled' ? <div class="heading">「{p.heading}」</div> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
