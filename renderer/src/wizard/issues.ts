import { missingRequired, type Row } from '../../../main/core/rows.ts';
import type { StepIssue } from './types.ts';

/** The usual reason to stay on a step: rows whose required fields (core ROW_REQUIRED) are still empty. */
export function requiredIssues(rows: readonly Row[]): StepIssue[] {
  const missing = missingRequired(rows).length;
  return missing > 0 ? [{ message: 'wizard.missingRequired', values: { count: missing } }] : [];
}

const MAX_LISTED = 10;

/** A long list of reasons shows its first ten and how many more, so the step's alert stays readable. */
export function capped(issues: StepIssue[]): StepIssue[] {
  if (issues.length <= MAX_LISTED) return issues;
  return [...issues.slice(0, MAX_LISTED), { message: 'wizard.andMore', values: { count: issues.length - MAX_LISTED } }];
}
