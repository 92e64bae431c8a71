import { useState } from 'preact/hooks';
import type { FixOffer, FixResult } from '../../lib/extension/messages';
import { distinctPreviews } from '../../lib/write/fixes/distinct';
import { t } from './t';
import './fix.css';

/** Writes fixes into the page's editor (keys of FixOffers); resolves with what the page did. */
export type OnFix = (keys: string[]) => Promise<FixResult>;

type Step = 'idle' | 'confirm' | 'busy' | 'failed' | 'changed';

/**
 * A fix is shown before it is written: the first click opens what it will change (旧 → 新, one line
 * per fix), the second writes it. The finding itself disappears with the page's next check.
 */
function useFix(offers: readonly FixOffer[], onFix: OnFix) {
  const [step, setStep] = useState<Step>('idle');
  const write = () => {
    setStep('busy');
    onFix(offers.map((o) => o.key)).then(
      (r) => setStep(r.ok ? 'idle' : r.error === 'changed' ? 'changed' : 'failed'),
      () => setStep('failed'),
    );
  };
  return { step, open: () => setStep('confirm'), close: () => setStep('idle'), write };
}

function Confirm({ offers, fix }: { offers: readonly FixOffer[]; fix: ReturnType<typeof useFix> }) {
  return (
    <fieldset class="fix-confirm">
      <legend class="fix-label">{t('fixWillChange')}</legend>
      <ul class="fix-previews">
        {/* Findings one mend answers (three sums broken by one wrong total) show it once. */}
        {distinctPreviews(offers).map((preview) => (
          <li key={preview} class="fix-preview">
            {preview}
          </li>
        ))}
      </ul>
      <button type="button" class="fix-apply" onClick={fix.write} disabled={fix.step === 'busy'}>
        {t('fixConfirm')}
      </button>
      <button type="button" class="fix-cancel" onClick={fix.close} disabled={fix.step === 'busy'}>
        {t('fixCancel')}
      </button>
    </fieldset>
  );
}

function Failure({ step }: { step: Step }) {
  if (step !== 'failed' && step !== 'changed') return null;
  return (
    <p class="fix-failed" role="alert">
      {t(step === 'changed' ? 'fixChanged' : 'fixFailed')}
    </p>
  );
}

/** 修正 beside one finding. */
export function FixButton({ offer, onFix }: { offer: FixOffer; onFix: OnFix }) {
  const fix = useFix([offer], onFix);
  return (
    <div class="fix">
      {fix.step === 'confirm' || fix.step === 'busy' ? (
        <Confirm offers={[offer]} fix={fix} />
      ) : (
        <button type="button" class="fix-open" data-fix={offer.key} title={offer.preview} onClick={fix.open}>
          {t('fix')}
        </button>
      )}
      <Failure step={fix.step} />
    </div>
  );
}

/** 全部修正（N）: every fixable finding at once, written as one undo step. */
export function FixAllButton({ offers, onFix }: { offers: readonly FixOffer[]; onFix: OnFix }) {
  const fix = useFix(offers, onFix);
  if (!offers.length) return null;
  return (
    <div class="fix-all">
      {fix.step === 'confirm' || fix.step === 'busy' ? (
        <Confirm offers={offers} fix={fix} />
      ) : (
        <button type="button" class="fix-open fix-all-open" onClick={fix.open}>
          {t('fixAll', String(distinctPreviews(offers).length))}
        </button>
      )}
      <Failure step={fix.step} />
    </div>
  );
}
