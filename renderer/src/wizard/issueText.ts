import type { TFunction } from 'i18next';
import type { StepIssue } from '../../../main/core/stepChecks.ts';

/** A step's reason in words, the same wherever it shows (the step's alert, a blocker, the side navigation). */
export function issueText(t: TFunction, issue: StepIssue): string {
  return t(issue.message, issue.values ?? {});
}
