import { useDeferredValue, useMemo } from 'react';
import { overallState, stepStates, type ProgressState, type StepFacts } from '../../../main/core/progress.ts';
import type { PlanData } from '../plan/PlanData.tsx';
import { parseHash } from '../route.ts';
import { WIZARDS } from '../wizards/index.ts';
import type { StepIssue, WizardDef, WizardStep } from './types.ts';

/** One step as the side navigation shows it: its state (core/progress.ts) and the reasons behind it. */
export interface StepProgress {
  readonly state: ProgressState;
  readonly reasons: readonly StepIssue[];
  readonly facts: StepFacts;
}

export interface WizardProgress {
  readonly def: WizardDef;
  readonly state: ProgressState;
  readonly steps: readonly StepProgress[];
}

export interface PlanProgress {
  readonly state: ProgressState;
  readonly wizards: readonly WizardProgress[];
}

/** Why a step is not done: its Next check, then what it finds open. */
export function stepReasons(step: WizardStep, data: PlanData): StepIssue[] {
  return [...(step.issues?.(data) ?? []), ...(step.findings?.(data) ?? [])];
}

/** Refused input per `${wizard}/${step}`, from where each was typed (its route hash). */
function unsavedByStep(data: PlanData): Map<string, number> {
  const counts = new Map<string, number>();
  for (const input of Object.values(data.unsaved)) {
    const route = parseHash(input.at.slice(input.at.indexOf('#')));
    if (route.name !== 'wizard') continue;
    const key = `${route.wizard}/${route.step}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** What core's progress rule needs of each step of a wizard, with the reasons behind each count. */
export function wizardFacts(
  def: WizardDef,
  data: PlanData,
  unsaved = unsavedByStep(data),
): { facts: StepFacts[]; reasons: StepIssue[][] } {
  const reasons = def.steps.map((step) => stepReasons(step, data));
  const facts = def.steps.map((step, i): StepFacts => ({
    started: step.started?.(data) ?? false,
    issues: reasons[i]!.length,
    unsaved: unsaved.get(`${def.id}/${i}`) ?? 0,
  }));
  return { facts, reasons };
}

export function planProgress(data: PlanData): PlanProgress {
  const unsaved = unsavedByStep(data);
  const wizards = WIZARDS.map((def): WizardProgress => {
    const { facts, reasons } = wizardFacts(def, data, unsaved);
    const states = stepStates(facts);
    return {
      def,
      state: overallState(states),
      steps: states.map((state, i) => ({ state, reasons: reasons[i]!, facts: facts[i]! })),
    };
  });
  // The plan is drafted when every drafting wizard is done; monitoring comes after adoption.
  const drafting = wizards.filter((w) => !w.def.afterAdoption);
  return { state: overallState(drafting.map((w) => w.state)), wizards };
}

/**
 * The plan's progress, recomputed when its data changes (a save returned, an undo, refused input). Deferred:
 * every check of every wizard runs, so the step repaints first and the navigation catches up when idle.
 */
export function usePlanProgress(data: PlanData): PlanProgress {
  const deferred = useDeferredValue(data);
  return useMemo(() => planProgress(deferred), [deferred]);
}
