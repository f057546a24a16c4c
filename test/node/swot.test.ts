import { describe, expect, it } from 'vitest';
import {
  categoryScores,
  position,
  ratingInRange,
  remainingWeight,
  unbalancedCategories,
  type WeightedFactor,
} from '../../main/core/swot.ts';

// A worked example in the shape of a BMA PR workshop: two factors per category.
const factors: WeightedFactor[] = [
  { category: 'S', weight: 0.6, rating: 4 }, // ช่องทางสื่อของ กทม. ครอบคลุม
  { category: 'S', weight: 0.4, rating: 3 },
  { category: 'W', weight: 0.7, rating: 3 }, // บุคลากรด้านสื่อดิจิทัลไม่เพียงพอ
  { category: 'W', weight: 0.3, rating: 2 },
  { category: 'O', weight: 0.5, rating: 5 }, // ประชาชนใช้สื่อสังคมออนไลน์สูง
  { category: 'O', weight: 0.5, rating: 3 },
  { category: 'T', weight: 0.8, rating: 2 }, // ข่าวปลอม
  { category: 'T', weight: 0.2, rating: 4 },
];

describe('weighted SWOT', () => {
  it('scores each category as the sum of weight × rating', () => {
    const s = categoryScores(factors);
    expect(s.S).toBeCloseTo(3.6, 10);
    expect(s.W).toBeCloseTo(2.7, 10);
    expect(s.O).toBeCloseTo(4.0, 10);
    expect(s.T).toBeCloseTo(2.4, 10);
  });

  it('places the position point and names the quadrant', () => {
    expect(position(categoryScores(factors))).toEqual({ x: 0.9, y: 1.6, quadrant: 'SO' });
    expect(position({ S: 1, W: 2, O: 3, T: 1 }).quadrant).toBe('WO');
    expect(position({ S: 1, W: 2, O: 1, T: 3 }).quadrant).toBe('WT');
    expect(position({ S: 3, W: 2, O: 1, T: 3 }).quadrant).toBe('ST');
    expect(position({ S: 0.3, W: 0.1 + 0.2, O: 2, T: 1 }).quadrant).toBeNull();
  });

  it('shows the remaining weight exactly and blocks categories that do not sum to 1.00', () => {
    expect(remainingWeight(factors)).toEqual({ S: 0, W: 0, O: 0, T: 0 });
    const partial = [
      ...factors.filter((f) => f.category !== 'W'),
      { category: 'W' as const, weight: 0.1, rating: 3 },
      { category: 'W' as const, weight: 0.2, rating: 3 },
    ];
    expect(remainingWeight(partial).W).toBe(0.7);
    expect(unbalancedCategories(partial)).toEqual(['W']);
    expect(unbalancedCategories(partial, { ratingMin: 1, ratingMax: 5, weightsMustSum: false })).toEqual([]);
  });

  it('checks ratings against the plan scale', () => {
    expect(ratingInRange(5)).toBe(true);
    expect(ratingInRange(6)).toBe(false);
    expect(ratingInRange(4, { ratingMin: 1, ratingMax: 4, weightsMustSum: true })).toBe(true);
  });
});
