import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../main/core/evaluation.ts';
import {
  disbursementPercent,
  effectiveMode,
  dueQuarters,
  fiscalQuarterOf,
  kpiProgress,
  quarterDue,
  quarterSpan,
  quartersOf,
  yearToDate,
} from '../../main/core/monitoring.ts';

describe('Thai fiscal quarters', () => {
  it('puts October–December in quarter 1 of the next B.E. fiscal year', () => {
    // ปีงบประมาณ พ.ศ. 2568 = 1 Oct 2024 – 30 Sep 2025
    expect(fiscalQuarterOf('2024-10-01')).toEqual({ fiscalYear: 2568, quarter: 1 });
    expect(fiscalQuarterOf('2024-12-31')).toEqual({ fiscalYear: 2568, quarter: 1 });
    expect(fiscalQuarterOf('2025-01-01')).toEqual({ fiscalYear: 2568, quarter: 2 });
    expect(fiscalQuarterOf('2025-04-30')).toEqual({ fiscalYear: 2568, quarter: 3 });
    expect(fiscalQuarterOf('2025-09-30')).toEqual({ fiscalYear: 2568, quarter: 4 });
    expect(fiscalQuarterOf('2024-09-30')).toEqual({ fiscalYear: 2567, quarter: 4 });
  });

  it('spans each quarter from its first to its last calendar day, across the calendar year', () => {
    expect(quarterSpan({ fiscalYear: 2568, quarter: 1 })).toEqual({ first: '2024-10-01', last: '2024-12-31' });
    expect(quarterSpan({ fiscalYear: 2568, quarter: 2 })).toEqual({ first: '2025-01-01', last: '2025-03-31' });
    expect(quarterSpan({ fiscalYear: 2568, quarter: 3 })).toEqual({ first: '2025-04-01', last: '2025-06-30' });
    expect(quarterSpan({ fiscalYear: 2568, quarter: 4 })).toEqual({ first: '2025-07-01', last: '2025-09-30' });
  });

  it('round-trips every day of a fiscal year through its quarter', () => {
    for (const q of quartersOf(2567, 2568)) {
      const { first, last } = quarterSpan(q);
      expect(fiscalQuarterOf(first)).toEqual(q);
      expect(fiscalQuarterOf(last)).toEqual(q);
    }
  });

  it('makes a report due a number of days after its quarter, and lists what is due by a date', () => {
    expect(quarterDue({ fiscalYear: 2568, quarter: 1 }, 15)).toBe('2025-01-15');
    expect(quarterDue({ fiscalYear: 2568, quarter: 4 }, 0)).toBe('2025-09-30');
    expect(dueQuarters(2568, 2570, '2025-04-15', 15)).toEqual([
      { fiscalYear: 2568, quarter: 1 },
      { fiscalYear: 2568, quarter: 2 },
    ]);
    expect(dueQuarters(2568, 2570, '2024-12-31', 15)).toEqual([]);
  });
});

