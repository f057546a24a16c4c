import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseThaiDate } from '../../../main/core/thaiDate.ts';
import { BeDatePicker } from './BeDatePicker.tsx';
import { typedDate } from '../format.ts';
import { fieldAria } from './FieldShell.tsx';

/**
 * A date typed the Thai way (๒๐ ก.ย. ๒๕๖๕, B.E.) with a B.E. calendar beside it; a picked day is written into
 * the box as typed text, so the owner reads every change through `onChange` alone.
 */
export function DateInput({
  id,
  text,
  error,
  onChange,
  onPicked,
  onBlur,
}: {
  id: string;
  text: string;
  error: string | undefined;
  onChange(text: string): void;
  /** After a day is picked from the calendar (the owner may save at once). */
  onPicked?(): void;
  onBlur?(): void;
}) {
  const { t, i18n } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [picking, setPicking] = useState(false);
  const current = parseThaiDate(text);
  const close = () => {
    setPicking(false);
    input.current?.focus();
  };
  return (
    <>
      <div className="date-field">
        <input
          id={id}
          ref={input}
          value={text}
          placeholder={t('fields.datePlaceholder')}
          {...fieldAria(id, error)}
          onChange={(e) => onChange(e.target.value)}
          onBlur={onBlur}
        />
        <button type="button" aria-expanded={picking} onClick={() => setPicking((p) => !p)}>
          {t('datePicker.open')}
        </button>
      </div>
      {picking && (
        <BeDatePicker
          value={current.ok ? current.iso : null}
          onPick={(iso) => {
            onChange(typedDate(iso, i18n.language));
            onPicked?.();
            close();
          }}
          onClose={close}
        />
      )}
    </>
  );
}
