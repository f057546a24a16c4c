import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldIssues } from '../../../main/core/errors.ts';
import { OfficeIdentity, type OfficeRole } from '../../../main/core/exchange/identity.ts';
import { useApi } from '../ApiContext.tsx';
import { Field } from '../components/Field.tsx';
import { useShell } from '../shell.ts';
import { exchangeErrorText } from './labels.ts';

const ROLES: readonly OfficeRole[] = ['contributor', 'secretariat'];

interface IdentityFormProps {
  initial: OfficeIdentity | null;
  /** Called with what was saved in settings. */
  onSaved(identity: OfficeIdentity): void;
  /** A second button: "skip for now" at first start, "cancel" when changing. */
  secondary?: { label: string; onClick(): void } | undefined;
  /** Put the cursor in the first field (the form opened on request, not with the page). */
  autoFocus?: boolean;
}

/**
 * This installation's office in exchanges: code, Thai name and role, each role explained in one line. Checked
 * with core's OfficeIdentity before it is saved in settings; problems show under their fields.
 */
export function IdentityForm({ initial, onSaved, secondary, autoFocus }: IdentityFormProps) {
  const { t } = useTranslation();
  const api = useApi();
  const shell = useShell();
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [code, setCode] = useState(initial?.code ?? '');
  const [name, setName] = useState(initial?.name ?? '');
  const [role, setRole] = useState<OfficeRole | null>(initial?.role ?? null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  // After a refused save, the first field with a message takes the cursor: a keyboard user lands on the fix.
  const focusProblem = useRef(false);

  useEffect(() => {
    if (autoFocus) form.current?.querySelector('input')?.focus();
  }, [autoFocus]);

  useEffect(() => {
    if (!focusProblem.current) return;
    focusProblem.current = false;
    form.current?.querySelector<HTMLElement>('input[aria-invalid="true"]')?.focus();
  }, [errors]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = OfficeIdentity.safeParse({ code, name, role: role ?? undefined });
    if (!parsed.success) {
      const found = fieldIssues(parsed.error);
      setErrors({
        ...found,
        ...(code.trim() === '' ? { code: 'validation.required' } : {}),
        ...(role === null ? { role: 'exchange.ui.identity.roleRequired' } : {}),
      });
      focusProblem.current = true;
      return;
    }
    setErrors({});
    setSaving(true);
    const result = await api['settings.set']({ office: parsed.data });
    setSaving(false);
    if (!result.ok) return shell.notify({ text: exchangeErrorText(t, result.error), kind: 'error' });
    if (result.data.office) onSaved(result.data.office);
  };

  return (
    <form
      ref={form}
      className="identity-form"
      noValidate
      aria-label={t('exchange.ui.identity.formLabel')}
      onSubmit={(e) => void submit(e)}
    >
      <div className="identity-fields">
        <div>
          <Field
            label={t('exchange.ui.identity.code')}
            value={code}
            error={errors.code}
            describedBy={`${id}-code-hint`}
            onChange={setCode}
          />
          <p className="hint" id={`${id}-code-hint`}>
            {t('exchange.ui.identity.codeHint')}
          </p>
        </div>
        <div>
          <Field
            label={t('exchange.ui.identity.name')}
            value={name}
            error={errors.name}
            describedBy={`${id}-name-hint`}
            onChange={setName}
          />
          <p className="hint" id={`${id}-name-hint`}>
            {t('exchange.ui.identity.nameHint')}
          </p>
        </div>
      </div>
      <fieldset
        className="identity-roles"
        aria-invalid={errors.role ? true : undefined}
        aria-describedby={errors.role ? `${id}-role-error` : undefined}
      >
        <legend>{t('exchange.ui.identity.role')}</legend>
        {ROLES.map((r) => (
          // The role's name is the radio's label; its one-line explanation is read after it, not as part of it.
          <div key={r} className="identity-role">
            <input
              type="radio"
              id={`${id}-${r}`}
              name={`${id}-role`}
              value={r}
              checked={role === r}
              aria-invalid={errors.role ? true : undefined}
              aria-describedby={`${id}-${r}-hint`}
              onChange={() => setRole(r)}
            />
            <div>
              <label htmlFor={`${id}-${r}`}>{t(`exchange.ui.role.${r}`)}</label>
              <span id={`${id}-${r}-hint`} className="muted">
                {t(`exchange.ui.identity.roleHint.${r}`)}
              </span>
            </div>
          </div>
        ))}
        {errors.role && (
          <span id={`${id}-role-error`} className="field-error">
            {t(errors.role)}
          </span>
        )}
      </fieldset>
      {initial && <p className="hint">{t('exchange.ui.identity.changeHint')}</p>}
      <div className="actions">
        <button type="submit" className="primary" disabled={saving}>
          {t('exchange.ui.identity.save')}
        </button>
        {secondary && (
          <button type="button" onClick={secondary.onClick}>
            {secondary.label}
          </button>
        )}
      </div>
    </form>
  );
}
