import { useDeferredValue, useMemo } from 'react';
import {
  blockingStepBefore,
  overallState,
  stepReport,
  stepStates,
  type ProgressState,
  type StepFacts,
  type StepReport,
} from '../../../main/core/progress.ts';
import { useRefusedPlaces, type PlanData } from '../plan/PlanData.tsx';
import { parseHash } from '../route.ts';
import { WIZARDS } from '../wizards/index.ts';
import type { StepIssue, WizardDef, WizardStep } from './types.ts';

/**
 * One step as the side navigation shows it: its state (core/progress.ts), the reasons behind it, and the
 * earlier step that holds the way to it, if any (said beside the state, not folded into it).
 */
export interface StepProgress {
  readonly state: ProgressState;
  readonly reasons: readonly StepIssue[];
  readonly facts: StepFacts;
  readonly blockedBy: number | null;
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

/** What a wizard's steps hold by the plan's rows alone: every check of the step, so kept while the rows stay. */
export interface StepFound {
  readonly started: boolean;
  readonly optional: boolean;
  readonly reasons: readonly StepIssue[];
}

/**
 * Checks made, per PlanData object (usePlanData gives a new one when the rows change, not per keystroke) and
 * wizard: the wizard's frame and the side navigation ask for the same ones. Kept here rather than memoised in
 * a component: React throws away a render that typing interrupts with its memoised values, and checking
 * every step of a large plan takes longer than the time between two keystrokes, so it was begun again after
 * each one and the frame after every keystroke paid for it.
 */
const foundFor = new WeakMap<PlanData, Map<WizardDef, readonly StepFound[]>>();

/** What each step of a wizard holds and finds, for `data` as it is when first asked (see foundFor). */
export function stepsFound(def: WizardDef, data: PlanData): readonly StepFound[] {
  const byWizard = foundFor.get(data) ?? new Map<WizardDef, readonly StepFound[]>();
  foundFor.set(data, byWizard);
  const known = byWizard.get(def);
  if (known) return known;
  const found = checkSteps(def, data);
  byWizard.set(def, found);
  return found;
}

function checkSteps(def: WizardDef, data: PlanData): StepFound[] {
  return def.steps.map((step) => ({
    started: step.started?.(data) ?? false,
    // A step with nothing of its own to hold (a summary) may stay empty like an optional one.
    optional: step.optional === true || step.started === undefined,
    reasons: stepReasons(step, data),
  }));
}

/**
 * What core's progress rule needs of each step of a wizard, with the reasons behind each. `found`: the steps'
 * checks when already made for these rows (refused input changes without the rows; it is counted here).
 */
export function wizardFacts(
  def: WizardDef,
  data: PlanData,
  unsaved = unsavedByStep(data),
  found: readonly StepFound[] = stepsFound(def, data),
): StepReport[] {
  return found.map(({ started, optional, reasons }, i) =>
    stepReport({ started, optional }, reasons, unsaved.get(`${def.id}/${i}`) ?? 0),
  );
}

export function planProgress(
  data: PlanData,
  found: readonly (readonly StepFound[])[] = WIZARDS.map((def) => stepsFound(def, data)),
): PlanProgress {
  const unsaved = unsavedByStep(data);
  const wizards = WIZARDS.map((def, w): WizardProgress => {
    const reports = wizardFacts(def, data, unsaved, found[w]);
    const facts = reports.map((r) => r.facts);
    const states = stepStates(facts);
    return {
      def,
      state: overallState(states),
      steps: states.map((state, i) => ({
        state,
        reasons: reports[i]!.reasons,
        facts: facts[i]!,
        blockedBy: blockingStepBefore(facts, i),
      })),
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
  // Refused input is read through data.unsaved; its places say when its counts per step change, and then
  // only the counting is done again, not the steps' checks.
  const deferred = useDeferredValue(data);
  const refused = useDeferredValue(useRefusedPlaces());
  const found = useMemo(() => WIZARDS.map((def) => stepsFound(def, deferred)), [deferred]);
  return useMemo(() => planProgress(deferred, found), [deferred, found, refused]);
}
