import { z } from 'zod';
import { Uuid, requiredText } from './fields.ts';
import { MAX_BE_YEAR, MAX_PLAN_YEARS, MIN_BE_YEAR, periodLength } from './years.ts';

/**
 * The plan (แผน) and its header fields. Validation messages are i18n keys (see resources/locales), so the
 * same schema yields a Thai message in the UI and a readable key in the English log.
 */
export const BeYear = z
  .number({ message: 'validation.year' })
  .int({ message: 'validation.year' })
  .min(MIN_BE_YEAR, { message: 'validation.yearRange' })
  .max(MAX_BE_YEAR, { message: 'validation.yearRange' });

/** Every field of a plan that a user edits; each edit of one of them is one operation in the op log. */
export const PlanFieldSchemas = {
  organisation: requiredText(300),
  title: requiredText(500),
  startYear: BeYear,
  endYear: BeYear,
  prevStartYear: BeYear.nullable(),
  prevEndYear: BeYear.nullable(),
} as const;

export type PlanField = keyof typeof PlanFieldSchemas;
export const PLAN_FIELDS = Object.keys(PlanFieldSchemas) as PlanField[];
/** The plan's fields that are years: its period and its previous plan's (checked together, and bounding its yearly rows). */
export const PLAN_YEAR_FIELDS = [
  'startYear',
  'endYear',
  'prevStartYear',
  'prevEndYear',
] as const satisfies readonly PlanField[];

export const PlanFieldsObject = z.object(PlanFieldSchemas);

/** Rules across fields: a plan runs 1–10 years; the previous plan ends before this one starts. */
export function checkPeriods(p: z.infer<typeof PlanFieldsObject>, ctx: z.RefinementCtx): void {
  const len = periodLength(p.startYear, p.endYear);
  if (len < 1) ctx.addIssue({ code: 'custom', path: ['endYear'], message: 'validation.endBeforeStart' });
  else if (len > MAX_PLAN_YEARS)
    ctx.addIssue({ code: 'custom', path: ['endYear'], message: 'validation.periodTooLong' });
  const { prevStartYear: ps, prevEndYear: pe } = p;
  if ((ps === null) !== (pe === null)) {
    ctx.addIssue({
      code: 'custom',
      path: [ps === null ? 'prevStartYear' : 'prevEndYear'],
      message: 'validation.prevBothOrNone',
    });
  } else if (ps !== null && pe !== null) {
    const prevLen = periodLength(ps, pe);
    if (prevLen < 1) ctx.addIssue({ code: 'custom', path: ['prevEndYear'], message: 'validation.endBeforeStart' });
    else if (prevLen > MAX_PLAN_YEARS)
      ctx.addIssue({ code: 'custom', path: ['prevEndYear'], message: 'validation.periodTooLong' });
    else if (pe >= p.startYear)
      ctx.addIssue({ code: 'custom', path: ['prevEndYear'], message: 'validation.prevOverlaps' });
  }
}

export const PlanDraft = PlanFieldsObject.superRefine(checkPeriods);
export type PlanDraft = z.infer<typeof PlanDraft>;

export const Plan = PlanFieldsObject.extend({
  id: Uuid,
  isSample: z.boolean(),
  /** Office that created the plan (the op-log actor of its first operation). */
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Plan = z.infer<typeof Plan>;

export const PlanSummary = Plan.pick({
  id: true,
  organisation: true,
  title: true,
  startYear: true,
  endYear: true,
  isSample: true,
  updatedAt: true,
});
export type PlanSummary = z.infer<typeof PlanSummary>;

/** One field edit as the renderer sends it: the field name picks the value's schema. */
export const PlanFieldEdit = z.discriminatedUnion('field', [
  z.object({ field: z.literal('organisation'), value: PlanFieldSchemas.organisation }),
  z.object({ field: z.literal('title'), value: PlanFieldSchemas.title }),
  z.object({ field: z.literal('startYear'), value: PlanFieldSchemas.startYear }),
  z.object({ field: z.literal('endYear'), value: PlanFieldSchemas.endYear }),
  z.object({ field: z.literal('prevStartYear'), value: PlanFieldSchemas.prevStartYear }),
  z.object({ field: z.literal('prevEndYear'), value: PlanFieldSchemas.prevEndYear }),
]);
export type PlanFieldEdit = z.infer<typeof PlanFieldEdit>;

/** Validate a plan after applying one edit; returns the issues keyed by field (message = i18n key). */
export function validatePlanDraft(draft: PlanDraft): Partial<Record<PlanField, string>> {
  const result = PlanDraft.safeParse(draft);
  if (result.success) return {};
  const issues: Partial<Record<PlanField, string>> = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as PlanField | undefined;
    if (field && !issues[field]) issues[field] = issue.message;
  }
  return issues;
}

/** The mark copyTitle puts at the end of a copy's title, numbered or not. */
const COPY_MARK = / \(สำเนา(?: \d+)?\)$/u;

/**
 * The title of a plan that came in as a copy of one already here (an import of the same file again), numbered
 * among the titles already here ("… (สำเนา)", "… (สำเนา 2)", "… (สำเนา 3)"), so Home never lists two plans that
 * cannot be told apart. The plan's own words are Thai, so the mark is too (with the digits the screen shows). A
 * copy of the sample is no sample: it drops the sample's mark. Kept within the title's 500 characters.
 */
export function copyTitle(title: string, taken: readonly string[]): string {
  // A copy of a copy is numbered beside it ("… (สำเนา 2)"), not marked twice ("… (สำเนา) (สำเนา)").
  const base = withoutSampleMark(title).replace(COPY_MARK, '');
  const used = new Set(taken);
  for (let n = 1; ; n++) {
    const mark = n === 1 ? ' (สำเนา)' : ` (สำเนา ${n})`;
    const numbered = `${base.slice(0, 500 - mark.length)}${mark}`;
    if (!used.has(numbered)) return numbered;
  }
}

/**
 * The mark the shipped sample plan's title ends with (resources/sample), so that Home tells it from a real
 * plan. A plan made from the sample (the next plan) is no sample, so its title drops the mark.
 */
export const SAMPLE_MARK = ' (ตัวอย่าง)';

export function withoutSampleMark(title: string): string {
  return title.endsWith(SAMPLE_MARK) ? title.slice(0, -SAMPLE_MARK.length) : title;
}
