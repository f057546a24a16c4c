import { type Achievement, type Direction, type LevelThresholds, achievement, MAX_LEVEL } from './evaluation.ts';
import { unitKind } from './planContent.ts';
import { BE_OFFSET } from './years.ts';

/**
 * Monitoring an adopted plan (การติดตามผลการดำเนินงานตามแผน): results per KPI and fiscal quarter, their total for
 * the year so far, how that compares with the year's target, and which quarters an office still owes.
 *
 * The Thai fiscal year (ปีงบประมาณ) B.E. N runs from 1 October of B.E. N − 1 to 30 September of B.E. N, and is
 * named by the year it ends in: ปีงบประมาณ พ.ศ. 2568 is 1 Oct 2024 – 30 Sep 2025. Quarter 1 (ไตรมาส 1) is
 * October–December, so it lies in the calendar year before the one that names the fiscal year.
 */

export type Quarter = 1 | 2 | 3 | 4;
export const QUARTERS: readonly Quarter[] = [1, 2, 3, 4];

export interface FiscalQuarter {
  /** B.E. */
  readonly fiscalYear: number;
  readonly quarter: Quarter;
}

/** The fiscal quarter a calendar date (ISO 8601, Gregorian) falls in. */
export function fiscalQuarterOf(iso: string): FiscalQuarter {
  const [year, month] = iso.split('-').map(Number) as [number, number];
  // October starts the next fiscal year: months 10–12 are quarter 1 of year + 1.
  const fiscalYear = year + BE_OFFSET + (month >= 10 ? 1 : 0);
  const quarter = ((Math.floor((month - 1) / 3) + 1) % 4) + 1;
  return { fiscalYear, quarter: quarter as Quarter };
}

/** The first and last calendar day of a fiscal quarter, ISO 8601. */
export function quarterSpan({ fiscalYear, quarter }: FiscalQuarter): { first: string; last: string } {
  // Quarter 1 starts in October of the Gregorian year before the fiscal year's own.
  const firstMonth = ((quarter + 2) % 4) * 3 + 1; // 1 → 10, 2 → 1, 3 → 4, 4 → 7
  const year = fiscalYear - BE_OFFSET - (quarter === 1 ? 1 : 0);
  const lastDay = new Date(Date.UTC(year, firstMonth - 1 + 3, 0));
  return { first: isoDate(new Date(Date.UTC(year, firstMonth - 1, 1))), last: isoDate(lastDay) };
}

/** The day a quarter's report is due: `graceDays` after the quarter's last day. */
export function quarterDue(q: FiscalQuarter, graceDays: number): string {
  const last = new Date(`${quarterSpan(q).last}T00:00:00Z`);
  last.setUTCDate(last.getUTCDate() + graceDays);
  return isoDate(last);
}

/** Every quarter of fiscal years `fromYear`–`toYear` (B.E.) in order. */
export function quartersOf(fromYear: number, toYear: number): FiscalQuarter[] {
  const out: FiscalQuarter[] = [];
  for (let fiscalYear = fromYear; fiscalYear <= toYear; fiscalYear++)
    for (const quarter of QUARTERS) out.push({ fiscalYear, quarter });
  return out;
}

/** The quarters of a plan's years whose report is due by `today` (ISO), oldest first. */
export function dueQuarters(fromYear: number, toYear: number, today: string, graceDays: number): FiscalQuarter[] {
  return quartersOf(fromYear, toYear).filter((q) => quarterDue(q, graceDays) <= today);
}

export function quarterKey({ fiscalYear, quarter }: FiscalQuarter): string {
  return `${fiscalYear}:${quarter}`;
}

/**
 * How a KPI's quarterly figures make its year's result, as the KPI's definition says:
 * - `cumulative` (สะสม): each quarter reports the total so far; the year is the latest quarter reported.
 * - `per-quarter` (รายไตรมาส): each quarter reports its own amount; the year is their sum.
 * - `latest` (ค่า ณ สิ้นไตรมาส): a rate or level measured at each quarter's end (ร้อยละ, a score); the year is the
 *   latest quarter reported, and it is judged against the whole year's target from the first quarter on.
 */
export type ResultMode = 'cumulative' | 'per-quarter' | 'latest';
export const RESULT_MODES: readonly ResultMode[] = ['cumulative', 'per-quarter', 'latest'];

/**
 * How a KPI's year counts: as chosen, or, until someone chooses, by its unit: a percentage is a rate measured
 * at each quarter's end (ร้อยละ 88 in quarter 2 is not half of a year's ร้อยละ 87), anything else a running total.
 */
export function effectiveMode(mode: ResultMode | null | undefined, unit: string): ResultMode {
  return mode ?? (unitKind(unit) === 'percent' ? 'latest' : 'cumulative');
}

