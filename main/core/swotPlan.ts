import type { z } from 'zod';
import { swotChartSvg } from './charts/swotChart.ts';
import { FRAMEWORK_CATEGORIES, type Row, type RowData, type TowsType as TowsTypeSchema } from './rows.ts';
import {
  categoryScores,
  position,
  ratingInRange,
  remainingWeight,
  unbalancedCategories,
  type PerCategory,
  type Position,
  type Quadrant,
  type ScoringConfig,
  type SwotCategory,
} from './swot.ts';

/**
 * The weighted SWOT of one plan, from its factor rows and options: which factors count (those filed under a
 * category of the framework the plan uses now), their scores, the remaining weight per S/W/O/T, the
 * position and the reasons a wizard step cannot be finished. Pure, so the wizards, the summary, the PDF and
 * the tests all compute the same figures.
 */

export type Side = 'internal' | 'external';
export type Framework = keyof typeof FRAMEWORK_CATEGORIES;
type Options = RowData<'planOptions'>;

export const SIDE_LETTERS: Record<Side, readonly [SwotCategory, SwotCategory]> = {
  internal: ['S', 'W'],
  external: ['O', 'T'],
};

export const SIDE_FRAMEWORKS: Record<Side, readonly Framework[]> = {
  internal: ['2S4M', '7S'],
  external: ['C-PEST', 'PESTEL'],
};

export const sideOf = (letter: SwotCategory): Side => (letter === 'S' || letter === 'W' ? 'internal' : 'external');

export function frameworkOf(side: Side, options: Options): Framework {
  return side === 'internal' ? options.internalFramework : options.externalFramework;
}

export function scoringConfig(options: Options): ScoringConfig {
  return { ratingMin: options.ratingMin, ratingMax: options.ratingMax, weightsMustSum: options.weightsMustSum };
}

export interface Factor {
  readonly id: string;
  readonly category: SwotCategory;
  /** The framework category code (S1, M2, C, En …). */
  readonly group: string;
  readonly statement: string;
  readonly weight: number;
  readonly rating: number;
  /** weight × rating */
  readonly score: number;
}

/** A factor row as a scored factor; a weight or rating still being typed may be passed in by `value`. */
export function toFactor(row: Row, value: (row: Row, field: string) => unknown = (r, f) => r.data[f]): Factor {
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  const weight = num(value(row, 'weight'));
  const rating = num(value(row, 'rating'));
  return {
    id: row.id,
    category: value(row, 'swot') as SwotCategory,
    group: String(value(row, 'category')),
    statement: String(value(row, 'statement') ?? ''),
    weight,
    rating,
    score: weight * rating,
  };
}

/** Filed under a category of the framework its side uses now (else kept, shown as "other framework"). */
export function inCurrentFramework(factor: Pick<Factor, 'category' | 'group'>, options: Options): boolean {
  const categories: readonly string[] = FRAMEWORK_CATEGORIES[frameworkOf(sideOf(factor.category), options)];
  return categories.includes(factor.group);
}

export interface SwotAnalysis {
  /** The factors that count, per letter, in framework-category order then row order. */
  readonly factors: PerCategory<Factor[]>;
  /** Factors filed under the other framework of their side: kept, not scored. */
  readonly parked: Factor[];
  /** Ids of counted factors whose rating is off the plan's scale: shown and flagged, scored as nothing. */
  readonly offScale: ReadonlySet<string>;
  readonly scores: PerCategory<number>;
  readonly remaining: PerCategory<number>;
  readonly position: Position;
  /** Sides without any factor: the position then says nothing yet. */
  readonly missingSides: Side[];
}

export function analyse(factors: readonly Factor[], options: Options): SwotAnalysis {
  const counted = factors.filter((f) => inCurrentFramework(f, options));
  const config = scoringConfig(options);
  // A rating off the plan's scale (entered before the scale was narrowed, or not yet entered) scores nothing:
  // flagged by weightIssues, never counted. Its weight still counts towards the category's 1.00.
  const offScale = new Set(counted.filter((f) => !ratingInRange(f.rating, config)).map((f) => f.id));
  const weighted = counted.map((f) => ({
    category: f.category,
    weight: f.weight,
    rating: offScale.has(f.id) ? 0 : f.rating,
  }));
  const order = (f: Factor) =>
    (FRAMEWORK_CATEGORIES[frameworkOf(sideOf(f.category), options)] as readonly string[]).indexOf(f.group);
  const per = (c: SwotCategory) =>
    counted
      .map((f, i) => ({ f, i }))
      .filter(({ f }) => f.category === c)
      .sort((a, b) => order(a.f) - order(b.f) || a.i - b.i)
      .map(({ f }) => (offScale.has(f.id) ? { ...f, score: 0 } : f));
  const scores = categoryScores(weighted);
  const missingSides = (['internal', 'external'] as const).filter(
    (side) => !counted.some((f) => sideOf(f.category) === side),
  );
  return {
    factors: { S: per('S'), W: per('W'), O: per('O'), T: per('T') },
    parked: factors.filter((f) => !inCurrentFramework(f, options)),
    offScale,
    scores,
    remaining: remainingWeight(weighted),
    position: position(scores),
    missingSides,
  };
}

/** A reason to stay on a step: an i18n key and its values (the wizard's StepIssue shape). */
export interface SwotIssue {
  readonly message: string;
  readonly values?: Record<string, string | number>;
}

/** Weights, scores and positions as the workshop writes them: two decimals. */
export const two = (n: number) => n.toFixed(2);

