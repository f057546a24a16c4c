import { officeQuarters, type OfficeQuarter, type ReportingOffice } from './arrivals.ts';
import type { LevelThresholds } from './evaluation.ts';
import { type KpiProgress, type Light, type ProgressStatus, type Quarter, QUARTERS, quartersOf } from './monitoring.ts';
import {
  asIndex,
  kpiStandings,
  projectStandings,
  type KpiStanding,
  type MonitoringRows,
  type ProjectStanding,
} from './monitoringPlan.ts';
import { numbering } from './planContent.ts';
import type { Row } from './rows.ts';

/**
 * What a progress report (รายงานผลการดำเนินงานตามแผน) and the secretariat's dashboard say about one period of an
 * adopted plan: a quarter of a fiscal year (quarters 1 to it count) or the whole year, per strategic issue and
 * for the plan, with the trends that lead up to it. Pure, so the report, the dashboard, the bench and the tests
 * compute the same figures from the same rows.
 */

export interface ReportPeriod {
  /** The fiscal year, B.E. */
  readonly year: number;
  /** The quarter reported on; null: the annual report (the whole year). */
  readonly quarter: Quarter | null;
}

/** The last quarter a period counts. */
export const throughOf = (period: ReportPeriod): Quarter => period.quarter ?? 4;

/**
 * Why a report of this period cannot be made, as a locale key (null: it can): the plan must have been adopted,
 * the year must be one of the plan's, the quarter 1–4.
 */
export function reportPeriodProblem(
  plan: { readonly startYear: number; readonly endYear: number },
  adoptedOn: string | null,
  period: { readonly year: number; readonly quarter: number | null },
): 'monitoring.report.notAdopted' | 'monitoring.report.yearOutside' | 'monitoring.report.badQuarter' | null {
  if (adoptedOn === null) return 'monitoring.report.notAdopted';
  if (!Number.isInteger(period.year) || period.year < plan.startYear || period.year > plan.endYear)
    return 'monitoring.report.yearOutside';
  if (period.quarter !== null && !QUARTERS.includes(period.quarter as Quarter)) return 'monitoring.report.badQuarter';
  return null;
}

/**
 * How the report groups the statuses offices report: the four it counts by name (the issue's "on track, at
 * risk, late, achieved"), and everything else (not started, not achieved, cancelled, nothing reported).
 */
export type StatusGroup = 'achieved' | 'on-track' | 'at-risk' | 'delayed' | 'other';
export const STATUS_GROUPS: readonly StatusGroup[] = ['achieved', 'on-track', 'at-risk', 'delayed', 'other'];

export function statusGroup(status: ProgressStatus | null): StatusGroup {
  return status === 'achieved' || status === 'on-track' || status === 'at-risk' || status === 'delayed'
    ? status
    : 'other';
}

export const LIGHTS: readonly Light[] = ['green', 'amber', 'red', 'none'];

/**
 * A KPI's standing in words, as the report and the dashboard say it: its light, or, without a figure for the
 * quarter it is judged at, that the quarter was not reported (core/monitoring.ts kpiProgress).
 */
export function standingWords(
  t: (key: string, values?: Record<string, unknown>) => string,
  { light, unreported, at }: KpiProgress,
): string {
  return unreported && at !== null
    ? t('monitoring.report.unreported', { quarter: t('monitoring.quarterN', { quarter: at }) })
    : t(`monitoring.light.${light}`);
}

/**
 * A KPI's or project's status in words, as the report's status column says it: the status last reported;
 * without one, whether the office reported nothing for the period or reported without choosing a status.
 */
export function statusWords(
  t: (key: string, values?: Record<string, unknown>) => string,
  { status, reported }: { readonly status: ProgressStatus | null; readonly reported: boolean },
): string {
  if (status !== null) return t(`monitoring.statusName.${status}`);
  return t(reported ? 'monitoring.report.statusUnset' : 'monitoring.report.statusUnreported');
}

