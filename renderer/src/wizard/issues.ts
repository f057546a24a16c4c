import { missingRequired, type Row } from '../../../main/core/rows.ts';
import type { StepIssue } from './types.ts';

/** The usual reason to stay on a step: rows whose required fields (core ROW_REQUIRED) are still empty. */
export function requiredIssues(rows: readonly Row[]): StepIssue[] {
  const missing = missingRequired(rows).length;
  return missing > 0 ? [{ message: 'wizard.missingRequired', values: { count: missing } }] : [];
}
