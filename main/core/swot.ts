/**
 * Weighted SWOT (frameworks.md): each factor has a weight (a category's weights sum to 1.00 when the plan
 * asks for it) and a rating; factor score = weight × rating, category score = Σ factor scores, position
 * x = S − W, y = O − T, and the quadrant gives the strategy posture (TOWS). Thai names live in the locale
 * files under swot.quadrant.*, keyed by the codes here.
 */
export type SwotCategory = 'S' | 'W' | 'O' | 'T';
export const SWOT_CATEGORIES: readonly SwotCategory[] = ['S', 'W', 'O', 'T'];

export interface WeightedFactor {
  readonly category: SwotCategory;
  readonly weight: number;
  readonly rating: number;
}

export interface ScoringConfig {
  readonly ratingMin: number;
  readonly ratingMax: number;
  /** Block finishing the step while a category's weights do not sum to 1.00. */
  readonly weightsMustSum: boolean;
}
export const DEFAULT_SCORING: ScoringConfig = { ratingMin: 1, ratingMax: 5, weightsMustSum: true };

/** Weights are entered to two decimals; compare in hundredths so 0.1 + 0.2 + 0.7 sums to exactly 1.00. */
const hundredths = (n: number) => Math.round(n * 100);

export type PerCategory<T> = Record<SwotCategory, T>;

function perCategory<T>(f: (c: SwotCategory) => T): PerCategory<T> {
  return { S: f('S'), W: f('W'), O: f('O'), T: f('T') };
}

export function categoryScores(factors: readonly WeightedFactor[]): PerCategory<number> {
  return perCategory((c) => factors.filter((f) => f.category === c).reduce((sum, f) => sum + f.weight * f.rating, 0));
}

/** Weight still to distribute per category (1.00 − Σ weights), in hundredths-exact arithmetic. */
export function remainingWeight(factors: readonly WeightedFactor[]): PerCategory<number> {
  return perCategory(
    (c) => (100 - factors.filter((f) => f.category === c).reduce((s, f) => s + hundredths(f.weight), 0)) / 100,
  );
}

/** Categories that block finishing: their weights do not sum to 1.00 (only when the plan requires it). */
export function unbalancedCategories(
  factors: readonly WeightedFactor[],
  config: ScoringConfig = DEFAULT_SCORING,
): SwotCategory[] {
  if (!config.weightsMustSum) return [];
  const remaining = remainingWeight(factors);
  return SWOT_CATEGORIES.filter((c) => factors.some((f) => f.category === c) && remaining[c] !== 0);
}

export function ratingInRange(rating: number, config: ScoringConfig = DEFAULT_SCORING): boolean {
  return Number.isFinite(rating) && rating >= config.ratingMin && rating <= config.ratingMax;
}

/** Stars (SO, เชิงรุก), Question Marks (WO, เชิงแก้ไข), Dogs (WT, เชิงรับ), Cash Cows (ST, เชิงป้องกัน). */
export type Quadrant = 'SO' | 'WO' | 'WT' | 'ST';

export interface Position {
  readonly x: number;
  readonly y: number;
  /** null when the point lies on an axis: no single posture follows. */
  readonly quadrant: Quadrant | null;
}

export function position(scores: PerCategory<number>): Position {
  // Round to 4 decimals so that a point that is 0 on paper is not put in a quadrant by float noise.
  const round = (n: number) => Math.round(n * 10_000) / 10_000;
  const x = round(scores.S - scores.W);
  const y = round(scores.O - scores.T);
  let quadrant: Quadrant | null = null;
  if (x > 0 && y > 0) quadrant = 'SO';
  else if (x < 0 && y > 0) quadrant = 'WO';
  else if (x < 0 && y < 0) quadrant = 'WT';
  else if (x > 0 && y < 0) quadrant = 'ST';
  return { x, y, quadrant };
}
