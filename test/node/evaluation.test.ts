import { describe, expect, it } from 'vitest';
import { achievement, levelOf, summarise, thresholdsValid } from '../../main/core/evaluation.ts';

describe('KPI achievement', () => {
  it('is actual over target for higher-is-better KPIs', () => {
    expect(achievement(80, 60, 'higher')).toEqual({ status: 'not-achieved', percent: 75, level: 3 });
    expect(achievement(80, 88, 'higher')).toMatchObject({ status: 'achieved', percent: 110, level: 5 });
  });

  it('is inverted for lower-is-better KPIs (complaints: target 20, actual 25 → 80 %)', () => {
    expect(achievement(20, 25, 'lower')).toEqual({ status: 'not-achieved', percent: 80, level: 4 });
    expect(achievement(20, 10, 'lower')).toMatchObject({ status: 'achieved', percent: 200 });
  });

  it('handles zero targets and zero actuals explicitly, never NaN or Infinity', () => {
    expect(achievement(0, 0, 'higher')).toEqual({ status: 'achieved', percent: null, level: 5, note: 'zero-target' });
    expect(achievement(0, 3, 'lower')).toEqual({
      status: 'not-achieved',
      percent: null,
      level: 1,
      note: 'zero-target',
    });
    expect(achievement(5, 0, 'lower')).toEqual({ status: 'achieved', percent: null, level: 5, note: 'zero-actual' });
    expect(achievement(5, 0, 'higher')).toEqual({ status: 'not-achieved', percent: 0, level: 1 });
  });

  it('reports missing years as no data', () => {
    expect(achievement(100, null, 'higher')).toEqual({ status: 'no-data', percent: null, level: null });
    expect(achievement(null, 50, 'higher').status).toBe('no-data');
  });

  it('maps percentages to levels with configurable thresholds', () => {
    expect([0, 59.9, 60, 70, 80, 99.9, 100].map((p) => levelOf(p))).toEqual([1, 1, 2, 3, 4, 4, 5]);
    expect(levelOf(90, [50, 75, 90, 110])).toBe(4);
    expect(thresholdsValid([60, 70, 80, 100])).toBe(true);
    expect(thresholdsValid([60, 60, 80, 100])).toBe(false);
    expect(thresholdsValid([60, 70, 80])).toBe(false);
  });
});

describe('summary per strategic issue', () => {
  it('counts only KPIs with data and weights the levels', () => {
    const summary = summarise([
      { weight: 0.5, result: achievement(100, 100, 'higher') }, // level 5, achieved
      { weight: 0.3, result: achievement(100, 65, 'higher') }, // level 2
      { weight: 0.2, result: achievement(100, null, 'higher') }, // no data
    ]);
    expect(summary.counted).toBe(2);
    expect(summary.achieved).toBe(1);
    expect(summary.shareAchieved).toBe(0.5);
    expect(summary.weightedScore).toBeCloseTo((0.5 * 5 + 0.3 * 2) / 0.8, 10);
  });

  it('has no score when nothing has data', () => {
    expect(summarise([{ weight: 1, result: achievement(1, null, 'higher') }])).toEqual({
      counted: 0,
      achieved: 0,
      shareAchieved: null,
      weightedScore: null,
    });
  });
});
