import { memo, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseNumberCell } from '../../../main/core/paste.ts';
import { parseThaiDate } from '../../../main/core/thaiDate.ts';
import { ROW_REQUIRED, type Row } from '../../../main/core/rows.ts';
import { DateInput } from '../components/DateInput.tsx';
import { afterPointer } from '../components/afterPointer.ts';
import { FieldShell, fieldAria } from '../components/FieldShell.tsx';
import { formatAmount, typedDate } from '../format.ts';
import { useFieldError, usePlanActions } from './PlanData.tsx';
import { sameProps } from './sameProps.ts';

/**
 * Inputs bound to one field of one row: they show the row's value, autosave through PlanData and show the
 * field's Thai message under the input (aria-invalid + aria-describedby), like the plan header's fields.
 *
 * Memoised, reading PlanData through usePlanActions (the same object while new rows come): a save re-renders
 * the fields whose row is a new object, not every field of a list of 1,000 KPIs. Everything a field's check
 * reads is in its row and the plan's options (which renew usePlanActions): a rule that reads the row's parent
 * (a target and its KPI's unit) belongs to a YearCell, which takes the parent as a prop.
 */
interface BoundProps {
  row: Row;
  field: string;
  label: string;
  /** Hide the label visually (a table cell whose column header says it); screen readers still read it. */
  hideLabel?: boolean;
}

export const RowText = memo(function RowText({
  row,
  field,
  label,
  hideLabel,
  multiline,
  list,
}: BoundProps & {
  multiline?: boolean;
  /** The id of a <datalist> of suggestions (one list per screen, shared by its many inputs). */
  list?: string;
}) {
  const data = usePlanActions();
  const id = useId();
  const [left, setLeft] = useState(false);
  // Touched: typed into, or pressed on. A new row's first field gets the focus by itself (useFocusRow), and
  // leaving it untouched, or tabbing through it, is not leaving it empty: no message for that.
  const touched = useRef(false);
  // Own state: the text shows at once, whatever the (deferred) plan-wide update is doing.
  const [value, setValue] = useState(() => data.unsavedText(row.id, field) ?? String(data.value(row, field) ?? ''));
  // Required fields may be saved empty while a row is being written; say so once the user has left the field.
  const required = (ROW_REQUIRED[row.entity] ?? []).includes(field);
  const error =
    useFieldError(row.id, field) ?? (required && left && value.trim() === '' ? 'validation.required' : undefined);
  const change = (next: string) => {
    touched.current = true;
    setValue(next);
    data.edit(row, field, next);
  };
  const props = {
    id,
    value,
    required,
    ...fieldAria(id, error),
    onPointerDown: () => (touched.current = true),
    onBlur: () => {
      if (touched.current) afterPointer(() => setLeft(true));
      void data.flush();
    },
  };
  return (
    <FieldShell id={id} label={label} hideLabel={hideLabel} error={error}>
      {multiline ? (
        <textarea {...props} rows={3} onChange={(e) => change(e.target.value)} />
      ) : (
        <input {...props} list={list} onChange={(e) => change(e.target.value)} />
      )}
    </FieldShell>
  );
}, sameProps);

/** Numbers as people type them (Thai digits, thousands separators); blank is "no value" where allowed. */
export const RowNumber = memo(function RowNumber({
  row,
  field,
  label,
  hideLabel,
  values,
  grouped = false,
}: BoundProps & {
  /** Values for the placeholders of core's messages about this field (the plan's scale, its years). */
  values?: Record<string, string | number>;
  /** An amount shown with thousands separators (3,800,000) as year cells show theirs; never a year. */
  grouped?: boolean;
}) {
  const data = usePlanActions();
  const saved = data.value(row, field);
  // Refused input (core/validity.ts) stays as typed until fixed.
  const [text, setText] = useState(() => {
    const unsaved = data.unsavedText(row.id, field);
    if (unsaved !== undefined) return unsaved;
    if (saved === null || saved === undefined) return '';
    return grouped && typeof saved === 'number' ? formatAmount(saved) : String(saved);
  });
  // A stored value the rules no longer accept (the plan's period moved, a file brought it) is flagged too.
  const current = data.value(row, field);
  const error =
    useFieldError(row.id, field) ??
    (typeof current === 'number' ? data.check(row.entity, row.parentId, row.data, field, current) : undefined);
  const change = (next: string) => {
    setText(next);
    const parsed = parseNumberCell(next);
    if (parsed.ok) data.edit(row, field, parsed.value, next);
    else data.reject(row.id, field, parsed.message, next);
  };
  return <NumberBox text={text} label={label} hideLabel={hideLabel} error={error} values={values} onChange={change} />;
}, sameProps);

