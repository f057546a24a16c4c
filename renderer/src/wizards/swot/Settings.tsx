import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseNumberCell } from '../../../../main/core/paste.ts';
import type { RowData } from '../../../../main/core/rows.ts';
import { SIDE_FRAMEWORKS, type Side } from '../../../../main/core/swotPlan.ts';
import { usePlanData } from '../../plan/PlanData.tsx';
import { FieldShell, fieldAria } from '../../components/FieldShell.tsx';

type Options = RowData<'planOptions'>;

/**
 * An option as the user just chose it. The plan's options row may not exist yet (its first change creates
 * it), so the choice is held here rather than waiting for the round trip; a controlled radio that snaps
 * back until main answers would look like a click that did nothing.
 */
function useChoice<F extends 'internalFramework' | 'externalFramework' | 'weightsMustSum'>(field: F) {
  const data = usePlanData();
  const [value, setValue] = useState<Options[F]>(data.options[field]);
  const choose = (next: Options[F]) => {
    setValue(next);
    void data.setOption(field, next).then(() => data.flush());
  };
  return [value, choose] as const;
}

/** Step 1 of the internal and external wizards: the framework of this side and the plan's scoring rule. */
export function Settings({ side }: { side: Side }) {
  const { t } = useTranslation();
  const field = side === 'internal' ? 'internalFramework' : 'externalFramework';
  const [current, choose] = useChoice(field);
  const [mustSum, setMustSum] = useChoice('weightsMustSum');
  return (
    <>
      <fieldset>
        <legend>{t(`swot.${side}.frameworkLegend`)}</legend>
        {SIDE_FRAMEWORKS[side].map((framework) => (
          <label key={framework} className="check">
            <input
              type="radio"
              name={field}
              checked={current === framework}
              // SIDE_FRAMEWORKS lists only this side's frameworks, so the field accepts it.
              onChange={() => choose(framework as Options[typeof field])}
            />
            <span>
              {t(`swot.framework.${framework}`)} <span className="hint">{t(`swot.frameworkHint.${framework}`)}</span>
            </span>
          </label>
        ))}
        <p className="hint">{t('swot.settings.frameworkKeeps')}</p>
      </fieldset>
      <fieldset>
        <legend>{t('swot.settings.scaleLegend')}</legend>
        <div className="field-row">
          <ScaleInput field="ratingMin" label={t('swot.settings.ratingMin')} />
          <ScaleInput field="ratingMax" label={t('swot.settings.ratingMax')} />
        </div>
        <label className="check">
          <input type="checkbox" checked={mustSum} onChange={(e) => setMustSum(e.target.checked)} />
          {t('swot.settings.mustSum')}
        </label>
      </fieldset>
    </>
  );
}

/** A whole number of the rating scale; kept as typed (Thai digits allowed) and saved once it is one. */
function ScaleInput({ field, label }: { field: 'ratingMin' | 'ratingMax'; label: string }) {
  const data = usePlanData();
  const id = useId();
  const [text, setText] = useState(String(data.options[field]));
  const [error, setError] = useState<string | undefined>();
  const change = (next: string) => {
    setText(next);
    const parsed = parseNumberCell(next);
    if (!parsed.ok) return setError(parsed.message);
    if (parsed.value === null || !Number.isInteger(parsed.value)) return setError('swot.settings.integer');
    setError(undefined);
    void data.setOption(field, parsed.value);
  };
  return (
    <FieldShell id={id} label={label} error={error}>
      <input
        id={id}
        inputMode="numeric"
        value={text}
        {...fieldAria(id, error)}
        onChange={(e) => change(e.target.value)}
        onBlur={() => void data.flush()}
      />
    </FieldShell>
  );
}
