import { memo, useState } from 'react';
import { parseNumberCell } from '../../../main/core/paste.ts';
import type { Row } from '../../../main/core/rows.ts';
import { formatAmount } from '../format.ts';
import { useFieldError, usePlanActions } from './PlanData.tsx';
import { NumberBox } from './RowFields.tsx';
import { useFixedRowSave } from './fixedRow.ts';
import { sameProps } from './sameProps.ts';

/**
 * One number of one KPI and year in a per-year table: a target or actual of the previous plan (prevKpiYear)
 * or a target of this plan (kpiTarget); or a project's budget for a year (projectBudget, `kpi` is then the
 * project); or, with `quarter`, a KPI's result or a project's progress and money in one fiscal quarter
 * (kpiQuarter, projectQuarter). The year row (id
 * `${kpiId}:${year}`, or `${kpiId}:${year}:q${quarter}`) is created by the first value typed
 * (useFixedRowSave); from then on the cell autosaves like RowNumber.
 *
 * Memoised, and reading PlanData through usePlanActions: a save re-renders the cells whose year row or KPI
 * (the rows their checks read) is a new object, not every cell of a 1,000-KPI table (sameProps: tables pass
 * a new `{ unit }` each render).
 */
export const YearCell = memo(function YearCell({
  entity,
  kpi,
  row,
  year,
  quarter,
  field,
  label,
  values,
}: {
  entity: 'prevKpiYear' | 'kpiTarget' | 'projectBudget' | 'kpiQuarter' | 'projectQuarter';
  kpi: Row;
  /** The year row if it exists (the table looks them up once, not per cell). */
  row: Row | undefined;
  year: number;
  quarter?: number;
  field: 'target' | 'actual' | 'amount' | 'result' | 'progress' | 'allocated' | 'disbursed';
  label: string;
  values?: Record<string, string | number>;
}) {
  const data = usePlanActions();
  const { id, save } = useFixedRowSave(entity, kpi.id, quarter === undefined ? { year } : { year, quarter }, row);
  const saved = row ? data.value(row, field) : null;
  // Refused input (core/validity.ts: a ร้อยละ target over 100, a negative budget) stays as typed, under the
  // year's fixed id whether its row exists yet or not.
  const [text, setText] = useState(
    () => data.unsavedText(id, field) ?? (typeof saved === 'number' ? formatAmount(saved) : ''),
  );
  const error =
    useFieldError(id, field) ??
    (row && typeof saved === 'number' ? data.check(entity, kpi.id, row.data, field, saved) : undefined);

  const change = (next: string) => {
    setText(next);
    const parsed = parseNumberCell(next);
    if (parsed.ok) save(field, parsed.value, next);
    else data.reject(id, field, parsed.message, next);
  };

  return <NumberBox text={text} label={label} hideLabel error={error} values={values} onChange={change} />;
}, sameProps);
