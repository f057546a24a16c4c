import type { ReactNode } from 'react';
import { STEP_CHECKS, type StepCheck, type StepIssue } from '../../../main/core/stepChecks.ts';
import type { PlanData } from '../plan/PlanData.tsx';

export type { StepIssue };

export interface WizardStep {
  readonly id: string;
  /** i18n key of the step's name. */
  readonly title: string;
  render(): ReactNode;
  /** Checked on Next: any issue keeps the user here, listed above the buttons. */
  issues?(data: PlanData): StepIssue[];
  /** What the step finds still open without holding Next (a review step): it keeps the step from "done". */
  findings?(data: PlanData): StepIssue[];
  /** The step holds something of its own (core/progress.ts); a step without it (a summary) follows its wizard. */
  started?(data: PlanData): boolean;
  /** The step may be left empty: done once its wizard is begun and its check passes (core/progress.ts). */
  readonly optional?: true;
}

type CheckedWizard = keyof typeof STEP_CHECKS;
/** A step of a wizard whose checks live in core: its id names its check there. */
type ScreenOf<W extends CheckedWizard> = Pick<WizardStep, 'title' | 'render'> & {
  readonly id: keyof (typeof STEP_CHECKS)[W] & string;
};

/**
 * A wizard's steps with their checks from core (core/stepChecks.ts), by step id: the screen says what
 * a step shows, core says what keeps the user on it and whether it holds anything.
 */
export function checkedSteps<W extends CheckedWizard>(wizard: W, steps: readonly ScreenOf<W>[]): WizardStep[] {
  const checks: Readonly<Record<string, StepCheck>> = STEP_CHECKS[wizard];
  return steps.map((step) => ({ ...step, ...checks[step.id] }));
}

export const WIZARD_IDS = [
  'setup',
  'evaluation',
  'situation',
  'internal',
  'external',
  'tows',
  'direction',
  'goals',
  'strategies',
  'review',
  'document',
  'monitoring',
] as const;
export type WizardId = (typeof WIZARD_IDS)[number];

export interface WizardDef {
  readonly id: WizardId;
  /** i18n key of the wizard's name. */
  readonly title: string;
  /** The last step is the summary. */
  readonly steps: readonly WizardStep[];
  /**
   * A wizard of the plan's life after adoption (monitoring): the plan is drafted ("done") without it, and its
   * own steps show their states as any wizard's do.
   */
  readonly afterAdoption?: boolean;
}
