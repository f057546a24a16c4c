import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Row } from '../../../../main/core/rows.ts';
import { formatPeriod } from '../../../../main/core/years.ts';
import { formatAmount } from '../../format.ts';
import { nameOf } from '../../plan/names.ts';
import { usePlanData } from '../../plan/PlanData.tsx';
import { RowNumber } from '../../plan/RowFields.tsx';
import { Provenance } from '../../plan/RowList.tsx';
import { sameProps } from '../../plan/sameProps.ts';
import { YearCell } from '../../plan/YearCell.tsx';
import { AdoptedNotice, ReviseButton, RevisionList } from '../monitoring/Revisions.tsx';
import { OutsideTargets } from './OutsideTargets.tsx';
import { outline, usePlanYears, type Outline } from './outline.ts';
import { TargetsImportPanel } from './TargetsImportPanel.tsx';
import { ThaiText } from '../../thai/ThaiText.tsx';

/**
 * Step 3: per goal, a table of its KPIs with a target for each plan year and for the whole period. A year's
 * target row (id `${kpiId}:${year}`) is made by the first value typed into it. A target that does not fit the
 * unit is said at once, under the cell.
 */
export function TargetsStep() {
  const { t } = useTranslation();
  const data = usePlanData();
  const years = usePlanYears();
  const plan = outline(data.rows);
  const number = (id: string) => plan.numbers.get(id) ?? '';
  const withKpis = (issue: Row) => plan.children('goal', issue.id).filter((g) => plan.children('kpi', g.id).length);
  const issues = plan.issues.filter((issue) => withKpis(issue).length > 0);
  // Cells keep what was typed in them; targets brought in from Excel, or revised, start the tables afresh.
  const [imports, setImports] = useState(0);
  const revisions = data.list('revision').length;
  return (
    <>
      <p className="muted">{t('goals.period', { period: formatPeriod(years[0]!, years.at(-1)!) })}</p>
      <p className="hint">{t('goals.targetsHint')}</p>
      <AdoptedNotice />
      <OutsideTargets plan={plan} />
      {issues.length === 0 && <p className="muted">{t('goals.noKpisYet')}</p>}
      {issues.map((issue) => (
        <section
          key={`${issue.id}:${imports}:${revisions}`}
          aria-label={t('goals.issueN', { number: number(issue.id) })}
        >
          <h3>
            {t('goals.issueN', { number: number(issue.id) })} {nameOf(issue)}
          </h3>
          {withKpis(issue).map((goal) => {
            const label = `${t('goals.goalN', { number: number(goal.id) })} ${nameOf(goal)}`;
            // One table per goal, skipped by layout while off screen: typing into one of a thousand KPIs then
            // lays out one small table, not all of them.
            return (
              <section key={goal.id} className="table-group" aria-label={label} data-row-id={goal.id}>
                <h4>{label}</h4>
                <TargetTable kpis={plan.children('kpi', goal.id)} years={years} plan={plan} />
                <RevisionList items={plan.children('kpi', goal.id)} numbers={plan.numbers} />
              </section>
            );
          })}
        </section>
      ))}
      {issues.length > 0 && <TargetsImportPanel years={years} onApplied={() => setImports((n) => n + 1)} />}
    </>
  );
}

/** What this step shows of a KPI, and so offers to revise after adoption. */
const TARGETS_STEP_FIELDS = ['target', 'periodTarget', 'baselineValue', 'baselineYear'] as const;

function TargetTable({ kpis, years, plan }: { kpis: readonly Row[]; years: readonly number[]; plan: Outline }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="data-table goals-targets">
        <thead>
          <tr>
            <th scope="col">{t('goals.kpi')}</th>
            <th scope="col" className="num">
              {t('goals.baseline')}
            </th>
            {years.map((year) => (
              <th key={year} scope="col">
                {t('goals.yearHead', { year })}
              </th>
            ))}
            <th scope="col">{t('goals.wholePeriod')}</th>
          </tr>
        </thead>
        <tbody>
          {kpis.map((kpi) => (
            <TargetRow
              key={kpi.id}
              kpi={kpi}
              number={plan.numbers.get(kpi.id) ?? ''}
              years={years}
              targets={plan.children('kpiTarget', kpi.id)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * One KPI's row: memoised on the KPI, its number and its year rows (sameProps), so that a save re-renders the
 * row it changed and not the other 999 with their names, buttons and cells.
 */
const TargetRow = memo(function TargetRow({
  kpi,
  number,
  years,
  targets,
}: {
  kpi: Row;
  number: string;
  years: readonly number[];
  /** The KPI's target rows, any year. */
  targets: readonly Row[];
}) {
  const { t } = useTranslation();
  const unit = String(kpi.data.unit ?? '');
  const name = `${number} ${nameOf(kpi) || t('goals.unnamed')}`;
  return (
    <tr data-row-id={kpi.id}>
      <th scope="row" className="table-row-name">
        <ThaiText text={name} />
        <span className="table-note">{unit ? t('goals.unitIs', { unit }) : t('goals.noUnit')}</span>
        <Provenance row={kpi} label={name} />
        <ReviseButton item={kpi} name={name} fields={TARGETS_STEP_FIELDS} />
      </th>
      <td className="num goals-baseline">
        <Baseline kpi={kpi} />
      </td>
      {years.map((year) => (
        <td key={year} data-row-id={`${kpi.id}:${year}`}>
          <YearCell
            entity="kpiTarget"
            kpi={kpi}
            row={targets.find((target) => target.id === `${kpi.id}:${year}`)}
            year={year}
            field="target"
            label={t('goals.targetOf', { year, kpi: name })}
            values={{ unit }}
          />
        </td>
      ))}
      <td>
        <RowNumber
          row={kpi}
          field="periodTarget"
          label={t('goals.periodTargetOf', { kpi: name })}
          hideLabel
          grouped
          values={{ unit }}
        />
      </td>
    </tr>
  );
}, sameProps);

/** The baseline the targets start from, with its year: "72.5 (2565)". */
export function Baseline({ kpi }: { kpi: Row }) {
  const { t } = useTranslation();
  const value = kpi.data.baselineValue;
  const year = kpi.data.baselineYear;
  if (typeof value !== 'number') return <span className="muted">{t('goals.dash')}</span>;
  return (
    <>
      {formatAmount(value)}
      {typeof year === 'number' && <span className="table-note">{t('goals.yearHead', { year })}</span>}
    </>
  );
}
