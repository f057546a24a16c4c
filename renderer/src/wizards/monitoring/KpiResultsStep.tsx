import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { kpiStandings, type KpiStanding } from '../../../../main/core/monitoringPlan.ts';
import { standingWords } from '../../../../main/core/monitoringReport.ts';
import {
  effectiveMode,
  QUARTERS,
  RESULT_MODES,
  type Light,
  type ResultMode,
} from '../../../../main/core/monitoring.ts';
import { deterministicRowId, type Row } from '../../../../main/core/rows.ts';
import { formatAmount, formatList } from '../../format.ts';
import { useFieldError, usePlanData } from '../../plan/PlanData.tsx';
import { FieldShell, fieldAria } from '../../components/FieldShell.tsx';
import { YearCell } from '../../plan/YearCell.tsx';
import { nameOf } from '../../plan/names.ts';
import '../../plan/tables.css';
import { OwnPartsNote, ReminderNotices } from './ArrivalsStep.tsx';
import { PeriodPicker, quarterName, usePeriod } from './period.tsx';
import { QuarterCells } from './QuarterFields.tsx';
import { ownParts, StatusLoading, useStepStatus } from './status.tsx';
import { ReviseButton } from './Revisions.tsx';
import './monitoring.css';
import { ThaiText } from '../../thai/ThaiText.tsx';

/**
 * Step 2: each KPI's result per quarter of the chosen fiscal year, how its year counts them, where it stands
 * against what the target expects by now (core/monitoring.ts), and the chosen quarter's status and narrative.
 */
