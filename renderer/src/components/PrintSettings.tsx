import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../ApiContext.tsx';
import { errorText } from '../format.ts';
import { useShell } from '../shell.ts';
import { ThaiWords } from './ThaiWords.tsx';

/**
 * Print preferences of this installation: Thai digits (๒๕๖๖) in PDF output (the screen keeps Arabic digits),
 * and users' words for Thai line breaking.
 */
export function PrintSettings() {
  const { t } = useTranslation();
  const api = useApi();
  const shell = useShell();
  const [thaiDigits, setThaiDigits] = useState<boolean | null>(null);

  useEffect(() => {
    void api['settings.get']({}).then((result) => result.ok && setThaiDigits(result.data.thaiDigits));
  }, [api]);

  const change = async (value: boolean) => {
    setThaiDigits(value);
    const result = await api['settings.set']({ thaiDigits: value });
    if (result.ok) setThaiDigits(result.data.thaiDigits);
    else shell.notify({ text: errorText(t, result.error), kind: 'error' });
  };

  return (
    <section className="card" aria-labelledby="print-heading">
      <h2 id="print-heading">{t('print.heading')}</h2>
      <label className="check">
        <input
          type="checkbox"
          checked={thaiDigits ?? false}
          disabled={thaiDigits === null}
          onChange={(e) => void change(e.target.checked)}
        />
        {t('print.thaiDigits')}
      </label>
      <p className="muted">{t('print.thaiDigitsHint')}</p>
      <ThaiWords />
    </section>
  );
}
