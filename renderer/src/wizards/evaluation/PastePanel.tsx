import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notAddedText, parseKpiPaste, type PasteProblem } from '../../../../main/core/previousPlanPaste.ts';
import { usePlanData } from '../../plan/PlanData.tsx';
import { useShell } from '../../shell.ts';
import { createPastedKpis } from './createPastedKpis.ts';

/**
 * Bulk entry: rows copied from Excel, previewed before anything is saved. Lines that will not be added are
 * listed with the reason; the valid ones are created in one rows.create call, so one undo takes them back,
 * and only they leave the box.
 */
export function PastePanel({ years }: { years: readonly number[] }) {
  const { t } = useTranslation();
  const data = usePlanData();
  const shell = useShell();
  const id = useId();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const parsed = useMemo(() => parseKpiPaste(text, years, data.rows), [text, years, data.rows]);
  const why = (p: PasteProblem) => {
    const values = { ...p.values };
    if (typeof values.column === 'string') values.column = t(`evaluation.paste.column.${values.column}`);
    return t('evaluation.paste.line', { line: p.line, reason: t(`evaluation.paste.why.${p.reason}`, values) });
  };
  const add = async () => {
    setBusy(true);
    const ok = await createPastedKpis(data, shell, parsed.kpis);
    setBusy(false);
    if (!ok) return;
    shell.notify({
      text: (tt) => tt('evaluation.paste.created', { count: parsed.kpis.length }),
      undo: true,
      planId: data.plan.id,
    });
    // The lines not added stay, with their reasons, to be fixed here rather than copied from Excel again.
    setText(notAddedText(text, parsed.problems));
  };
  return (
    <section className="eval-paste" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('evaluation.paste.heading')}</h3>
      <p>{t('evaluation.paste.intro')}</p>
      <p className="hint">{t('evaluation.paste.columns', { years: years.join(', ') })}</p>
      <div className="field">
        <label htmlFor={id}>{t('evaluation.paste.label')}</label>
        <textarea id={id} rows={5} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      {text.trim() !== '' && (
        <div aria-live="polite">
          <p>{t('evaluation.paste.ready', { count: parsed.kpis.length })}</p>
          {parsed.problems.length > 0 && (
            <div className="notice notice-error">
              <p>{t('evaluation.paste.problemsHeading', { count: parsed.problems.length })}</p>
              <ul>
                {parsed.problems.map((p) => (
                  <li key={p.line}>{why(p)}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
      <button type="button" disabled={busy || parsed.kpis.length === 0} onClick={() => void add()}>
        {t('evaluation.paste.create', { count: parsed.kpis.length })}
      </button>
    </section>
  );
}
