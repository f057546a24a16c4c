/**
 * A plan the size issue 4 names: 30 strategic issues, 200 goals, 1,000 KPIs with a target for each of the five
 * plan years, 250 strategies and 500 projects with a budget for each year, every issue aligned. The UI bench
 * (bench/ui.ts) types into it; run on its own, this prints what the services and the pure rules take on it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { NewRowInput } from '../main/core/contract.ts';
import { budgetSummary, completeness, numbering } from '../main/core/planContent.ts';
import type { Row } from '../main/core/rows.ts';
import { createPlan } from '../main/services/plans.ts';
import { createRows, listRows, updateRow } from '../main/services/rows.ts';
import type { Store } from '../main/services/store/store.ts';
import { bmaDraft, openStore } from '../test/harness/store.ts';

export const CONTENT_SIZE = { issues: 30, goals: 200, kpis: 1_000, strategies: 250, projects: 500 } as const;
const YEARS = [2566, 2567, 2568, 2569, 2570];

/** Rows are created in batches under the contract's per-call limit, as a paste would. */
function createAll(store: Store, planId: string, rows: NewRowInput[]): Row[] {
  const created: Row[] = [];
  for (let i = 0; i < rows.length; i += 2_000) created.push(...createRows(store, planId, rows.slice(i, i + 2_000)));
  return created;
}

/** Children spread over parents round-robin, so every parent has some (200 goals over 30 issues, …). */
function under(parents: readonly Row[], count: number, make: (n: number) => NewRowInput['values'], entity: string) {
  return Array.from({ length: count }, (_, n) => ({
    entity: entity as NewRowInput['entity'],
    parentId: parents[n % parents.length]!.id,
    values: make(n),
  }));
}

export function seedPlanContent(store: Store, planId: string): void {
  // The frameworks the plan aligns to, so the alignment matrix has columns.
  createRows(store, planId, [
    {
      entity: 'planOptions',
      values: { frameworkCatalogs: [{ catalogId: 'bma-policy-9-good-2565', version: '2565' }] },
    },
  ]);
  const issues = createAll(
    store,
    planId,
    Array.from({ length: CONTENT_SIZE.issues }, (_, n) => ({
      entity: 'strategicIssue' as const,
      values: { name: `ประเด็นยุทธศาสตร์ที่ ${n + 1} การสื่อสารเชิงรุกเพื่อประชาชน` },
    })),
  );
  const goals = createAll(
    store,
    planId,
    under(issues, CONTENT_SIZE.goals, (n) => ({ name: `เป้าประสงค์ที่ ${n + 1} ประชาชนรับรู้ข้อมูลข่าวสาร` }), 'goal'),
  );
  const kpis = createAll(
    store,
    planId,
    under(
      goals,
      CONTENT_SIZE.kpis,
      (n) => ({ name: `ร้อยละของประชาชนที่รับรู้ ตัวชี้วัดที่ ${n + 1}`, unit: 'ร้อยละ', responsibleUnit: 'สำนักงานประชาสัมพันธ์' }),
      'kpi',
    ),
  );
  createAll(
    store,
    planId,
    kpis.flatMap((kpi) =>
      YEARS.map((year, i) => ({
        entity: 'kpiTarget' as const,
        parentId: kpi.id,
        values: { year, target: 70 + i * 5 },
      })),
    ),
  );
  const strategies = createAll(
    store,
    planId,
    under(goals, CONTENT_SIZE.strategies, (n) => ({ name: `กลยุทธ์ที่ ${n + 1} ขยายช่องทางสื่อออนไลน์` }), 'strategy'),
  );
  const projects = createAll(
    store,
    planId,
    under(
      strategies,
      CONTENT_SIZE.projects,
      (n) => ({ name: `โครงการที่ ${n + 1} ผลิตสื่อดิจิทัล`, responsibleUnit: `สำนักงานเขตที่ ${(n % 50) + 1}` }),
      'project',
    ),
  );
  createAll(
    store,
    planId,
    projects.flatMap((project) =>
      YEARS.map((year) => ({
        entity: 'projectBudget' as const,
        parentId: project.id,
        values: { year, amount: 250_000 },
      })),
    ),
  );
  createAll(
    store,
    planId,
    issues.map((issue) => ({
      entity: 'alignmentLink' as const,
      parentId: issue.id,
      values: { catalogId: 'bma-policy-9-good-2565', itemId: '9good-2' },
    })),
  );
}

function line(label: string, value: string): void {
  console.log(`${label.padEnd(52)} ${value}`);
}

/** Best of a few runs: the figure a user meets once caches are warm, without one GC pause deciding it. */
function best(run: () => unknown, times = 5): number {
  let fastest = Infinity;
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    run();
    fastest = Math.min(fastest, performance.now() - t0);
  }
  return fastest;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = mkdtempSync(join(tmpdir(), 'phaen-bench-content-'));
  try {
    const store = await openStore(dir);
    const plan = createPlan(store, bmaDraft);
    const t0 = performance.now();
    seedPlanContent(store, plan.id);
    const rows = listRows(store, plan.id);
    const size = `${CONTENT_SIZE.issues}/${CONTENT_SIZE.goals}/${CONTENT_SIZE.kpis}/${CONTENT_SIZE.projects}`;
    line(`content ${size}: set-up, ${rows.length} rows`, `${(performance.now() - t0).toFixed(0)} ms`);
    line('content: list every row of the plan', `${best(() => listRows(store, plan.id)).toFixed(1)} ms`);
    line('content: hierarchical numbering', `${best(() => numbering(rows)).toFixed(1)} ms`);
    line('content: completeness (every rule)', `${best(() => completeness(rows, plan)).toFixed(1)} ms`);
    line('content: budget summary', `${best(() => budgetSummary(rows, plan)).toFixed(1)} ms`);
    const [first] = rows.filter((r) => r.entity === 'kpiTarget');
    const latencies: number[] = [];
    for (let n = 0; n < 200; n++) {
      const s = performance.now();
      updateRow(store, first!.id, [{ field: 'target', value: n % 100 }]); // a percent target: within 0–100
      latencies.push(performance.now() - s);
    }
    latencies.sort((a, b) => a - b);
    line(
      'content: autosaved target edit, p50 / p99',
      `${latencies[100]!.toFixed(2)} / ${latencies[197]!.toFixed(2)} ms`,
    );
    store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
