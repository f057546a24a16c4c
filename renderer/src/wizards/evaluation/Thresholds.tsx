import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { thresholdsValid } from '../../../../main/core/evaluation.ts';
import { parseNumberCell } from '../../../../main/core/paste.ts';
import { usePlanData } from '../../plan/PlanData.tsx';

/** The plan's four level thresholds (levels 2–5), saved only as a valid ascending set. */
export function Thresholds() {
  const { t } = useTranslation();
  const data = usePlanData();
  const id = useId();
  const [texts, setTexts] = useState(data.options.levelThresholds.map(String));
  const [error, setError] = useState<string | undefined>();
  const change = (index: number, text: string) => {
    const next = texts.map((v, i) => (i === index ? text : v));
    setTexts(next);
    const values = next.map((v) => parseNumberCell(v)).map((p) => (p.ok ? p.value : null));
    if (values.every((v): v is number => v !== null) && thresholdsValid(values)) {
      setError(undefined);
      void data.setOption('levelThresholds', values);
    } else setError('validation.thresholds');
  };
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{t('evaluation.thresholds.legend')}</legend>
      <div className="eval-thresholds">
        {texts.map((text, i) => (
          <div className="field" key={i}>
            <label htmlFor={`${id}-${i}`}>{t('evaluation.thresholds.level', { level: i + 2 })}</label>
            <input
              id={`${id}-${i}`}
              inputMode="decimal"
              value={text}
              aria-invalid={error ? true : undefined}
              onChange={(e) => change(i, e.target.value)}
              onBlur={() => void data.flush()}
            />
          </div>
        ))}
      </div>
      <p className="hint">{t('evaluation.thresholds.below', { bound: texts[0] })}</p>
      {error && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {t(error)}
        </span>
      )}
    </fieldset>
  );
}
