import { describe, expect, it } from 'vitest';
import { ROW_DEFAULTS, type Row, type RowData } from '../../main/core/rows.ts';
import { translator } from '../../main/services/locales.ts';
import { RESOURCES } from '../harness/pdfPlan.ts';
import {
  analyse,
  factorCodes,
  factorIssues,
  inCurrentFramework,
  positionReport,
  scaleIssues,
  toFactor,
  towsTypeOf,
  weightIssues,
  type Factor,
} from '../../main/core/swotPlan.ts';

const options = (patch: Partial<RowData<'planOptions'>> = {}): RowData<'planOptions'> => ({
  ...ROW_DEFAULTS.planOptions,
  ...patch,
});

let n = 0;
function factor(swot: 'S' | 'W' | 'O' | 'T', category: string, weight: number, rating: number): Factor {
  const row: Row = {
    id: `f${++n}`,
    entity: 'factor',
    planId: '00000000-0000-4000-8000-000000000000',
    parentId: null,
    position: `a${n}`,
    data: { ...ROW_DEFAULTS.factor, swot, category, weight, rating, statement: `ปัจจัย ${n}` },
    createdBy: 'office-1',
    createdAt: '',
    updatedAt: '',
  };
  return toFactor(row);
}

// The BMA PR workshop in miniature: 2S4M inside, C-PEST outside, ratings 1–5.
const bma = [
  factor('S', 'M4', 0.4, 3), // listed after S2 although entered first: category order wins
  factor('S', 'S2', 0.6, 4), // ช่องทางสื่อของ กทม. ครอบคลุมทุกกลุ่ม
  factor('W', 'M1', 0.7, 3), // บุคลากรด้านสื่อดิจิทัลไม่เพียงพอ
  factor('W', 'M2', 0.3, 2),
  factor('O', 'T', 0.5, 5), // ประชาชนใช้สื่อสังคมออนไลน์สูง
  factor('O', 'C', 0.5, 3),
  factor('T', 'S', 0.8, 2), // ข่าวปลอม
  factor('T', 'P', 0.2, 4),
];

describe('analyse: a plan’s weighted SWOT from its factor rows and options', () => {
  it('scores each letter as Σ weight × rating and places the point in Stars (SO)', () => {
    const a = analyse(bma, options());
    expect(a.scores.S).toBeCloseTo(3.6, 10);
    expect(a.scores.W).toBeCloseTo(2.7, 10);
    expect(a.scores.O).toBeCloseTo(4.0, 10);
    expect(a.scores.T).toBeCloseTo(2.4, 10);
    expect(a.position).toEqual({ x: 0.9, y: 1.6, quadrant: 'SO' });
    expect(a.remaining).toEqual({ S: 0, W: 0, O: 0, T: 0 });
    expect(a.missingSides).toEqual([]);
  });

  it('orders factors by framework category and codes them S1, S2 … as the matrix cites them', () => {
    const a = analyse(bma, options());
    expect(a.factors.S.map((f) => f.group)).toEqual(['S2', 'M4']);
    const codes = factorCodes(a);
    expect(codes.get(a.factors.S[0]!.id)).toBe('S1');
    expect(codes.get(a.factors.T[1]!.id)).toBe('T2');
  });

  it('keeps factors of the other framework but does not score them', () => {
    const a = analyse(bma, options({ externalFramework: 'PESTEL' }));
    // C (customers) is C-PEST only; T, S and P exist in both.
    expect(a.parked.map((f) => f.group)).toEqual(['C']);
    expect(a.factors.O.map((f) => f.group)).toEqual(['T']);
    expect(a.remaining.O).toBe(0.5);
    expect(inCurrentFramework({ category: 'S', group: 'strategy' }, options({ internalFramework: '7S' }))).toBe(true);
    expect(inCurrentFramework({ category: 'S', group: 'S1' }, options({ internalFramework: '7S' }))).toBe(false);
  });

  it('says which side is missing, so the position is not claimed from half the data', () => {
    const inside = bma.filter((f) => f.category === 'S' || f.category === 'W');
    expect(analyse(inside, options()).missingSides).toEqual(['external']);
    expect(analyse([], options()).missingSides).toEqual(['internal', 'external']);
  });

  it('puts a point on an axis in no quadrant, and each sign pair in its own', () => {
    const pair = (s: number, w: number, o: number, t: number) =>
      analyse(
        [factor('S', 'S1', 1, s), factor('W', 'S1', 1, w), factor('O', 'C', 1, o), factor('T', 'C', 1, t)],
        options(),
      ).position;
    expect(pair(2, 4, 5, 1)).toEqual({ x: -2, y: 4, quadrant: 'WO' });
    expect(pair(2, 4, 1, 5)).toEqual({ x: -2, y: -4, quadrant: 'WT' });
    expect(pair(4, 2, 1, 5)).toEqual({ x: 2, y: -4, quadrant: 'ST' });
    expect(pair(3, 3, 5, 1).quadrant).toBeNull();
    expect(pair(4, 1, 2, 2).quadrant).toBeNull();
  });
});

