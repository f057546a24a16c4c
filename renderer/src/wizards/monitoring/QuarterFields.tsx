import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROGRESS_STATUSES } from '../../../../main/core/monitoring.ts';
import type { Row } from '../../../../main/core/rows.ts';
import { FieldShell, fieldAria } from '../../components/FieldShell.tsx';
import { useFieldError, usePlanData } from '../../plan/PlanData.tsx';
import { useFixedRowSave } from '../../plan/fixedRow.ts';

/**
 * The status and the narrative of one KPI (or project) in one fiscal quarter: fields of its quarter row
 * (kpiQuarter or projectQuarter, id `${parentId}:${year}:q${quarter}`), which the first value typed or chosen
 * creates (useFixedRowSave), as a number typed into one of the quarter's cells does.
 */
interface Props {
  entity?: 'kpiQuarter' | 'projectQuarter';
  /** The KPI or project. */
  kpi: Row;
  row: Row | undefined;
  year: number;
  quarter: number;
  label: string;
}

export function QuarterStatus({ entity = 'kpiQuarter', kpi, row, year, quarter, label }: Props) {
  const { t } = useTranslation();
  const data = usePlanData();
  const id = useId();
  const { id: rowId, save } = useFixedRowSave(entity, kpi.id, { year, quarter }, row);
  const [value, setValue] = useState(() => String((row && data.value(row, 'status')) ?? ''));
  const error = useFieldError(rowId, 'status');
  return (
    <FieldShell id={id} label={label} hideLabel error={error}>
      <select
        id={id}
        value={value}
        {...fieldAria(id, error)}
        onChange={(e) => {
          setValue(e.target.value);
          save('status', e.target.value === '' ? null : e.target.value);
          void data.flush();
        }}
      >
        <option value="">{t('monitoring.statusNone')}</option>
        {PROGRESS_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`monitoring.statusName.${s}`)}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** The quarter's text: a KPI's narrative, a project's note. */
export function QuarterNarrative({ entity = 'kpiQuarter', kpi, row, year, quarter, label }: Props) {
  const field = entity === 'kpiQuarter' ? 'narrative' : 'note';
  const data = usePlanData();
  const id = useId();
  const { id: rowId, save } = useFixedRowSave(entity, kpi.id, { year, quarter }, row);
  const [value, setValue] = useState(() => String((row && data.value(row, field)) ?? ''));
  const error = useFieldError(rowId, field);
  return (
    <FieldShell id={id} label={label} hideLabel error={error}>
      <textarea
        id={id}
        rows={2}
        value={value}
        {...fieldAria(id, error)}
        onChange={(e) => {
          setValue(e.target.value);
          save(field, e.target.value, e.target.value);
        }}
        onBlur={() => void data.flush()}
      />
    </FieldShell>
  );
}

/**
 * The quarter's status and text as two table cells of one KPI's or project's row: the one place both steps
 * bind them to the quarter row, with the labels that name the quarter and the KPI or project.
 */
export function QuarterCells({
  statusLabel,
  textLabel,
  ...props
}: Omit<Props, 'label'> & { statusLabel: string; textLabel: string }) {
  return (
    <>
      <td>
        <QuarterStatus {...props} label={statusLabel} />
      </td>
      <td className="monitoring-narrative">
        <QuarterNarrative {...props} label={textLabel} />
      </td>
    </>
  );
}
