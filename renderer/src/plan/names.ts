/** A row's name as typed, trimmed: one rule for the screens and core's step checks. */
export { nameOf } from '../../../main/core/stepChecks.ts';
