/**
 * Progress is derived, never remembered: a step's state follows from what the plan holds and from the same
 * checks that hold Next (the wizards' step checks over core's validity and completeness rules). Nothing
 * stored says "the user reached step 4", so opening an earlier step never turns progress back, and fixing a
 * value elsewhere (an exchange import, an undo) moves progress forward or back as the data does.
 */
import type { StepIssue } from './stepChecks.ts';

export const PROGRESS_STATES = ['notStarted', 'inProgress', 'attention', 'done'] as const;
export type ProgressState = (typeof PROGRESS_STATES)[number];

/** What the wizard knows of one step, in the wizard's order. */
export interface StepFacts {
  /** The step holds something of its own (a row it edits, a choice it makes). */
  readonly started: boolean;
  /**
   * The step may stay empty (an optional text, a step with no content of its own such as a summary): it counts
   * as begun once its wizard is. Any other step is done only when it holds its own content.
   */
  readonly optional: boolean;
  /** Reasons its check gives for holding Next (or, for a review step, what it finds open). */
  readonly issues: number;
  /** Refused input typed on this step and not yet fixed or cleared. */
  readonly unsaved: number;
}

/**
 * A step's state given its wizard's steps:
 * - refused input on it, or a check that fails while a later step already holds data (the user went past a
 *   step that does not let them through): needs attention;
 * - its check passes: done when it holds its own content (an optional step: once the wizard has begun, so a
 *   new plan's optional steps are not "done", nor an evaluation whose results are all still empty);
 * - its check fails: in progress when it holds something, else not started.
 * Only its own content and its own check decide: an earlier step that blocks it is reported beside the state
 * (blockingStepBefore), never folded into it.
 */
export function stepStates(steps: readonly StepFacts[]): ProgressState[] {
  const begun = steps.some((s) => s.started);
  return steps.map((step, i) => {
    const laterStarted = steps.slice(i + 1).some((s) => s.started);
    if (step.unsaved > 0 || (step.issues > 0 && laterStarted)) return 'attention';
    const holds = step.started || (step.optional && begun);
    if (step.issues === 0) return holds ? 'done' : 'notStarted';
    return holds ? 'inProgress' : 'notStarted';
  });
}

/** A wizard (or the whole plan) from its parts: any needing attention shows; done only when every part is. */
export function overallState(parts: readonly ProgressState[]): ProgressState {
  if (parts.length > 0 && parts.every((p) => p === 'done')) return 'done';
  if (parts.includes('attention')) return 'attention';
  if (parts.every((p) => p === 'notStarted')) return 'notStarted';
  return 'inProgress';
}

/** A step's facts with the reasons behind them, as the step list, the side navigation and a blocker say them. */
export interface StepReport {
  readonly facts: StepFacts;
  readonly reasons: readonly StepIssue[];
}

/**
 * A step's report from its check's reasons and its refused input: refused input typed on the step is a reason
 * of its own (worded as Next words it), so whatever holds a step back, its reasons say it.
 */
export function stepReport(
  step: { readonly started: boolean; readonly optional: boolean },
  issues: readonly StepIssue[],
  unsaved: number,
): StepReport {
  return {
    facts: { ...step, issues: issues.length, unsaved },
    reasons: unsaved > 0 ? [...issues, { message: 'wizard.unsavedFields', values: { count: unsaved } }] : issues,
  };
}

/**
 * The first step before `index` whose check would refuse Next: opening a later step (the step list, a link,
 * a typed URL) says that this one still holds the way, instead of pretending the user got past it.
 */
export function blockingStepBefore(steps: readonly StepFacts[], index: number): number | null {
  for (let i = 0; i < Math.min(index, steps.length); i++) {
    const step = steps[i]!;
    if (step.issues > 0 || step.unsaved > 0) return i;
  }
  return null;
}

/** The step holding the way to `index`, with its reasons (never none: stepReport lists refused input too). */
export function blockerBefore(
  steps: readonly StepReport[],
  index: number,
): { readonly at: number; readonly reasons: readonly StepIssue[] } | null {
  const at = blockingStepBefore(
    steps.map((s) => s.facts),
    index,
  );
  return at === null ? null : { at, reasons: steps[at]!.reasons };
}