export interface YearToDate {
  /** The year's result so far; null when no quarter has a figure. */
  readonly value: number | null;
  /** The last quarter with a figure. */
  readonly through: Quarter | null;
  /** Quarters before `through` without a figure: a per-quarter sum that skips them is not the year's total. */
  readonly gaps: readonly Quarter[];
}

/** The year's result so far from quarters 1–4 (null: not reported). */
export function yearToDate(mode: ResultMode, quarters: readonly (number | null)[]): YearToDate {
  let through: Quarter | null = null;
  QUARTERS.forEach((q) => {
    if (quarters[q - 1] != null) through = q;
  });
  if (through === null) return { value: null, through: null, gaps: [] };
  const reached: Quarter = through;
  const gaps = QUARTERS.filter((q) => q < reached && quarters[q - 1] == null);
  const value =
    mode === 'per-quarter'
      ? QUARTERS.reduce((sum, q) => sum + (q <= reached ? (quarters[q - 1] ?? 0) : 0), 0)
      : quarters[reached - 1]!;
  return { value, through: reached, gaps };
}

/**
 * The part of the year's target expected by the end of quarter `through`: a total (cumulative or summed per
 * quarter) is expected to grow evenly over the year, a rate or level is expected in full from the start.
 */
export function expectedToDate(mode: ResultMode, yearTarget: number | null, through: Quarter): number | null {
  if (yearTarget === null) return null;
  return mode === 'latest' ? yearTarget : (yearTarget * through) / 4;
}

/** The statuses an office reports per KPI or project and quarter (Thai names: locale monitoring.status.*). */
export type ProgressStatus =
  'not-started' | 'on-track' | 'at-risk' | 'delayed' | 'achieved' | 'not-achieved' | 'cancelled';
export const PROGRESS_STATUSES: readonly ProgressStatus[] = [
  'not-started',
  'on-track',
  'at-risk',
  'delayed',
  'achieved',
  'not-achieved',
  'cancelled',
];

export type Light = 'green' | 'amber' | 'red' | 'none';

/**
 * The traffic light of an achievement, from the plan's level thresholds: level 5 (the target met) green,
 * levels 3–4 amber, levels 1–2 red; no data, or a KPI the office cancelled, none.
 */
export function lightOf(a: Achievement, status: ProgressStatus | null = null): Light {
  if (status === 'cancelled' || a.level === null) return 'none';
  if (a.level === MAX_LEVEL) return 'green';
  return a.level >= 3 ? 'amber' : 'red';
}

export interface KpiProgress {
  readonly toDate: YearToDate;
  /**
   * The quarter the KPI is judged at: a report's quarter (its last for the annual report); without one, the
   * last quarter reported (the results screen's "so far"). Null: nothing to judge.
   */
  readonly at: Quarter | null;
  /**
   * No figure for the quarter judged at: not judged (no share, no light), as a quarter not reported is not a
   * quarter on track; the latest figure stays shown as of its own quarter (toDate.through).
   */
  readonly unreported: boolean;
  /** What the year's target expects by the end of quarter `at`. */
  readonly expected: number | null;
  /** The result so far against what was expected by now. */
  readonly achievement: Achievement;
  readonly light: Light;
}

/**
 * One KPI's standing in one fiscal year, from its quarterly figures and the year's target, judged at quarter
 * `judgedAt` (a report's; figures after it are not passed) or else at the last quarter reported. A stock of
 * 3,250,000 followers reported for quarter 1 only is, in the quarter 2 report, "quarter 2 not reported", not
 * 382 % of a quarter 1 expectation.
 */
export function kpiProgress(
  mode: ResultMode,
  direction: Direction,
  yearTarget: number | null,
  quarters: readonly (number | null)[],
  thresholds: LevelThresholds,
  status: ProgressStatus | null = null,
  judgedAt?: Quarter,
): KpiProgress {
  const toDate = yearToDate(mode, quarters);
  const at = judgedAt ?? toDate.through;
  const unreported = at !== null && toDate.through !== at;
  const expected = at === null ? null : expectedToDate(mode, yearTarget, at);
  const a = achievement(expected, unreported ? null : toDate.value, direction, thresholds);
  return { toDate, at, unreported, expected, achievement: a, light: lightOf(a, status) };
}

/** The sum of the figures entered; a quarter not entered (null) adds nothing. */
export function sumEntered(values: readonly (number | null)[]): number {
  return values.reduce<number>((s, v) => s + (v ?? 0), 0);
}

/** Budget disbursed against allocated, in percent; null when nothing is allocated. */
export function disbursementPercent(
  allocated: readonly (number | null)[],
  disbursed: readonly (number | null)[],
): number | null {
  const total = sumEntered(allocated);
  return total > 0 ? (sumEntered(disbursed) * 100) / total : null;
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}
