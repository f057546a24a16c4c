import { useState } from 'react';
import { parseNumberCell } from '../../../main/core/paste.ts';
import type { Row } from '../../../main/core/rows.ts';
import { formatAmount } from '../format.ts';
import { usePlanData } from './PlanData.tsx';
import { NumberBox } from './RowFields.tsx';
import { useFixedRowSave } from './fixedRow.ts';

/**
 * One number of one KPI and year in a per-year table: a target or actual of the previous plan (prevKpiYear)
 * or a target of this plan (kpiTarget); or a project's budget for a year (projectBudget, `kpi` is then the
 * project). The year row (id `${kpiId}:${year}`) is created by the first value typed (useFixedRowSave); from
 * then on the cell autosaves like RowNumber.
 */
export function YearCell({
  entity,
  kpi,
  row,
  year,
  field,
  label,
  check,
  values,
}: {
  entity: 'prevKpiYear' | 'kpiTarget' | 'projectBudget';
  kpi: Row;
  /** The year row if it exists (the table looks them up once, not per cell). */
  row: Row | undefined;
  year: number;
  field: 'target' | 'actual' | 'amount';
  label: string;
  /** A rule beyond the field's schema (a target must fit the KPI's unit): an i18n key when broken, as RowNumber. */
  check?: (value: number) => string | undefined;
  values?: Record<string, string | number>;
}) {
  const data = usePlanData();
  const save = useFixedRowSave(entity, kpi.id, { year }, row);
  const saved = row ? data.value(row, field) : null;
  const [text, setText] = useState(typeof saved === 'number' ? formatAmount(saved) : '');
  // A value refused before its row exists has no row to carry the message.
  const [localError, setLocalError] = useState<string | undefined>();
  const shown = parseNumberCell(text);
  const error =
    localError ??
    (row ? data.error(row.id, field) : undefined) ??
    (shown.ok && shown.value !== null && check ? check(shown.value) : undefined);

  const change = (next: string) => {
    setText(next);
    const parsed = parseNumberCell(next);
    if (parsed.ok) return setLocalError(save(field, parsed.value));
    if (row) {
      setLocalError(undefined);
      data.reject(row, field, parsed.message);
    } else setLocalError(parsed.message);
  };

  return <NumberBox text={text} label={label} hideLabel error={error} values={values} onChange={change} />;
}
