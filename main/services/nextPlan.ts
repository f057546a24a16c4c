import { randomUUID } from 'node:crypto';
import { evaluationRows, nextPlanDraft } from '../core/nextPlan.ts';
import type { Plan } from '../core/plan.ts';
import { getPlan, planCreationEdits } from './plans.ts';
import { listRows, placedRowEdits } from './rows.ts';
import type { Store } from './store/store.ts';

/**
 * Start the next plan from plan `id` (core/nextPlan.ts): the new plan and its pre-filled evaluation are one
 * action, so it is all there or not at all, and one undo takes it back.
 */
export function startNextPlan(store: Store, id: string): Plan {
  const plan = getPlan(store, id);
  const nextId = randomUUID();
  const rows = evaluationRows(listRows(store, id), randomUUID);
  store.oplog.apply('create', nextId, [
    ...planCreationEdits(nextId, nextPlanDraft(plan), false),
    ...placedRowEdits(nextId, rows),
  ]);
  return getPlan(store, nextId);
}
