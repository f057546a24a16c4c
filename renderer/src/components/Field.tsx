import { useId } from 'react';
import { FieldShell } from './FieldShell.tsx';

interface FieldProps {
  label: string;
  value: string;
  /** An i18n message key (core's validation keys), shown translated under the input. */
  error?: string | undefined;
  /** Id of a hint shown elsewhere (one hint for a group of fields). */
  describedBy?: string;
  inputMode?: 'text' | 'numeric';
  required?: boolean;
  onChange(value: string): void;
  onBlur?(): void;
}

/** A labelled input whose error is announced with it (aria-invalid + aria-describedby). */
export function Field({
  label,
  value,
  error,
  describedBy,
  inputMode = 'text',
  required,
  onChange,
  onBlur,
}: FieldProps) {
  const id = useId();
  const described = [describedBy ?? '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <FieldShell id={id} label={label} error={error}>
      <input
        id={id}
        value={value}
        inputMode={inputMode}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
    </FieldShell>
  );
}
