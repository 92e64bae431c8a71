import type { PartResult, ReportFormat } from '../../lib/check/report';
import { partHeading } from '../../lib/write/snippets';
import { t, type MessageKey } from './t';

type Look = { key: MessageKey; icon: string; tone: 'ok' | 'warn' | 'bad' | 'info' };

/** How one part shows: a part the format never required is information, never a red ✗. */
function lookOf(p: PartResult): Look {
  if (p.required === false)
    return p.status === 'missing'
      ? { key: 'partAbsentOld', icon: '–', tone: 'info' }
      : { key: 'partPresentOld', icon: '•', tone: 'info' };
  if (p.status === 'missing') return { key: 'partMissing', icon: '✗', tone: 'bad' };
  if (p.status === 'retitled') return { key: 'partRetitled', icon: '!', tone: 'warn' };
  if (p.content === 'none') return { key: 'partEmpty', icon: '○', tone: 'warn' };
  if (p.content === 'template') return { key: 'partTemplate', icon: '○', tone: 'warn' };
  return { key: 'partOk', icon: '✓', tone: 'ok' };
}

export function Parts({
  parts,
  format,
  onPick,
}: {
  parts: PartResult[];
  format: ReportFormat;
  onPick(start: number, end: number): void;
}) {
  return (
    <section class="parts" aria-labelledby="parts-title">
      <h2 id="parts-title">{t(format === 'pre2019' ? 'partsTitleOld' : 'partsTitle')}</h2>
      <ol>
        {parts.map((p) => {
          const look = lookOf(p);
          const at = p.start;
          const heading = partHeading({ number: p.part, title: p.title });
          return (
            <li
              key={p.part}
              class={`part ${p.status} ${look.tone}`}
              data-part={p.part}
              data-status={p.status}
              data-content={p.content}
              data-tone={look.tone}
            >
              <span class="icon" aria-hidden="true">
                {look.icon}
              </span>
              <span class="title">{heading}</span>
              <span class="status">{t(look.key)}</span>
              {at !== undefined ? (
                <button
                  type="button"
                  class="goto"
                  aria-label={heading}
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
