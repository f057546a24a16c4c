import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanField } from '../../../main/core/plan.ts';
import type { FieldErrors, PlanFormValues } from '../planForm.ts';
import { Field } from './Field.tsx';

interface PlanFieldsProps {
  values: PlanFormValues;
  errors: FieldErrors;
  onChange(field: PlanField, value: string): void;
  onBlur?(field: PlanField): void;
}

/** The plan's header fields, shared by the create form and the editor so both look and validate alike. */
export function PlanFields({ values, errors, onChange, onBlur }: PlanFieldsProps) {
  const { t } = useTranslation();
  const field = (name: PlanField, extra: { describedBy?: string; inputMode?: 'numeric'; required?: boolean }) => (
    <Field
      label={t(`fields.${name}`)}
      value={values[name]}
      error={errors[name]}
      onChange={(v) => onChange(name, v)}
      onBlur={onBlur && (() => onBlur(name))}
      {...extra}
    />
  );
  const hintId = useId();
  const year = { describedBy: hintId, inputMode: 'numeric' as const };
  return (
    <>
      {field('organisation', { required: true })}
      {field('title', { required: true })}
      <fieldset>
        <legend>{t('fields.periodLegend')}</legend>
        <small id={hintId} className="hint">
          {t('fields.yearHint')}
        </small>
        <div className="field-row">
          {field('startYear', { ...year, required: true })}
          {field('endYear', { ...year, required: true })}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('fields.prevLegend')}</legend>
        <div className="field-row">
          {field('prevStartYear', year)}
          {field('prevEndYear', year)}
        </div>
      </fieldset>
    </>
  );
}
