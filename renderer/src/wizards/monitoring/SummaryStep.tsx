import { useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { achievementTrendSvg, disbursementTrendSvg } from '../../../../main/core/charts/monitoringCharts.ts';
import type { DocumentFormat } from '../../../../main/core/pdf/options.ts';
import {
  LIGHTS,
  periodReport,
  trend,
  type GroupSummary,
  type OfficeSummary,
  type ReportPeriod,
} from '../../../../main/core/monitoringReport.ts';
import { monitoringRows } from '../../../../main/core/monitoringPlan.ts';
import { baht } from '../../../../main/core/pdf/format.ts';
import { usePlanData } from '../../plan/PlanData.tsx';
import { useDocumentExport } from '../../pdf/exportJob.tsx';
import '../../plan/tables.css';
import { today } from './AdoptStep.tsx';
import { officeLabel, StateText } from './ArrivalsStep.tsx';
import { LightDot, Standing } from './KpiResultsStep.tsx';
import { PeriodPicker, usePeriod } from './period.tsx';
import { StatusLoading, useStepStatus } from './status.tsx';
import './monitoring.css';
import { ThaiText } from '../../thai/ThaiText.tsx';

/**
 * Step 4, the secretariat's dashboard: for the chosen quarter, per strategic issue, goal and reporting office
 * (the offices assigned KPIs and projects, with whether their results of the quarter arrived, as the offices'
 * reporting step counts them), how many KPIs stand at each light, their mean achievement against what was expected by then, and the money
 * disbursed against the year's plan; the trend charts the progress report prints (the same drawings); every
 * KPI's standing; and the progress report of the quarter or the year as PDF or Word. All figures come from
 * core/monitoringReport.ts, so the dashboard and the report cannot disagree.
 */
export function SummaryStep() {
  const { t, i18n } = useTranslation();
  const data = usePlanData();
  const [period, setPeriod] = usePeriod();
  const thresholds = data.options.levelThresholds;
  const dueDays = data.options.reportDueDays;
  const [step, asking] = useStepStatus();
  const offices = step?.status.assignments;
  // The plan's rows indexed once per change of them; the period and its trend are read from the index.
  const index = useMemo(() => monitoringRows(data.rows), [data.rows]);
  const report = useMemo(
    () => periodReport(index, period, thresholds, offices ? { offices, today: today(), dueDays } : null),
    [index, period, thresholds, offices, dueDays],
  );
  const charts = useMemo(() => {
    // The charts' words in the UI's language, as core's builders take them.
    const translate = (key: string, values?: Record<string, unknown>) => i18n.t(key, values ?? {});
    const points = trend(index, data.plan.startYear, period, thresholds);
    const names = report.issues.map((i) => `${i.number} ${i.name}`);
    return {
      achievement: achievementTrendSvg(translate, points, names),
      disbursement: disbursementTrendSvg(translate, points),
    };
  }, [index, data.plan.startYear, period, thresholds, report, i18n, i18n.language]);

  const issueName = (g: GroupSummary) => `${t('monitoring.issueN', { number: g.number })} ${g.name}`;
  const goalName = (g: GroupSummary) => `${g.number} ${g.name}`;
  // With its code, as the offices' reporting step names it: two offices may share a name.
  const officeName = (g: OfficeSummary) =>
    g.officeCode === null
      ? t('monitoring.dashboard.noOffice')
      : officeLabel(t, { officeName: g.name, officeCode: g.officeCode });
  const arrival = (g: OfficeSummary) => (g.arrival ? <StateText standing={g.arrival} /> : '–');
  return (
    <>
      {asking}
      <p className="hint">{t('monitoring.summaryHint')}</p>
      <PeriodPicker period={period} onChange={setPeriod} withQuarter />
      <GroupTable
        caption={t('monitoring.dashboard.byIssue')}
        head={t('monitoring.issue')}
        groups={report.issues}
        total={report.total}
        name={issueName}
      />
      <section className="dashboard-trends" aria-label={t('monitoring.dashboard.trends')}>
        <h3>{t('monitoring.dashboard.trends')}</h3>
        <div className="dashboard-chart" dangerouslySetInnerHTML={{ __html: charts.achievement }} />
        <div className="dashboard-chart" dangerouslySetInnerHTML={{ __html: charts.disbursement }} />
      </section>
      <GroupTable
        caption={t('monitoring.dashboard.byGoal')}
        head={t('monitoring.dashboard.goal')}
        groups={report.goals}
        total={report.total}
        name={goalName}
      />
      {offices === undefined ? (
        <StatusLoading />
      ) : offices.length === 0 ? (
        <p className="muted">{t('monitoring.arrivals.noAssignments')}</p>
      ) : (
        <GroupTable
          caption={t('monitoring.dashboard.byOffice')}
          head={t('monitoring.dashboard.office')}
          groups={report.offices}
          total={report.total}
          name={officeName}
          keyOf={(g) => g.officeCode ?? ''}
          extra={{
            head: t('monitoring.dashboard.arrival', { quarter: t('monitoring.quarterN', { quarter: period.quarter }) }),
            cell: arrival,
          }}
        />
      )}
      <h3>{t('monitoring.dashboard.kpiList')}</h3>
      <ul>
        {report.kpis.map((s) => (
          <li key={s.kpiId}>
            {s.number} {s.name} — <Standing standing={s} />
          </li>
        ))}
      </ul>
      <ReportExport period={period} />
    </>
  );
}

const percentText = (value: number | null) => (value === null ? '–' : value.toFixed(1));

/**
 * KPIs at each light, mean achievement and money against plan, one row per group and one for the plan; `extra`:
 * a last column of the groups' own (an office's arrival), blank on the plan's row. `keyOf`: what tells the groups
 * apart, an issue's or goal's number unless given (an office's code): two offices may share a name.
 */
function GroupTable<G extends GroupSummary>({
  caption,
  head,
  groups,
  total,
  name,
  keyOf = (g) => g.number,
  extra,
}: {
  caption: string;
  head: string;
  groups: readonly G[];
  total: GroupSummary;
  name(g: G): string;
  keyOf?(g: G): string;
  extra?: { head: string; cell(g: G): ReactNode };
}) {
  const { t } = useTranslation();
  const row = (g: GroupSummary, key: string, label: string, cell: ReactNode, isTotal = false) => (
    <tr key={key} className={isTotal ? 'total-row' : undefined}>
      <th scope="row" className="table-row-name">
        <ThaiText text={label} />
      </th>
      <td className="num">{g.kpis.length}</td>
      {LIGHTS.map((light) => (
        <td key={light} className="num">
          {g.byLight[light]}
        </td>
      ))}
      <td className="num">{percentText(g.achievement)}</td>
      <td className="num">{baht(g.planned)}</td>
      <td className="num">{baht(g.disbursed)}</td>
      <td className="num">{percentText(g.disbursedOfPlan)}</td>
      {extra && <td className="dashboard-extra">{cell}</td>}
    </tr>
  );
  return (
    <div className="table-wrap">
      <table className="data-table dashboard-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">
              <ThaiText text={head} />
            </th>
            <th scope="col" className="num">
              <ThaiText text={t('monitoring.kpiCount')} />
            </th>
            {LIGHTS.map((light) => (
              <th key={light} scope="col" className="num">
                <LightDot light={light} /> <ThaiText text={t(`monitoring.light.${light}`)} />
              </th>
            ))}
            <th scope="col" className="num">
              <ThaiText text={t('monitoring.report.meanAchievement')} />
            </th>
            <th scope="col" className="num">
              <ThaiText text={t('monitoring.report.plannedBudget')} />
            </th>
            <th scope="col" className="num">
              <ThaiText text={t('monitoring.report.disbursed')} />
            </th>
            <th scope="col" className="num">
              <ThaiText text={t('monitoring.report.ofPlan')} />
            </th>
            {extra && (
              <th scope="col">
                <ThaiText text={extra.head} />
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {/* The plan's row keyed apart from every group's: '' is the group assigned to no office. */}
          {groups.map((g) => row(g, `group:${keyOf(g)}`, name(g), extra?.cell(g)))}
          {row(total, 'total', t('monitoring.allIssues'), null, true)}
        </tbody>
      </table>
    </div>
  );
}

/** The progress report of the chosen quarter or of its whole fiscal year, through the print panel's job. */
function ReportExport({ period }: { period: ReportPeriod }) {
  const { t } = useTranslation();
  const data = usePlanData();
  const job = useDocumentExport();
  const [annual, setAnnual] = useState(false);
  const [format, setFormat] = useState<DocumentFormat>('pdf');
  const [thaiDigits, setThaiDigits] = useState(false);
  const name = useId();
  const adopted = data.options.adoptedOn !== null;
  return (
    <section className="card report-export" aria-labelledby={`${name}-heading`}>
      <h3 id={`${name}-heading`}>{t('monitoring.report.export')}</h3>
      <p className="hint">{t('monitoring.report.exportHint')}</p>
      {!adopted && <p className="notice notice-error">{t('monitoring.report.notAdopted')}</p>}
      <fieldset disabled={job.running}>
        <legend>{t('monitoring.report.kindLabel')}</legend>
        <label className="check">
          <input type="radio" name={`${name}-kind`} checked={!annual} onChange={() => setAnnual(false)} />
          {t('monitoring.report.kind.quarter', { quarter: period.quarter })}
        </label>
        <label className="check">
          <input type="radio" name={`${name}-kind`} checked={annual} onChange={() => setAnnual(true)} />
          {t('monitoring.report.kind.annual')}
        </label>
      </fieldset>
      <fieldset disabled={job.running}>
        <legend>{t('monitoring.report.formatLabel')}</legend>
        {(['pdf', 'docx'] as const).map((f) => (
          <label key={f} className="check">
            <input type="radio" name={`${name}-format`} checked={format === f} onChange={() => setFormat(f)} />
            {t(`docx.panel.${f}`)}
          </label>
        ))}
      </fieldset>
      <label className="check">
        <input
          type="checkbox"
          checked={thaiDigits}
          disabled={job.running}
          onChange={(e) => setThaiDigits(e.target.checked)}
        />
        {t('pdf.panel.thaiDigits')}
      </label>
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={job.running || !adopted}
          onClick={() =>
            void job.start({
              planId: data.plan.id,
              kind: 'report',
              thaiDigits,
              chapters: [],
              format,
              period: { year: period.year, quarter: annual ? null : period.quarter },
            })
          }
        >
          {t(format === 'docx' ? 'monitoring.report.exportDocx' : 'monitoring.report.exportPdf')}
        </button>
        {job.cancel}
      </div>
      {job.status}
    </section>
  );
}
