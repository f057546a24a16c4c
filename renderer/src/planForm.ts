import {
  PLAN_FIELDS,
  PLAN_YEAR_FIELDS,
  validatePlanDraft,
  type PlanDraft,
  type PlanField,
} from '../../main/core/plan.ts';
import { fromThaiDigits } from '../../main/core/years.ts';

/** What the form inputs hold: text, as typed (years may be typed in Thai digits). */
export type PlanFormValues = Record<PlanField, string>;
/** Per-field i18n message keys (from core's schema, or from the server's `fields`). */
export type FieldErrors = Partial<Record<PlanField, string>>;

export const YEAR_FIELDS: readonly PlanField[] = PLAN_YEAR_FIELDS;
const OPTIONAL_YEARS: readonly PlanField[] = ['prevStartYear', 'prevEndYear'];

/** Unparseable text becomes NaN so that core's schema reports it with its own message (validation.year). */
function parseYear(text: string): number | null {
  const digits = fromThaiDigits(text).trim();
  if (digits === '') return null;
  return /^\d+$/.test(digits) ? Number(digits) : Number.NaN;
}

export function parseFieldValue(field: PlanField, text: string): string | number | null {
  if (!YEAR_FIELDS.includes(field)) return text;
  const year = parseYear(text);
  return year === null && !OPTIONAL_YEARS.includes(field) ? Number.NaN : year;
}

export function toDraft(values: PlanFormValues): PlanDraft {
  return Object.fromEntries(PLAN_FIELDS.map((f) => [f, parseFieldValue(f, values[f])])) as PlanDraft;
}

export function toFormValues(plan: PlanDraft): PlanFormValues {
  return Object.fromEntries(PLAN_FIELDS.map((f) => [f, plan[f] === null ? '' : String(plan[f])])) as PlanFormValues;
}

/** The same rules main applies (core's PlanDraft), run before anything is sent. */
export function validateForm(values: PlanFormValues): FieldErrors {
  return validatePlanDraft(toDraft(values));
}

/** Keep only the server's field messages that name a plan field. */
export function planFieldErrors(fields: Record<string, string> | undefined): FieldErrors {
  const out: FieldErrors = {};
  for (const f of PLAN_FIELDS) if (fields?.[f]) out[f] = fields[f];
  return out;
}