describe('positionReport: the SWOT position as the summary step shows it and the PDF prints it', () => {
  const th = translator(RESOURCES, 'th');

  it('writes x and y from the scores, names the quadrant, and titles the chart with the same figures', () => {
    const report = positionReport(analyse(bma, options()), th);
    expect(report.x).toBe('แกนนอน x = S − W = 3.60 − 2.70 = 0.90');
    expect(report.y).toBe('แกนตั้ง y = O − T = 4.00 − 2.40 = 1.60');
    expect(report.quadrant).toBe(
      th('swot.summary.quadrant', {
        name: th('swot.quadrant.SO.name'),
        thai: th('swot.quadrant.SO.thai'),
        posture: th('tows.type.SO'),
        type: 'SO',
      }),
    );
    expect(report.chartTitle).toBe('แผนภาพตำแหน่ง SWOT: x = 0.90, y = 1.60');
    expect(report.svg).toContain(`aria-label="${report.chartTitle}"`);
    for (const q of ['SO', 'WO', 'WT', 'ST'] as const) expect(report.svg).toContain(th(`swot.quadrant.${q}.thai`));
  });

  it('says the point is on an axis instead of naming a quadrant', () => {
    const onAxis = [factor('S', 'S1', 1, 3), factor('W', 'S1', 1, 3), factor('O', 'C', 1, 5), factor('T', 'C', 1, 1)];
    expect(positionReport(analyse(onAxis, options()), th).quadrant).toBe(th('swot.summary.onAxis'));
  });
});

describe('step issues', () => {
  it('says which letter’s weights do not sum to 1.00 and by how much, under or over', () => {
    const uneven = [
      factor('S', 'S1', 0.5, 3),
      factor('S', 'S2', 0.3, 3),
      factor('W', 'M1', 0.7, 2),
      factor('W', 'M2', 0.45, 2),
    ];
    expect(weightIssues('internal', analyse(uneven, options()), options())).toEqual([
      { message: 'swot.issue.weightShort.S', values: { sum: '0.80', by: '0.20' } },
      { message: 'swot.issue.weightOver.W', values: { sum: '1.15', by: '0.15' } },
    ]);
    // 0.1 + 0.2 + 0.7 is 1.00 on paper and must not be refused over float noise.
    const exact = [factor('O', 'C', 0.1, 1), factor('O', 'E', 0.2, 1), factor('O', 'T', 0.7, 1)];
    expect(weightIssues('external', analyse(exact, options()), options())).toEqual([]);
  });

  it('does not ask for 1.00 when the plan does not, and only checks its own side', () => {
    const uneven = [factor('S', 'S1', 0.5, 3), factor('O', 'C', 0.2, 3)];
    expect(
      weightIssues('internal', analyse(uneven, options({ weightsMustSum: false })), options({ weightsMustSum: false })),
    ).toEqual([]);
    expect(weightIssues('internal', analyse(uneven, options()), options()).map((i) => i.message)).toEqual([
      'swot.issue.weightShort.S',
    ]);
  });

  it('counts ratings off the plan’s scale, whatever the scale', () => {
    const rated = [factor('S', 'S1', 0.5, 5), factor('S', 'S2', 0.5, 0), factor('W', 'M1', 1, 4)];
    expect(weightIssues('internal', analyse(rated, options()), options())).toEqual([
      { message: 'swot.issue.ratingRange', values: { count: 1, min: 1, max: 5 } },
    ]);
    const four = options({ ratingMin: 1, ratingMax: 4 });
    expect(weightIssues('internal', analyse(rated, four), four)).toEqual([
      { message: 'swot.issue.ratingRange', values: { count: 2, min: 1, max: 4 } },
    ]);
  });

  it('refuses a scale whose lowest is not below its highest', () => {
    expect(scaleIssues(options())).toEqual([]);
    expect(scaleIssues(options({ ratingMin: 5, ratingMax: 5 }))).toEqual([
      { message: 'swot.issue.scale', values: { min: 5, max: 5 } },
    ]);
  });

  it('asks for at least one factor of each letter of the side', () => {
    const a = analyse([factor('S', 'S1', 1, 3)], options());
    expect(factorIssues('internal', a)).toEqual([{ message: 'swot.issue.noFactors.W' }]);
    expect(factorIssues('external', a).map((i) => i.message)).toEqual([
      'swot.issue.noFactors.O',
      'swot.issue.noFactors.T',
    ]);
  });
});

describe('TOWS type from the picked factors', () => {
  it('pairs one internal letter with one external letter', () => {
    expect(towsTypeOf(['S', 'O', 'S'])).toEqual({ type: 'SO' });
    expect(towsTypeOf(['T', 'S'])).toEqual({ type: 'ST' });
    expect(towsTypeOf(['W', 'O'])).toEqual({ type: 'WO' });
    expect(towsTypeOf(['W', 'T', 'T'])).toEqual({ type: 'WT' });
  });

  it('explains picks that make no single posture', () => {
    expect(towsTypeOf([])).toEqual({ problems: ['noInternal', 'noExternal'] });
    expect(towsTypeOf(['S', 'W', 'O'])).toEqual({ problems: ['bothInternal'] });
    expect(towsTypeOf(['S', 'O', 'T'])).toEqual({ problems: ['bothExternal'] });
    expect(towsTypeOf(['O'])).toEqual({ problems: ['noInternal'] });
  });
});