export function scaleIssues(options: Options): SwotIssue[] {
  const { ratingMin: min, ratingMax: max } = options;
  return Number.isInteger(min) && Number.isInteger(max) && min < max
    ? []
    : [{ message: 'swot.issue.scale', values: { min, max } }];
}

/** Each letter of the side needs at least one factor in the current framework. */
export function factorIssues(side: Side, analysis: SwotAnalysis): SwotIssue[] {
  return SIDE_LETTERS[side]
    .filter((c) => analysis.factors[c].length === 0)
    .map((c) => ({ message: `swot.issue.noFactors.${c}` }));
}

/** Weights that do not sum to 1.00 (when the plan asks), by how much; ratings off the plan's scale. */
export function weightIssues(side: Side, analysis: SwotAnalysis, options: Options): SwotIssue[] {
  const config = scoringConfig(options);
  const letters = SIDE_LETTERS[side];
  const sideFactors = letters.flatMap((c) => analysis.factors[c]);
  const unbalanced = unbalancedCategories(sideFactors, config).map((c) => {
    const left = analysis.remaining[c];
    return left > 0
      ? { message: `swot.issue.weightShort.${c}`, values: { sum: two(1 - left), by: two(left) } }
      : { message: `swot.issue.weightOver.${c}`, values: { sum: two(1 - left), by: two(-left) } };
  });
  const offScale = sideFactors.filter((f) => !ratingInRange(f.rating, config)).length;
  const ratings =
    offScale > 0
      ? [
          {
            message: 'swot.issue.ratingRange',
            values: { count: offScale, min: config.ratingMin, max: config.ratingMax },
          },
        ]
      : [];
  return [...unbalanced, ...ratings];
}

/** The codes people cite factors by (S1, S2 … O1 …), in the analysis order. */
export function factorCodes(analysis: SwotAnalysis): Map<string, string> {
  return new Map(
    (['S', 'W', 'O', 'T'] as const).flatMap((c) => analysis.factors[c].map((f, i) => [f.id, `${c}${i + 1}`] as const)),
  );
}

/** Translation as both the screen (i18next) and main (services/locales.ts) provide it. */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

/** The SWOT position as the summary step shows it and the PDF prints it: three sentences and the chart. */
export interface PositionReport {
  /** How x and y come from the scores, and the quadrant with its Thai name and posture (or "on an axis"). */
  readonly x: string;
  readonly y: string;
  readonly quadrant: string;
  /** The chart's title on screen. */
  readonly chartTitle: string;
  /** Its caption in print, after "แผนภาพที่ n" (so not "แผนภาพตำแหน่ง SWOT" again). */
  readonly chartCaption: string;
  readonly svg: string;
}

export function positionReport({ scores, position: p }: SwotAnalysis, t: Translate): PositionReport {
  // The quadrant's name in the document's language (Thai: the posture เชิงรุก, เชิงแก้ไข, เชิงรับ, เชิงป้องกัน
  // as Thai manuals name them; English: Stars, Question Marks, Dogs, Cash Cows), its reading, its TOWS code.
  const lines = (q: Quadrant) => [t(`swot.quadrant.${q}.name`), t(`swot.quadrant.${q}.thai`), q];
  const chartTitle = t('swot.summary.chartTitle', { x: two(p.x), y: two(p.y) });
  return {
    x: t('swot.summary.x', { S: two(scores.S), W: two(scores.W), x: two(p.x) }),
    y: t('swot.summary.y', { O: two(scores.O), T: two(scores.T), y: two(p.y) }),
    quadrant: p.quadrant
      ? t('swot.summary.quadrant', {
          name: t(`swot.quadrant.${p.quadrant}.name`),
          thai: t(`swot.quadrant.${p.quadrant}.thai`),
          posture: t(`tows.type.${p.quadrant}`),
          type: p.quadrant,
        })
      : t('swot.summary.onAxis'),
    chartTitle,
    chartCaption: t('swot.summary.chartCaption', { x: two(p.x), y: two(p.y) }),
    svg: swotChartSvg({
      x: p.x,
      y: p.y,
      quadrants: { SO: lines('SO'), WO: lines('WO'), WT: lines('WT'), ST: lines('ST') },
      axes: { S: t('swot.letter.S'), W: t('swot.letter.W'), O: t('swot.letter.O'), T: t('swot.letter.T') },
      title: chartTitle,
    }),
  };
}

// --- TOWS -----------------------------------------------------------------------------------------------

export type TowsType = z.output<typeof TowsTypeSchema>;
export type TowsProblem = 'noInternal' | 'noExternal' | 'bothInternal' | 'bothExternal';

/**
 * The TOWS type a set of picked factors makes: one internal letter (S or W) with one external (O or T).
 * Picking both S and W (or O and T) has no single posture, so it is a problem to explain, not a guess.
 */
export function towsTypeOf(letters: readonly SwotCategory[]): { type: TowsType } | { problems: TowsProblem[] } {
  const has = (c: SwotCategory) => letters.includes(c);
  const problems: TowsProblem[] = [];
  if (!has('S') && !has('W')) problems.push('noInternal');
  if (has('S') && has('W')) problems.push('bothInternal');
  if (!has('O') && !has('T')) problems.push('noExternal');
  if (has('O') && has('T')) problems.push('bothExternal');
  if (problems.length > 0) return { problems };
  return { type: `${has('S') ? 'S' : 'W'}${has('O') ? 'O' : 'T'}` as TowsType };
}