/** One strategic issue's, goal's or office's (or the whole plan's) KPIs and money in the period. */
export interface GroupSummary {
  /** "1" for an issue, "1.2" for a goal; '' for an office and the whole plan. */
  readonly number: string;
  /** The issue's, goal's or office's name ('' for the whole plan or KPIs without an office). */
  readonly name: string;
  readonly kpis: readonly KpiStanding[];
  readonly projects: readonly ProjectStanding[];
  readonly byStatus: Readonly<Record<StatusGroup, number>>;
  readonly byLight: Readonly<Record<Light, number>>;
  /** The year's planned budget of its projects (projectBudget), allocated and disbursed so far, baht. */
  readonly planned: number;
  readonly allocated: number;
  readonly disbursed: number;
  /** disbursed ÷ the year's planned budget, percent; null when nothing is planned. */
  readonly disbursedOfPlan: number | null;
  /** The mean achievement of its KPIs with data against what was expected by then, each capped at 100 %. */
  readonly achievement: number | null;
}

/** Each KPI's achievement counts up to 100 %: one KPI far over its target must not hide another far under. */
export function meanAchievement(kpis: readonly KpiStanding[]): number | null {
  const known = kpis
    .filter((k) => k.status !== 'cancelled')
    .map((k) => k.progress.achievement.percent)
    .filter((p): p is number => p !== null);
  return known.length ? known.reduce((s, p) => s + Math.min(p, 100), 0) / known.length : null;
}

function summarise(number: string, name: string, kpis: KpiStanding[], projects: ProjectStanding[]): GroupSummary {
  const byStatus = Object.fromEntries(STATUS_GROUPS.map((g) => [g, 0])) as Record<StatusGroup, number>;
  const byLight = Object.fromEntries(LIGHTS.map((l) => [l, 0])) as Record<Light, number>;
  for (const k of kpis) {
    byStatus[statusGroup(k.status)] += 1;
    byLight[k.progress.light] += 1;
  }
  const planned = projects.reduce((s, p) => s + (p.planned ?? 0), 0);
  const disbursed = projects.reduce((s, p) => s + p.disbursed, 0);
  return {
    number,
    name,
    kpis,
    projects,
    byStatus,
    byLight,
    planned,
    allocated: projects.reduce((s, p) => s + p.allocated, 0),
    disbursed,
    disbursedOfPlan: planned > 0 ? (disbursed * 100) / planned : null,
    achievement: meanAchievement(kpis),
  };
}

export interface PeriodReport {
  readonly period: ReportPeriod;
  readonly kpis: readonly KpiStanding[];
  readonly projects: readonly ProjectStanding[];
  /** Per strategic issue in the plan's order. */
  readonly issues: readonly GroupSummary[];
  /** Per goal in the plan's order. */
  readonly goals: readonly GroupSummary[];
  /**
   * Per reporting office: the offices the secretariat assigned KPIs and projects to (who send their results),
   * in the assignments' order, then one group (officeCode null) of those assigned to no office, when there are
   * any. Empty when the plan has no assignments (a plan of one's own, or a plan file, which carries none).
   */
  readonly offices: readonly OfficeSummary[];
  readonly total: GroupSummary;
}

/** One reporting office's KPIs and projects in the period, and whether its results of the period arrived. */
export interface OfficeSummary extends GroupSummary {
  /** The office's code; null for the group of KPIs and projects assigned to no office. */
  readonly officeCode: string | null;
  /** Its results of the period's last quarter (core/arrivals.ts); null for the unassigned group. */
  readonly arrival: OfficeQuarter | null;
}

/**
 * Who reports on the plan: the secretariat's assignments (exchange status), and what decides lateness: the day
 * of the report (ISO) and the days after a quarter's end by which it is due (planOptions.reportDueDays).
 */
export interface Reporting {
  readonly offices: readonly ReportingOffice[];
  readonly today: string;
  readonly dueDays: number;
}

