import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../main/core/plan.ts';
import { PlanFile } from '../../main/core/planFile.ts';
import { ROW_DEFAULTS } from '../../main/core/rows.ts';
import { PlanDataProvider, usePlanData, type PlanData } from '../../renderer/src/plan/PlanData.tsx';
import { planProgress } from '../../renderer/src/wizard/progress.ts';
import { WIZARDS } from '../../renderer/src/wizards/index.ts';
import { renderWith } from './fakeApi.tsx';
import { planFake, row } from './planFake.tsx';

/** The plan the app ships as its example, read as "open the sample plan" reads it. */
function bundledSample() {
  const file = join(import.meta.dirname, '..', '..', 'resources', 'sample', 'bma-pr-2566-2570.plan.json');
  const parsed = PlanFile.parse(JSON.parse(readFileSync(file, 'utf8')));
  const plan: Plan = {
    ...parsed.plan,
    createdBy: 'sample',
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  };
  const rows = parsed.rows.map((r) => ({
    ...row(r.entity, { ...ROW_DEFAULTS[r.entity], ...r.data }, r.parentId, r.id),
    planId: plan.id,
    position: r.position,
  }));
  return { plan, rows };
}

/** The sample as the wizards see it: loaded through PlanDataProvider on the fake main. */
async function loadedSample(): Promise<PlanData> {
  const { plan, rows } = bundledSample();
  let data: PlanData | undefined;
  function Grab() {
    data = usePlanData();
    return null;
  }
  renderWith(
    <PlanDataProvider planId={plan.id}>
      <Grab />
    </PlanDataProvider>,
    planFake(rows, [], plan).api,
  );
  await waitFor(() => expect(data).toBeDefined());
  return data!;
}

const DRAFTING = WIZARDS.filter((w) => !w.afterAdoption);

describe('the bundled sample plan', () => {
  it('passes every check of every step of every drafting wizard', async () => {
    const data = await loadedSample();
    // The sample is a plan being drafted: monitoring (after adoption) has not begun.
    const failing = DRAFTING.flatMap((wizard) =>
      wizard.steps.flatMap((step) =>
        (step.issues?.(data) ?? []).map(
          (issue) => `${wizard.id}/${step.id}: ${issue.message} ${JSON.stringify(issue.values ?? {})}`,
        ),
      ),
    );
    expect(failing).toEqual([]);
    // Not a test that cannot fail: the checks do read the sample (its issue 1 had KPI weights summing to 2.00).
    expect(WIZARDS.some((w) => w.steps.some((s) => s.issues))).toBe(true);
    expect(data.list('prevKpi').length).toBeGreaterThan(5);
  });

  it('is done: every step of every drafting wizard, and the plan', async () => {
    const data = await loadedSample();
    const progress = planProgress(data);
    const notDone = progress.wizards
      .filter((w) => !w.def.afterAdoption)
      .flatMap((w) =>
        w.steps.flatMap((s, i) => (s.state === 'done' ? [] : [`${w.def.id}/${w.def.steps[i]!.id}: ${s.state}`])),
      );
    expect(notDone).toEqual([]);
    expect(progress.state).toBe('done');
    expect(progress.wizards.find((w) => w.def.id === 'monitoring')?.state).toBe('notStarted');
  });
});
