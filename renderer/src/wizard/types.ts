import type { ReactNode } from 'react';
import type { RowEntity } from '../../../main/core/rows.ts';
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
  /** What the step finds still open without holding Next (a review step): it keeps the step from "done". */
  findings?(data: PlanData): StepIssue[];
  /** The step holds something of its own (core/progress.ts); a step without it (a summary) follows its wizard. */
  started?(data: PlanData): boolean;
}

/** `started` of a step that edits rows of these entities. */
export const holds =
  (...entities: RowEntity[]) =>
  (data: PlanData): boolean =>
    entities.some((entity) => data.list(entity).length > 0);

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
