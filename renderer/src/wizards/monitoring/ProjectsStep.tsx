import { useTranslation } from 'react-i18next';
import { projectStandings } from '../../../../main/core/monitoringPlan.ts';
import { deterministicRowId } from '../../../../main/core/rows.ts';
import { baht } from '../../../../main/core/pdf/format.ts';
import { usePlanData } from '../../plan/PlanData.tsx';
import { YearCell } from '../../plan/YearCell.tsx';
import '../../plan/tables.css';
import { OwnPartsNote, ReminderNotices } from './ArrivalsStep.tsx';
import { PeriodPicker, quarterName, usePeriod } from './period.tsx';
import { QuarterCells } from './QuarterFields.tsx';
import { ownParts, StatusLoading, useStepStatus } from './status.tsx';
import './monitoring.css';
import { ThaiText } from '../../thai/ThaiText.tsx';

const MONEY = ['allocated', 'disbursed'] as const;

/**
 * Step 3: each project's progress (%) and money (allocated, disbursed) in the chosen quarter, its status and
 * note; beside them the year so far: the plan's budget for the year and disbursed against allocated.
 */
export function ProjectsStep() {
  const { t } = useTranslation();
  const data = usePlanData();
  const [period, setPeriod] = usePeriod();
  const [step, asking] = useStepStatus();
  const all = projectStandings(data.rows, period.year);
  const projects = new Map(data.list('project').map((p) => [p.id, p]));
  const quarterRows = new Map(data.list('projectQuarter').map((r) => [r.id, r]));
  const quarter = quarterName(t, period.quarter);
  if (all.length === 0) return <p className="muted">{t('monitoring.noProjects')}</p>;
  // An office's list narrows to its own projects: nothing is listed before it is known which they are.
  if (step === null) return <StatusLoading />;
  const own = ownParts(step.status);
  const standings = own ? all.filter((s) => own.projectIds.includes(s.projectId)) : all;
  return (
    <>
      {asking}
      <ReminderNotices step={step} />
      <OwnPartsNote own={own} shown={standings.length} total={all.length} kind="projects" />
      <p className="hint">{t('monitoring.projectsHint')}</p>
      <PeriodPicker period={period} onChange={setPeriod} withQuarter />
      <div className="table-wrap">
        <table className="data-table monitoring-table">
          <caption>{t('monitoring.projectsCaption', { quarter, year: period.year })}</caption>
          <thead>
            <tr>
              <th scope="col">
                <ThaiText text={t('monitoring.project')} />
              </th>
              <th scope="col" className="num">
                <ThaiText text={t('monitoring.progress')} />
              </th>
              {MONEY.map((field) => (
                <th key={field} scope="col" className="num">
                  <ThaiText text={t(`monitoring.${field}`)} />
                </th>
              ))}
              <th scope="col">
                <ThaiText text={t('monitoring.status')} />
              </th>
              <th scope="col">
                <ThaiText text={t('monitoring.note')} />
              </th>
              <th scope="col" className="num">
                <ThaiText text={t('monitoring.plannedBudget')} />
              </th>
              <th scope="col" className="num">
                <ThaiText text={t('monitoring.disbursedSoFar')} />
              </th>
            </tr>
          </thead>
          <tbody>
            {standings.map((s) => {
              const project = projects.get(s.projectId)!;
              const row = quarterRows.get(
                deterministicRowId('projectQuarter', data.plan.id, s.projectId, { ...period }) ?? '',
              );
              const labels = { quarter, project: s.name };
              const cell = (field: 'progress' | 'allocated' | 'disbursed') => (
                <YearCell
                  entity="projectQuarter"
                  kpi={project}
                  row={row}
                  year={period.year}
                  quarter={period.quarter}
                  field={field}
                  label={t(`monitoring.${field}Of`, labels)}
                />
              );
              return (
                // Keyed by the quarter: another quarter's cells start from that quarter's row.
                <tr key={`${s.projectId}:${period.year}:${period.quarter}`}>
                  <th scope="row" className="table-row-name">
                    <ThaiText text={`${s.number} ${s.name}`} />
                    {s.responsibleUnit && <span className="hint"> ({s.responsibleUnit})</span>}
                  </th>
                  <td>{cell('progress')}</td>
                  {MONEY.map((field) => (
                    <td key={field}>{cell(field)}</td>
                  ))}
                  <QuarterCells
                    entity="projectQuarter"
                    kpi={project}
                    row={row}
                    year={period.year}
                    quarter={period.quarter}
                    statusLabel={t('monitoring.projectStatusOf', labels)}
                    textLabel={t('monitoring.noteOf', labels)}
                  />
                  <td className="num">{s.planned === null ? '–' : baht(s.planned)}</td>
                  <td className="num">
                    {baht(s.disbursed)} / {baht(s.allocated)}
                    {s.disbursedPercent !== null && (
                      <span className="hint">
                        {' '}
                        {t('monitoring.percentOfExpected', { percent: s.disbursedPercent.toFixed(1) })}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
