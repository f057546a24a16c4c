import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A labelled input with its message under it: every input of the app is wrapped the same way, so screen
 * readers announce the message with the field (aria-invalid + aria-describedby from fieldAria).
 */
export function FieldShell({
  id,
  label,
  hideLabel,
  error,
  values,
  children,
}: {
  id: string;
  label: string;
  /** Hidden visually (a table cell whose column header says it); screen readers still read it. */
  hideLabel?: boolean | undefined;
  /** An i18n message key, shown translated. */
  error: string | undefined;
  values?: Record<string, string | number> | undefined;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      {children}
      {error && (
        <span id={`${id}-error`} className="field-error">
          {t(error, values ?? {})}
        </span>
      )}
    </div>
  );
}

export function fieldAria(id: string, error: string | undefined) {
  return { 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id}-error` : undefined };
}