/**
 * The plan's KPIs and projects as they stood at the end of the period, per issue, goal and reporting office and
 * in total. `rows`: the plan's rows, or their index (monitoringRows) when the trend is read from the same rows.
 */
export function periodReport(
  rows: readonly Row[] | MonitoringRows,
  period: ReportPeriod,
  thresholds: LevelThresholds,
  reporting: Reporting | null = null,
): PeriodReport {
  const index = asIndex(rows);
  const { kpis, projects } = standingsAt(index, period, thresholds);
  return {
    period,
    kpis,
    projects,
    issues: headed(index.issues, kpis, projects, 1),
    goals: headed(index.goals, kpis, projects, 2),
    offices: reporting ? byOffice(index, period, kpis, projects, reporting) : [],
    total: summarise('', '', kpis, projects),
  };
}

/**
 * The period per reporting office, as the secretariat's arrivals count it (core/arrivals.ts): an office's
 * group is what it was assigned, whatever office the plan names as responsible, so that its figures sit beside
 * whether its results of the period arrived. A KPI assigned to two offices counts in both.
 */
function byOffice(
  index: MonitoringRows,
  period: ReportPeriod,
  kpis: readonly KpiStanding[],
  projects: readonly ProjectStanding[],
  { offices, today, dueDays }: Reporting,
): OfficeSummary[] {
  const quarter = { fiscalYear: period.year, quarter: throughOf(period) };
  const arrivals = officeQuarters(offices, index, quarter, today, dueDays);
  // Each office's KPIs and projects looked up by id, then put in the plan's order (an assignment lists them
  // in the order they were ticked).
  const kpiAt = new Map(kpis.map((k, i) => [k.kpiId, i]));
  const projectAt = new Map(projects.map((p, i) => [p.projectId, i]));
  const inPlan = <T>(ids: readonly string[], at: ReadonlyMap<string, number>, all: readonly T[]): T[] =>
    [...new Set(ids)]
      .map((id) => at.get(id))
      .filter((i) => i !== undefined)
      .sort((a, b) => a - b)
      .map((i) => all[i]!);
  const assigned = new Set<string>();
  const summaries: OfficeSummary[] = offices.map((office, i) => {
    for (const id of [...office.kpiIds, ...office.projectIds]) assigned.add(id);
    return {
      ...summarise(
        '',
        office.officeName,
        inPlan(office.kpiIds, kpiAt, kpis),
        inPlan(office.projectIds, projectAt, projects),
      ),
      officeCode: office.officeCode,
      arrival: arrivals[i]!,
    };
  });
  const restKpis = kpis.filter((k) => !assigned.has(k.kpiId));
  const restProjects = projects.filter((p) => !assigned.has(p.projectId));
  if (restKpis.length + restProjects.length > 0)
    summaries.push({ ...summarise('', '', restKpis, restProjects), officeCode: null, arrival: null });
  return summaries;
}

function standingsAt(index: MonitoringRows, period: ReportPeriod, thresholds: LevelThresholds) {
  const through = throughOf(period);
  return {
    kpis: kpiStandings(index, period.year, thresholds, through),
    projects: projectStandings(index, period.year, through),
  };
}

interface Grouped {
  readonly kpis: KpiStanding[];
  readonly projects: ProjectStanding[];
}

/** KPIs and projects by a key, in one pass, each list in the plan's order. */
function grouped(
  kpis: readonly KpiStanding[],
  projects: readonly ProjectStanding[],
  key: (x: KpiStanding | ProjectStanding) => string,
): Map<string, Grouped> {
  const groups = new Map<string, Grouped>();
  const group = (k: string) => {
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { kpis: [], projects: [] }));
    return g;
  };
  for (const k of kpis) group(key(k)).kpis.push(k);
  for (const p of projects) group(key(p)).projects.push(p);
  return groups;
}

