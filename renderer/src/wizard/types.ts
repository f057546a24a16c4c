import type { ReactNode } from 'react';
import type { PlanData } from '../plan/PlanData.tsx';

/** A problem that keeps the user on a step: an i18n key and its values. */
export interface StepIssue {
  readonly message: string;
  readonly values?: Record<string, string | number>;
}

export interface WizardStep {
  readonly id: string;
  /** i18n key of the step's name. */
  readonly title: string;
  render(): ReactNode;
  /** Checked on Next: any issue keeps the user here, listed above the buttons. */
  issues?(data: PlanData): StepIssue[];
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
}
