import type { TrendPoint } from '../monitoringReport.ts';
import type { ChartDigits } from './svg.ts';
import { trendChartSvg } from './trendChart.ts';

/**
 * The two trend charts of monitoring, drawn once for the secretariat's dashboard and the progress report alike:
 * achievement per strategic issue (and the whole plan) quarter by quarter, and the year's budget disbursed
 * against the plan's (the plan's line spreads the year's budget evenly over its quarters).
 */

type Translate = (key: string, values?: Record<string, unknown>) => string;

export interface TrendOptions {
  /** Width in units (the PDF scales it to the page). */
  readonly width?: number;
  /** Digits of the chart's text: the document's (Thai in a Thai-digit report). */
  readonly digits?: ChartDigits;
}

/** "ไตรมาส 2/68": quarter and the fiscal year's last two digits. */
const quarterLabel = (t: Translate, p: TrendPoint) =>
  t('monitoring.dashboard.quarterShort', { quarter: p.quarter, year: String(p.year).slice(-2) });

export function achievementTrendSvg(
  t: Translate,
  points: readonly TrendPoint[],
  issueNames: readonly string[],
  options: TrendOptions = {},
): string {
  return trendChartSvg({
    ...options,
    title: t('monitoring.dashboard.achievementTrend'),
    labels: points.map((p) => quarterLabel(t, p)),
    series: [
      ...issueNames.map((name, i) => ({ name, values: points.map((p) => p.issues[i] ?? null) })),
      { name: t('monitoring.allIssues'), values: points.map((p) => p.total), emphasis: true },
    ],
  });
}

export function disbursementTrendSvg(t: Translate, points: readonly TrendPoint[], options: TrendOptions = {}): string {
  return trendChartSvg({
    ...options,
    title: t('monitoring.dashboard.disbursementTrend'),
    labels: points.map((p) => quarterLabel(t, p)),
    series: [
      { name: t('monitoring.dashboard.plannedSpend'), values: points.map((p) => p.quarter * 25), dashed: true },
      { name: t('monitoring.dashboard.disbursedSpend'), values: points.map((p) => p.disbursedOfPlan), emphasis: true },
    ],
  });
}