/** Issues (parts 1) or goals (parts 2), each with the KPIs and projects numbered under it: 1.2 of 1.2.3. */
function headed(
  headings: readonly (readonly [Row, string])[],
  kpis: readonly KpiStanding[],
  projects: readonly ProjectStanding[],
  parts: number,
): GroupSummary[] {
  const under = grouped(kpis, projects, (x) => x.number.split('.').slice(0, parts).join('.'));
  return headings.map(([row, number]) => {
    const group = under.get(number);
    return summarise(number, String(row.data.name ?? ''), group?.kpis ?? [], group?.projects ?? []);
  });
}

/** One point of a trend: a quarter and what stood then. */
export interface TrendPoint {
  readonly year: number;
  readonly quarter: Quarter;
  /** Mean achievement (meanAchievement) per issue in the plan's order, then the whole plan. */
  readonly issues: readonly (number | null)[];
  readonly total: number | null;
  /** Disbursed so far in the year against the year's planned budget, percent (null: nothing planned). */
  readonly disbursedOfPlan: number | null;
}

/**
 * The trend up to the period: every quarter of the plan's fiscal years from its first to the period's end,
 * each as it stood at that quarter's end. The dashboard and the report draw it (charts/trendChart.ts). `rows` as
 * for periodReport: the rows are indexed once, and each quarter reads only the plan's KPIs and projects.
 */
export function trend(
  rows: readonly Row[] | MonitoringRows,
  startYear: number,
  period: ReportPeriod,
  thresholds: LevelThresholds,
): TrendPoint[] {
  const through = throughOf(period);
  const index = asIndex(rows);
  return quartersOf(startYear, period.year)
    .filter((q) => q.fiscalYear < period.year || q.quarter <= through)
    .map(({ fiscalYear, quarter }) => {
      const { kpis, projects } = standingsAt(index, { year: fiscalYear, quarter }, thresholds);
      const total = summarise('', '', kpis, projects);
      return {
        year: fiscalYear,
        quarter,
        issues: headed(index.issues, kpis, [], 1).map((i) => i.achievement),
        total: total.achievement,
        disbursedOfPlan: total.disbursedOfPlan,
      };
    });
}

/** A quarter's narrative (a KPI's) or note (a project's): what the report lists under problems and ways forward. */
export interface Narrative {
  /** The KPI's or project's number and name. */
  readonly number: string;
  readonly name: string;
  readonly kind: 'kpi' | 'project';
  readonly quarter: Quarter;
  readonly text: string;
}

/**
 * The narratives of the period, in the plan's order (KPIs, then projects), quarter by quarter: the reported
 * quarter's for a quarterly report, every quarter's for the annual one. Blank ones are left out.
 */
export function narratives(rows: readonly Row[], period: ReportPeriod): Narrative[] {
  const numbers = numbering(rows);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const from = period.quarter ?? 1;
  const to = throughOf(period);
  const out: (Narrative & { readonly order: number })[] = [];
  const order = new Map([...numbers.keys()].map((id, i) => [id, i]));
  for (const row of rows) {
    if (row.entity !== 'kpiQuarter' && row.entity !== 'projectQuarter') continue;
    const quarter = row.data.quarter as Quarter;
    if (row.data.year !== period.year || quarter < from || quarter > to) continue;
    const text = String(row.entity === 'kpiQuarter' ? row.data.narrative : row.data.note).trim();
    const parent = byId.get(row.parentId ?? '');
    if (!text || !parent || !numbers.has(parent.id)) continue;
    out.push({
      number: numbers.get(parent.id)!,
      name: String(parent.data.name ?? ''),
      kind: row.entity === 'kpiQuarter' ? 'kpi' : 'project',
      quarter,
      text,
      order: (row.entity === 'kpiQuarter' ? 0 : 1e9) + order.get(parent.id)! * 4 + quarter,
    });
  }
  return out.sort((a, b) => a.order - b.order).map(({ order: _, ...n }) => n);
}
