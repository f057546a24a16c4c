import type { CompletenessItem, CompletenessRule, PlanPart } from '../../../../main/core/planContent.ts';
import { routeHash } from '../../route.ts';
import type { WizardId } from '../../wizard/types.ts';
// A cycle (the registry lists this wizard too), read only at render time, never while modules load.
import { wizardById } from '../index.ts';

/** Where each completeness rule's problem is fixed: the wizard and step (ids fixed in the issue plan). */
const FIX_AT: Readonly<Record<Exclude<CompletenessRule, 'planLacks'>, { wizard: WizardId; step: string }>> = {
  issueWithoutGoal: { wizard: 'goals', step: 'issues' },
  goalWithoutStrategy: { wizard: 'strategies', step: 'strategies' },
  goalWithoutKpi: { wizard: 'goals', step: 'kpis' },
  kpiMissingTarget: { wizard: 'goals', step: 'targets' },
  targetNotInUnit: { wizard: 'goals', step: 'targets' },
  targetOutsidePeriod: { wizard: 'goals', step: 'targets' },
  strategyWithoutProject: { wizard: 'strategies', step: 'projects' },
  projectWithoutResponsibleUnit: { wizard: 'strategies', step: 'projects' },
  projectWithoutBudget: { wizard: 'strategies', step: 'budgets' },
  budgetOutsidePeriod: { wizard: 'strategies', step: 'budgets' },
  issueNotAligned: { wizard: 'review', step: 'alignment' },
  towsStrategyUnused: { wizard: 'strategies', step: 'strategies' },
};

/** Where a part the plan lacks altogether is first entered. */
const PART_AT: Readonly<Record<PlanPart, { wizard: WizardId; step: string }>> = {
  vision: { wizard: 'direction', step: 'vision' },
  strategicIssue: { wizard: 'goals', step: 'issues' },
  goal: { wizard: 'goals', step: 'issues' },
  kpi: { wizard: 'goals', step: 'kpis' },
  kpiTarget: { wizard: 'goals', step: 'targets' },
  strategy: { wizard: 'strategies', step: 'strategies' },
  project: { wizard: 'strategies', step: 'projects' },
  projectBudget: { wizard: 'strategies', step: 'budgets' },
  alignmentLink: { wizard: 'review', step: 'alignment' },
};

/**
 * The hash of a step, with a row to land on; null when that wizard or step is not in the registry. A KPI's
 * missing target links to its year's cell (`${kpiId}:${year}`, the kpiTarget id), which the focus hook
 * finds, or else the KPI's row.
 */
export function stepHash(planId: string, wizard: WizardId, stepId: string, rowId?: string): string | null {
  const step = wizardById(wizard)?.steps.findIndex((s) => s.id === stepId) ?? -1;
  if (step < 0) return null;
  return routeHash({ name: 'wizard', id: planId, wizard, step, ...(rowId ? { rowId } : {}) });
}

export function fixHash(planId: string, item: CompletenessItem): string | null {
  if (item.rule === 'planLacks') {
    const { wizard, step } = PART_AT[item.values.part as PlanPart];
    return stepHash(planId, wizard, step);
  }
  const { wizard, step } = FIX_AT[item.rule];
  const rowId = item.rule === 'kpiMissingTarget' ? `${item.rowId}:${item.values.year}` : item.rowId;
  return stepHash(planId, wizard, step, rowId);
}
