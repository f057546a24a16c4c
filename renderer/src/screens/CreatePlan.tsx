import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanField } from '../../../main/core/plan.ts';
import { beYearOf } from '../../../main/core/years.ts';
import { useApi } from '../ApiContext.tsx';
import { PlanFields } from '../components/PlanFields.tsx';
import { errorText } from '../format.ts';
import { planFieldErrors, toDraft, validateForm, type FieldErrors, type PlanFormValues } from '../planForm.ts';
import { useShell } from '../shell.ts';

/** A plan usually starts next fiscal year and runs five years. */
function defaults(): PlanFormValues {
  const start = beYearOf(new Date()) + 1;
  return {
    organisation: '',
    title: '',
    startYear: String(start),
    endYear: String(start + 4),
    prevStartYear: '',
    prevEndYear: '',
  };
}

export function CreatePlan() {
  const { t } = useTranslation();
  const api = useApi();
  const shell = useShell();
  const [values, setValues] = useState(defaults);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempts, setAttempts] = useState(0);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  // The organisation is usually this computer's office (its identity in settings): filled in while the user
  // has typed nothing there, and theirs to change.
  useEffect(() => {
    let live = true;
    void api['settings.get']({}).then((r) => {
      const office = r.ok ? r.data.office?.name : undefined;
      if (live && office) setValues((v) => (v.organisation === '' ? { ...v, organisation: office } : v));
    });
    return () => {
      live = false;
    };
  }, [api]);

  // After a failed submit, take the keyboard to the first field that needs attention.
  useEffect(() => {
    if (attempts > 0) form.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
  }, [attempts]);

  const onChange = (field: PlanField, value: string) => {
    const next = { ...values, [field]: value };
    setValues(next);
    // Once messages are showing, keep them current as the user fixes things.
    if (attempts > 0) setErrors(validateForm(next));
  };

  const onSubmit = async (e: React.FormEvent) => {
    e.preventDefault();
    const found = validateForm(values);
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return setAttempts((n) => n + 1);
    setBusy(true);
    const result = await api['plans.create'](toDraft(values));
    setBusy(false);
    if (result.ok) return shell.navigate({ name: 'plan', id: result.data.id });
    setErrors(planFieldErrors(result.error.fields));
    setFormError(errorText(t, result.error));
    setAttempts((n) => n + 1);
  };

  return (
    <main className="page narrow">
      <form ref={form} className="card" aria-labelledby="create-heading" noValidate onSubmit={(e) => void onSubmit(e)}>
        <h1 id="create-heading">{t('create.heading')}</h1>
        <p className="muted">{t('create.intro')}</p>
        <PlanFields values={values} errors={errors} onChange={onChange} />
        {formError && (
          <p className="notice notice-error" role="alert">
            {formError}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('create.submit')}
          </button>
          <a href="#/" className="button">
            {t('common.cancel')}
          </a>
        </div>
      </form>
    </main>
  );
}
