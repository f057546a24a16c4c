/**
 * Evaluation of a previous plan (ประเมินผลแผนระยะก่อน): per KPI and year, achievement against target, a 1–5
 * level from configurable thresholds and a status; per strategic issue and overall, the share of KPIs achieved
 * and a weighted score. Zero targets and missing actuals are explicit outcomes, never NaN or Infinity.
 */
export type Direction = 'higher' | 'lower';

export type AchievementStatus = 'achieved' | 'not-achieved' | 'no-data';

export interface Achievement {
  readonly status: AchievementStatus;
  /** actual ÷ target × 100 (target ÷ actual × 100 when lower is better); null when a zero makes it undefined. */
  readonly percent: number | null;
  readonly level: number | null;
  /** Why percent is null although there is data. */
  readonly note?: 'zero-target' | 'zero-actual';
}

/**
 * Lower bounds (in %) of levels 2, 3, 4 and 5, ascending. The default reads: below 60 % → 1, 60 → 2, 70 → 3,
 * 80 → 4, 100 % or more → 5. Manuals differ, so a plan may set its own.
 */
export type LevelThresholds = readonly [number, number, number, number];
export const DEFAULT_THRESHOLDS: LevelThresholds = [60, 70, 80, 100];
export const MAX_LEVEL = 5;

export function levelOf(percent: number, thresholds: LevelThresholds = DEFAULT_THRESHOLDS): number {
  return 1 + thresholds.filter((bound) => percent >= bound).length;
}

export function thresholdsValid(t: readonly number[]): t is LevelThresholds {
  return t.length === 4 && t.every((v, i) => Number.isFinite(v) && v >= 0 && (i === 0 || v > t[i - 1]!));
}

export function achievement(
  target: number | null,
  actual: number | null,
  direction: Direction,
  thresholds: LevelThresholds = DEFAULT_THRESHOLDS,
): Achievement {
  if (target === null || actual === null) return { status: 'no-data', percent: null, level: null };
  const zeroOutcome = (achieved: boolean, note: 'zero-target' | 'zero-actual'): Achievement => ({
    status: achieved ? 'achieved' : 'not-achieved',
    percent: null,
    level: achieved ? MAX_LEVEL : 1,
    note,
  });
  if (target === 0) return zeroOutcome(direction === 'higher' ? actual >= 0 : actual <= 0, 'zero-target');
  if (direction === 'lower' && actual === 0) return zeroOutcome(true, 'zero-actual');
  // Multiply before dividing: 88 × 100 ÷ 80 is exactly 110, while 88 ÷ 80 × 100 is 110.00000000000001,
  // and a level boundary must not depend on rounding.
  const percent = direction === 'higher' ? (actual * 100) / target : (target * 100) / actual;
  // A negative ratio (signs differ) is as far from the target as it gets.
  const clamped = Math.max(0, percent);
  return {
    status: clamped >= 100 ? 'achieved' : 'not-achieved',
    percent: clamped,
    level: levelOf(clamped, thresholds),
  };
}

export interface KpiResult {
  readonly weight: number;
  readonly result: Achievement;
}

export interface Summary {
  /** KPIs with data for the year. */
  readonly counted: number;
  readonly achieved: number;
  /** achieved ÷ counted, 0–1; null when nothing has data. */
  readonly shareAchieved: number | null;
  /** Σ(weight × level) ÷ Σ weight over KPIs with data, 1–5; null when nothing has data or all weights are 0. */
  readonly weightedScore: number | null;
}

export function summarise(kpis: readonly KpiResult[]): Summary {
  const withData = kpis.filter((k) => k.result.level !== null);
  const achieved = withData.filter((k) => k.result.status === 'achieved').length;
  const totalWeight = withData.reduce((sum, k) => sum + k.weight, 0);
  return {
    counted: withData.length,
    achieved,
    shareAchieved: withData.length ? achieved / withData.length : null,
    weightedScore:
      totalWeight > 0 ? withData.reduce((sum, k) => sum + k.weight * k.result.level!, 0) / totalWeight : null,
  };
}
