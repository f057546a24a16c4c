import { useId, useRef, useState } from 'react';
import { parseNumberCell } from '../../../../main/core/paste.ts';
import type { Row } from '../../../../main/core/rows.ts';
import { usePlanData } from '../../plan/PlanData.tsx';
import { FieldShell, fieldAria } from '../../components/FieldShell.tsx';

/** Creations of year rows on their way, by row id: the other cell of the same year waits for it. */
const creating = new Map<string, Promise<Row | undefined>>();
/** A saved 12000 shows as "12,000", the way it was typed or pasted; parseNumberCell reads it back. */
const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 });

/**
 * A target or actual of one KPI and year. The year row (id `${kpiId}:${year}`) is created by the first value
 * typed, not in advance: a row of blanks created on sight could, after an exchange, overwrite the values
 * another office entered for the same year. Keystrokes that come while it is being created wait for it and
 * then edit it, so the last one typed is the one saved; from then on the cell autosaves like RowNumber.
 */
export function YearCell({
  kpi,
  row,
  year,
  field,
  label,
}: {
  kpi: Row;
  /** The year row if it exists (the table looks them up once, not per cell). */
  row: Row | undefined;
  year: number;
  field: 'target' | 'actual';
  label: string;
}) {
  const data = usePlanData();
  const id = useId();
  const rowRef = useRef(row);
  rowRef.current = row;
  const saved = row ? data.value(row, field) : null;
  const [text, setText] = useState(typeof saved === 'number' ? GROUPED.format(saved) : '');
  const [localError, setLocalError] = useState<string | undefined>();
  const error = row ? data.error(row.id, field) : localError;

  const save = async (value: number | null) => {
    const key = `${kpi.id}:${year}`;
    const existing = rowRef.current ?? (await creating.get(key));
    if (existing) return data.edit(existing, field, value);
    if (value === null) return;
    const made = data
      .create([{ entity: 'prevKpiYear', parentId: kpi.id, values: { year, [field]: value } }])
      .then((rows) => rows?.[0]);
    creating.set(key, made);
    await made;
    creating.delete(key);
  };

  const change = (next: string) => {
    setText(next);
    const parsed = parseNumberCell(next);
    if (parsed.ok) {
      setLocalError(undefined);
      return void save(parsed.value);
    }
    if (row) data.reject(row, field, parsed.message);
    else setLocalError(parsed.message);
  };

  return (
    <FieldShell id={id} label={label} hideLabel error={error}>
      <input
        id={id}
        inputMode="decimal"
        value={text}
        {...fieldAria(id, error)}
        onChange={(e) => change(e.target.value)}
        onBlur={() => void data.flush()}
      />
    </FieldShell>
  );
}
