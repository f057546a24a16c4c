import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { fiscalQuarterOf, QUARTERS, type Quarter } from '../../../../main/core/monitoring.ts';
import type { Plan } from '../../../../main/core/plan.ts';
import { FieldShell } from '../../components/FieldShell.tsx';
import { usePlanData } from '../../plan/PlanData.tsx';

/**
 * The fiscal year and quarter the monitoring steps show: at first the quarter today falls in (within the
 * plan's years), then what the user chose, kept for the session so that moving between steps keeps it.
 */
export interface Period {
  readonly year: number;
  readonly quarter: Quarter;
}

function initial(plan: Plan): Period {
  const today = fiscalQuarterOf(new Date().toISOString().slice(0, 10));
  if (today.fiscalYear < plan.startYear) return { year: plan.startYear, quarter: 1 };
  if (today.fiscalYear > plan.endYear) return { year: plan.endYear, quarter: 4 };
  return { year: today.fiscalYear, quarter: today.quarter };
}

const key = (planId: string) => `phaen.monitoring.${planId}`;

export function usePeriod(): [Period, (p: Period) => void] {
  const { plan } = usePlanData();
  const [period, setPeriod] = useState<Period>(() => {
    const stored = sessionStorage.getItem(key(plan.id));
    const parsed = stored ? (JSON.parse(stored) as Period) : null;
    return parsed && parsed.year >= plan.startYear && parsed.year <= plan.endYear ? parsed : initial(plan);
  });
  const choose = (next: Period) => {
    sessionStorage.setItem(key(plan.id), JSON.stringify(next));
    setPeriod(next);
  };
  return [period, choose];
}

/** The fiscal year (and, with `withQuarter`, the quarter) to show. */
export function PeriodPicker({
  period,
  onChange,
  withQuarter,
}: {
  period: Period;
  onChange(p: Period): void;
  withQuarter?: boolean;
}) {
  const { t } = useTranslation();
  const { plan } = usePlanData();
  const yearId = useId();
  const quarterId = useId();
  const years = Array.from({ length: plan.endYear - plan.startYear + 1 }, (_, i) => plan.startYear + i);
  return (
    <div className="field-row period-picker">
      <FieldShell id={yearId} label={t('monitoring.fiscalYear')} error={undefined}>
        <select id={yearId} value={period.year} onChange={(e) => onChange({ ...period, year: Number(e.target.value) })}>
          {years.map((year) => (
            <option key={year} value={year}>
              {t('monitoring.fiscalYearOption', { year })}
            </option>
          ))}
        </select>
      </FieldShell>
      {withQuarter && (
        <FieldShell id={quarterId} label={t('monitoring.quarter')} error={undefined}>
          <select
            id={quarterId}
            value={period.quarter}
            onChange={(e) => onChange({ ...period, quarter: Number(e.target.value) as Quarter })}
          >
            {QUARTERS.map((q) => (
              <option key={q} value={q}>
                {quarterName(t, q)}
              </option>
            ))}
          </select>
        </FieldShell>
      )}
    </div>
  );
}

export function quarterName(t: TFunction, q: Quarter): string {
  return `${t('monitoring.quarterN', { quarter: q })} (${t(`monitoring.quarterMonths.${q}`)})`;
}