/** The box a number is typed into (RowNumber, YearCell): kept as typed, saved when focus leaves it. */
export function NumberBox({
  text,
  label,
  hideLabel,
  error,
  values,
  onChange,
}: {
  text: string;
  label: string;
  hideLabel?: boolean;
  /** An i18n key, with `values` for its placeholders. */
  error: string | undefined;
  values?: Record<string, string | number>;
  onChange(text: string): void;
}) {
  // Only flush, which is the same whatever the rows: no re-render of the box when a save returns.
  const data = usePlanActions();
  const id = useId();
  return (
    <FieldShell id={id} label={label} hideLabel={hideLabel} error={error} values={values}>
      <input
        id={id}
        inputMode="decimal"
        value={text}
        {...fieldAria(id, error)}
        onChange={(e) => onChange(e.target.value)}
        onBlur={() => void data.flush()}
      />
    </FieldShell>
  );
}

export const RowSelect = memo(function RowSelect({
  row,
  field,
  label,
  hideLabel,
  options,
}: BoundProps & { options: readonly { value: string; label: string }[] }) {
  const data = usePlanActions();
  const id = useId();
  const [value, setValue] = useState(() => String(data.value(row, field) ?? ''));
  const error = useFieldError(row.id, field);
  return (
    <FieldShell id={id} label={label} hideLabel={hideLabel} error={error}>
      <select
        id={id}
        value={value}
        {...fieldAria(id, error)}
        onChange={(e) => {
          setValue(e.target.value);
          data.edit(row, field, e.target.value);
          void data.flush();
        }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}, sameProps);

export const RowCheck = memo(function RowCheck({ row, field, label }: Omit<BoundProps, 'hideLabel'>) {
  const data = usePlanActions();
  const [checked, setChecked] = useState(() => data.value(row, field) === true);
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={checked}
        onChange={(e) => {
          setChecked(e.target.checked);
          data.edit(row, field, e.target.checked);
          void data.flush();
        }}
      />
      {label}
    </label>
  );
}, sameProps);

/** A date typed the Thai way (๑๓ ก.ย. ๒๕๖๔, 13/9/2564) or picked from a B.E. calendar; stored as ISO. */
export const RowDate = memo(function RowDate({ row, field, label, hideLabel }: BoundProps) {
  const { i18n } = useTranslation();
  const data = usePlanActions();
  const id = useId();
  const saved = data.value(row, field);
  const [text, setText] = useState(
    () => data.unsavedText(row.id, field) ?? (typeof saved === 'string' ? typedDate(saved, i18n.language) : ''),
  );
  const error = useFieldError(row.id, field);
  const change = (next: string) => {
    setText(next);
    if (next.trim() === '') return data.edit(row, field, null);
    const parsed = parseThaiDate(next);
    if (parsed.ok) data.edit(row, field, parsed.iso, next);
    else data.reject(row.id, field, parsed.message, next);
  };
  const save = () => void data.flush();
  return (
    <FieldShell id={id} label={label} hideLabel={hideLabel} error={error}>
      <DateInput id={id} text={text} error={error} onChange={change} onPicked={save} onBlur={save} />
    </FieldShell>
  );
}, sameProps);