export function KpiResultsStep() {
  const { t, i18n } = useTranslation();
  const data = usePlanData();
  const [period, setPeriod] = usePeriod();
  const [step, asking] = useStepStatus();
  const all = kpiStandings(data.rows, period.year, data.options.levelThresholds);
  const kpis = new Map(data.list('kpi').map((k) => [k.id, k]));
  const quarterRows = new Map(data.list('kpiQuarter').map((r) => [r.id, r]));
  const rowOf = (kpiId: string, quarter: number) =>
    quarterRows.get(deterministicRowId('kpiQuarter', data.plan.id, kpiId, { year: period.year, quarter }) ?? '');
  const quarter = quarterName(t, period.quarter);
  if (all.length === 0) return <p className="muted">{t('monitoring.noKpis')}</p>;
  // An office's list narrows to its own KPIs: nothing is listed before it is known which they are.
  if (step === null) return <StatusLoading />;
  const own = ownParts(step.status);
  const standings = own ? all.filter((s) => own.kpiIds.includes(s.kpiId)) : all;
  return (
    <>
      {asking}
      <ReminderNotices step={step} />
      <OwnPartsNote own={own} shown={standings.length} total={all.length} kind="kpis" />
      <p className="hint">{t('monitoring.kpisHint')}</p>
      <PeriodPicker period={period} onChange={setPeriod} withQuarter />
      <div className="table-wrap">
        <table className="data-table monitoring-table monitoring-kpis">
          <thead>
            <tr>
              <th scope="col">
                <ThaiText text={t('monitoring.kpi')} />
              </th>
              <th scope="col">
                <ThaiText text={t('monitoring.resultMode')} />
              </th>
              <th scope="col" className="num">
                <ThaiText text={t('monitoring.yearTarget')} />
              </th>
              {QUARTERS.map((q) => (
                <th key={q} scope="col" className="num">
                  <ThaiText text={t('monitoring.quarterN', { quarter: q })} />
                </th>
              ))}
              <th scope="col" className="num">
                <ThaiText text={t('monitoring.toDate')} />
              </th>
              <th scope="col" className="num">
                <ThaiText text={t('monitoring.expected')} />
              </th>
              <th scope="col">
                <ThaiText text={t('monitoring.standing')} />
              </th>
            </tr>
          </thead>
          <tbody>
            {standings.map((s) => {
              const kpi = kpis.get(s.kpiId)!;
              const name = nameOf(kpi);
              return (
                <tr key={`${s.kpiId}:${period.year}`}>
                  <th scope="row" className="table-row-name">
                    <ThaiText text={`${s.number} ${name} (${s.unit})`} />
                  </th>
                  <td>
                    {/* A revision changes the stored mode: the choice starts afresh from it. */}
                    <ModeSelect
                      key={String(kpi.data.resultMode)}
                      kpi={kpi}
                      label={t('monitoring.modeOf', { kpi: name })}
                    />
                    <ReviseButton item={kpi} name={`${s.number} ${name}`} fields={RESULTS_STEP_FIELDS} />
                  </td>
                  <td className="num">{s.target === null ? '–' : formatAmount(s.target)}</td>
                  {QUARTERS.map((q) => (
                    <td key={q}>
                      <YearCell
                        entity="kpiQuarter"
                        kpi={kpi}
                        row={rowOf(s.kpiId, q)}
                        year={period.year}
                        quarter={q}
                        field="result"
                        label={t('monitoring.resultOf', {
                          quarter: t('monitoring.quarterN', { quarter: q }),
                          year: period.year,
                          kpi: name,
                        })}
                      />
                    </td>
                  ))}
                  <td className="num">
                    {s.progress.toDate.value === null ? '–' : formatAmount(s.progress.toDate.value)}
                    {s.progress.toDate.gaps.length > 0 && (
                      <span className="hint">
                        {' '}
                        {t('monitoring.gaps', {
                          quarters: formatList(
                            s.progress.toDate.gaps.map((q) => t('monitoring.quarterN', { quarter: q })),
                            i18n.language,
                          ),
                        })}
                      </span>
                    )}
                  </td>
                  <td className="num">{s.progress.expected === null ? '–' : formatAmount(s.progress.expected)}</td>
                  <td>
                    <Standing standing={s} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h3>{t('monitoring.statusHeading', { quarter, year: period.year })}</h3>
      <div className="table-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('monitoring.kpi')}</th>
              <th scope="col">{t('monitoring.status')}</th>
              <th scope="col">{t('monitoring.narrative')}</th>
            </tr>
          </thead>
          <tbody>
            {standings.map((s) => {
              const kpi: Row = kpis.get(s.kpiId)!;
              const name = nameOf(kpi);
              const row = rowOf(s.kpiId, period.quarter);
              const labels = { quarter, kpi: name };
              return (
                // Keyed by the quarter too: another quarter's fields start from that quarter's row.
                <tr key={`${s.kpiId}:${period.year}:${period.quarter}`}>
                  <th scope="row" className="table-row-name">
                    <ThaiText text={`${s.number} ${name}`} />
                  </th>
                  <QuarterCells
                    kpi={kpi}
                    row={row}
                    year={period.year}
                    quarter={period.quarter}
                    statusLabel={t('monitoring.statusOf', labels)}
                    textLabel={t('monitoring.narrativeOf', labels)}
                  />
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

/**
 * A traffic light said in words as well as colour, with the share of the expected result reached; a quarter
 * judged at but not reported (the dashboard's) said as such, in the report's words.
 */
export function Standing({ standing }: { standing: KpiStanding }) {
  const { t, i18n } = useTranslation();
  const { light, achievement } = standing.progress;
  return (
    <span className={`light light-${light}`}>
      <LightDot light={light} /> {standingWords((key, values) => i18n.t(key, values ?? {}), standing.progress)}
      {achievement.percent !== null && (
        <span className="hint"> {t('monitoring.percentOfExpected', { percent: achievement.percent.toFixed(1) })}</span>
      )}
    </span>
  );
}

/** What this step shows of a KPI that is frozen after adoption, and so offers to revise. */
const RESULTS_STEP_FIELDS = ['resultMode'] as const;

export function LightDot({ light }: { light: Light }) {
  return <span className={`light-dot light-dot-${light}`} aria-hidden="true" />;
}

/** How the KPI's year counts its quarters: shown as it counts now (by its unit until someone chooses). */
function ModeSelect({ kpi, label }: { kpi: Row; label: string }) {
  const { t } = useTranslation();
  const data = usePlanData();
  const id = useId();
  const [value, setValue] = useState<ResultMode>(() =>
    effectiveMode(data.value(kpi, 'resultMode') as ResultMode | null, String(data.value(kpi, 'unit') ?? '')),
  );
  const error = useFieldError(kpi.id, 'resultMode');
  return (
    <FieldShell id={id} label={label} hideLabel error={error}>
      <select
        id={id}
        value={value}
        {...fieldAria(id, error)}
        onChange={(e) => {
          setValue(e.target.value as ResultMode);
          data.edit(kpi, 'resultMode', e.target.value);
          void data.flush();
        }}
      >
        {RESULT_MODES.map((m) => (
          <option key={m} value={m}>
            {t(`monitoring.mode.${m}`)}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
