import { useTranslation } from 'react-i18next';
import { achievementChartSvg } from '../../../../main/core/charts/achievementChart.ts';
import type { Summary } from '../../../../main/core/evaluation.ts';
import { evaluatePlan, type GroupEvaluation } from '../../../../main/core/previousPlan.ts';
import { usePlanData } from '../../plan/PlanData.tsx';
import { YearsHead } from '../../plan/YearsHead.tsx';
import { NeedsPeriod, formatPercent, formatScore, nameOf, usePrevYears } from './common.tsx';

const share = (s: Summary) => (s.shareAchieved === null ? null : s.shareAchieved * 100);

/** Step 6: per strategic issue and for the whole plan, KPIs achieved and the weighted score; the chart. */
export function SummaryStep() {
  const { t } = useTranslation();
  const data = usePlanData();
  const years = usePrevYears();
  const evaluation = evaluatePlan(data.rows, years, data.options.levelThresholds);
  const groups = [...evaluation.issues, evaluation.overall];
  const name = (g: GroupEvaluation, i: number) =>
    g.issue ? `${t('evaluation.issueN', { number: i + 1 })} ${nameOf(g.issue)}` : t('evaluation.overall');
  const dash = t('evaluation.dash');
  const pct = (s: Summary) => (share(s) === null ? dash : formatPercent(share(s)!));
  const svg = achievementChartSvg({
    title: t('evaluation.chartTitle'),
    bars: groups.map((g, i) => ({
      label: name(g, i),
      share: g.latest.shareAchieved,
      total: g.issue === null,
      value:
        g.latest.shareAchieved === null
          ? t('evaluation.chartNoData')
          : t('evaluation.chartValue', {
              share: pct(g.latest),
              score: g.latest.weightedScore === null ? dash : formatScore(g.latest.weightedScore),
            }),
    })),
  });
  return (
    <NeedsPeriod>
      <p className="hint">{t('evaluation.summaryHint')}</p>
      <div className="table-wrap">
        <table className="data-table eval-summary">
          <caption>{t('evaluation.summaryCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('evaluation.summaryIssue')}</th>
              <th scope="col" className="num">
                {t('evaluation.summaryKpis')}
              </th>
              <th scope="col" className="num">
                {t('evaluation.summaryCounted')}
              </th>
              <th scope="col" className="num">
                {t('evaluation.summaryAchieved')}
              </th>
              <th scope="col" className="num">
                {t('evaluation.summaryShare')}
              </th>
              <th scope="col" className="num">
                {t('evaluation.summaryScore')}
              </th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g, i) => (
              <tr key={g.issue?.id ?? 'overall'} className={g.issue ? undefined : 'eval-total'}>
                <th scope="row">{name(g, i)}</th>
                <td className="num">{g.kpis.length}</td>
                <td className="num">{g.latest.counted}</td>
                <td className="num">{g.latest.achieved}</td>
                <td className="num">{pct(g.latest)}</td>
                <td className="num">{g.latest.weightedScore === null ? dash : formatScore(g.latest.weightedScore)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {/* Built by core from escaped text only (achievementChart escapes every label), so it is safe to inline. */}
      <div className="eval-chart" dangerouslySetInnerHTML={{ __html: svg }} />
      <div className="table-wrap">
        <table className="data-table">
          <caption>{t('evaluation.byYear')}</caption>
          <YearsHead
            first={t('evaluation.summaryIssue')}
            years={years}
            yearLabel={(year) => t('evaluation.yearHead', { year })}
          />
          <tbody>
            {groups.map((g, i) => (
              <tr key={g.issue?.id ?? 'overall'}>
                <th scope="row">{name(g, i)}</th>
                {years.map((year) => (
                  <td key={year} className="num">
                    {pct(g.byYear.get(year)!)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </NeedsPeriod>
  );
}
