import { AppError } from '../../core/errors.ts';

/** Why an exchange action cannot be done; the UI shows `exchange.errors.<problem>` (field `_` of the error). */
export const ACTION_PROBLEMS = [
  'identityMissing', // no office set up yet
  'notSecretariat', // plan packages and assignments are the secretariat's
  'noDialog', // choosing a file or folder needs the desktop app
  'noFolder', // no shared folder chosen
  'folderUnreadable', // the shared folder is gone or not readable
  'notInPlan', // a field to resolve that is not part of this plan
] as const;
export type ActionProblem = (typeof ACTION_PROBLEMS)[number];

export function actionError(problem: ActionProblem, detail: string): AppError {
  return new AppError('invalid-input', detail, { _: `exchange.errors.${problem}` });
}