describe('a KPI year so far', () => {
  it('takes the latest quarter of a cumulative KPI and sums a per-quarter one', () => {
    expect(yearToDate('cumulative', [10, 25, null, null])).toEqual({ value: 25, through: 2, gaps: [] });
    expect(yearToDate('per-quarter', [10, 25, null, null])).toEqual({ value: 35, through: 2, gaps: [] });
    expect(yearToDate('latest', [80, 85, 90, 88])).toEqual({ value: 88, through: 4, gaps: [] });
  });

  it('names the quarters missing before the last one reported, and has no value with no figures', () => {
    expect(yearToDate('per-quarter', [null, 5, 7, null])).toEqual({ value: 12, through: 3, gaps: [1] });
    expect(yearToDate('cumulative', [null, null, null, null])).toEqual({ value: null, through: null, gaps: [] });
  });

  it('judges a total against the share of the year elapsed, and a rate against the whole target', () => {
    // 40 training sessions a year; 15 held by the end of quarter 2, when 20 were expected: 75 % → level 3, amber.
    const sessions = kpiProgress('per-quarter', 'higher', 40, [7, 8, null, null], DEFAULT_THRESHOLDS);
    expect(sessions.expected).toBe(20);
    expect(sessions.achievement).toMatchObject({ percent: 75, level: 3 });
    expect(sessions.light).toBe('amber');
    // Satisfaction at ร้อยละ 85 against a target of ร้อยละ 80 from quarter 1 on: met, green.
    const satisfaction = kpiProgress('latest', 'higher', 80, [85, null, null, null], DEFAULT_THRESHOLDS);
    expect(satisfaction.expected).toBe(80);
    expect(satisfaction.light).toBe('green');
  });

  it('inverts lower-is-better KPIs (complaints: at most 100 a year, 40 by quarter 1 → 62.5 %, red)', () => {
    const complaints = kpiProgress('cumulative', 'lower', 100, [40, null, null, null], DEFAULT_THRESHOLDS);
    expect(complaints.expected).toBe(25);
    expect(complaints.achievement).toMatchObject({ status: 'not-achieved', percent: 62.5, level: 2 });
    expect(complaints.light).toBe('red');
  });

  it('judges a report’s quarter even when it was not reported, saying so rather than judging an earlier one', () => {
    // Followers, a running total: 3,400,000 for the year, only quarter 1 reported (3,250,000; audit D5).
    const followers = (at?: 1 | 2) =>
      kpiProgress('cumulative', 'higher', 3_400_000, [3_250_000, null, null, null], DEFAULT_THRESHOLDS, null, at);
    // The quarter 2 report: half the year expects 1,700,000; quarter 2 has no figure, so no share and no light.
    expect(followers(2)).toMatchObject({ at: 2, unreported: true, expected: 1_700_000, light: 'none' });
    expect(followers(2).achievement.percent).toBeNull();
    expect(followers(2).toDate).toEqual({ value: 3_250_000, through: 1, gaps: [] });
    // Quarter 1 (and the results screen, at the last quarter reported): 3,250,000 of 850,000 expected.
    for (const q1 of [followers(1), followers()]) {
      expect(q1).toMatchObject({ at: 1, unreported: false, expected: 850_000, light: 'green' });
      expect(q1.achievement.percent).toBeCloseTo(382.35, 2);
    }
    // Nothing reported at all, judged at quarter 3: expected 2,550,000, nothing to judge it by.
    const none = kpiProgress('per-quarter', 'higher', 3_400_000, [null, null, null, null], DEFAULT_THRESHOLDS, null, 3);
    expect(none).toMatchObject({ at: 3, unreported: true, expected: 2_550_000, light: 'none' });
  });

  it('shows no light without data, or for a KPI the office cancelled', () => {
    expect(kpiProgress('cumulative', 'higher', 10, [null, null, null, null], DEFAULT_THRESHOLDS).light).toBe('none');
    expect(kpiProgress('cumulative', 'higher', 10, [10, null, null, null], DEFAULT_THRESHOLDS, 'cancelled').light).toBe(
      'none',
    );
  });
});

describe('how a KPI counts its year until someone chooses', () => {
  it('reads a percentage as a rate at each quarter’s end and anything else as a running total', () => {
    expect(effectiveMode(null, 'ร้อยละ')).toBe('latest');
    expect(effectiveMode(null, 'ครั้ง')).toBe('cumulative');
    expect(effectiveMode('per-quarter', 'ร้อยละ')).toBe('per-quarter');
  });
});

describe('budget disbursement', () => {
  it('is disbursed over allocated, ignoring quarters not entered, and null with nothing allocated', () => {
    expect(disbursementPercent([1_000_000, null, 500_000, null], [400_000, 200_000, null, null])).toBe(40);
    expect(disbursementPercent([null, null], [100, null])).toBeNull();
  });
});
