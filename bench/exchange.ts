/**
 * Exchange benchmark: the secretariat imports 50 contributions of 500 operations each into a plan of 10,000
 * rows, on real files with the app's durability settings. A script, not a test; prints one figure per line.
 *
 * The contributions are built here rather than by 50 office databases (which would take minutes to set up):
 * each is what an office that holds the plan package sends after 500 edits of its own factors (text and
 * ratings), in the real package format, signed by its own key, checked (signature
 * included) and applied by the real import.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Manifest, PackageGroup } from '../main/core/exchange/format.ts';
import { formatHlc } from '../main/core/hlc.ts';
import { listConflicts } from '../main/services/exchange/conflicts.ts';
import { buildPackage, sealPackage } from '../main/services/exchange/export.ts';
import { importPackages, incomingText, type IncomingPackage } from '../main/services/exchange/import.ts';
import { getPlanExchange, savePlanExchange } from '../main/services/exchange/state.ts';
import { createPlan } from '../main/services/plans.ts';
import { createRows, type NewRow } from '../main/services/rows.ts';
import { newSigningKey } from '../main/services/signing.ts';
import { timeOrderedId } from '../main/services/store/ids.ts';
import { Store } from '../main/services/store/store.ts';
import { bmaDraft } from '../test/harness/store.ts';

const ROWS = 10_000;
const PACKAGES = 50;
const OPS = 500;
const dir = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), 'phaen-bench-exchange-'));
const open = (name: string) => Store.open(join(dir, name), { backupDir: join(dir, 'backups') });
const ms = (t0: number) => performance.now() - t0;
function line(label: string, value: string): void {
  console.log(`${label.padEnd(60)} ${value}`);
}

/** A small deterministic generator, so runs compare. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function contribution(
  office: number,
  planId: string,
  rowIds: readonly string[], // this office's factors
  standing: (rowId: string, field: string) => string,
): string {
  const actor = randomUUID();
  const code = String(1001 + office);
  const next = rng(office + 1);
  const groups: PackageGroup[] = [];
  // After the plan package (the standing edits they supersede), as an office working after receiving it.
  let wallMs = Date.now() + office * 1000;
  let counter = 0;
  const stamp = () => formatHlc({ wallMs, counter: counter++, node: actor });
  for (let g = 0; g < OPS / 5; g++) {
    wallMs += 7;
    counter = 0;
    // Ids as the office's op log makes them (store/ids.ts): ordered by the time of the edit.
    const group: PackageGroup = { id: timeOrderedId(wallMs), hlc: stamp(), actor, label: 'edit:factor', ops: [] };
    for (let i = 0; i < 5; i++) {
      // Only the office's own factors: a contribution may touch nothing else (core/exchange/assignments.ts).
      const rowId = rowIds[Math.floor(next() * rowIds.length)]!;
      const rating = next() < 0.3;
      const field = rating ? 'rating' : 'statement';
      group.ops.push({
        id: timeOrderedId(wallMs),
        type: 'set',
        hlc: stamp(),
        entity: 'factor',
        rowId,
        field,
        value: rating ? 1 + Math.floor(next() * 5) : `ปัจจัยจากสำนักงานเขต ${code} ฉบับที่ ${g}-${i}`,
        seen: [standing(rowId, field)],
      });
    }
    groups.push(group);
  }
  const hlcs = groups.flatMap((g) => g.ops.map((op) => op.hlc)).sort();
  const key = newSigningKey().key;
  const sender = { actor, code, name: `สำนักงานเขต ${code}`, role: 'contributor' as const, publicKey: key.publicKey };
  const manifest: Omit<Manifest, 'sha256'> = {
    packageId: randomUUID(),
    kind: 'contribution',
    planId,
    planTitle: bmaDraft.title,
    sender,
    seq: 1,
    exportedAt: new Date().toISOString(),
    hlcRange: { first: hlcs[0]!, last: hlcs.at(-1)! },
    opCount: OPS,
    covers: { from: null, to: hlcs.at(-1)! },
    confirmed: {},
  };
  return sealPackage(manifest, { offices: [sender], assignments: null, groups }, key).text;
}

try {
  let t0 = performance.now();
  const secretariat = await open('secretariat.sqlite');
  secretariat.setSettings({ office: { code: 'PR', name: 'สำนักงานประชาสัมพันธ์', role: 'secretariat' } });
  const plan = createPlan(secretariat, bmaDraft);
  // Each office's row, and ROWS / PACKAGES factors whose source it is.
  const officeRows = createRows(
    secretariat,
    plan.id,
    Array.from({ length: PACKAGES }, (_, i) => ({
      entity: 'office' as const,
      values: { code: String(1001 + i), name: `สำนักงานเขต ${1001 + i}` },
    })),
  );
  const rowIds: string[][] = officeRows.map(() => []);
  for (let batch = 0; batch < ROWS / 2000; batch++) {
    const rows: NewRow[] = Array.from({ length: 2000 }, (_, i) => ({
      entity: 'factor',
      values: {
        swot: 'SWOT'[i % 4]!,
        category: 'S1',
        statement: `ปัจจัยที่ ${batch * 2000 + i + 1}`,
        sourceOfficeId: officeRows[i % PACKAGES]!.id,
      },
    }));
    createRows(secretariat, plan.id, rows).forEach((r, i) => rowIds[i % PACKAGES]!.push(r.id));
  }
  savePlanExchange(secretariat.db, {
    ...getPlanExchange(secretariat.db, plan.id),
    assignments: Array.from({ length: PACKAGES }, (_, i) => ({
      officeCode: String(1001 + i),
      officeName: `สำนักงานเขต ${1001 + i}`,
      factors: true,
      kpiIds: [],
      projectIds: [],
    })),
  });
  const opsCount = secretariat.db.prepare('SELECT count(*) FROM ops').pluck().get() as number;
  line(`set-up: plan of ${ROWS} rows (${opsCount} ops)`, `${ms(t0).toFixed(0)} ms`);

  t0 = performance.now();
  const planPackage = buildPackage(secretariat, plan.id);
  line(`export plan package (${planPackage.file.manifest.opCount} ops)`, `${ms(t0).toFixed(0)} ms`);
  line('plan package size', `${(Buffer.byteLength(planPackage.text) / 1024 / 1024).toFixed(1)} MB`);

  const cellHlc = secretariat.db.prepare('SELECT max(hlc) FROM ops WHERE entity = ? AND row_id = ? AND field = ?');
  const standing = (rowId: string, field: string) => cellHlc.pluck().get('factor', rowId, field) as string;
  const packages: IncomingPackage[] = Array.from({ length: PACKAGES }, (_, i) =>
    incomingText(`${1001 + i}.phaen-package`, contribution(i, plan.id, rowIds[i]!, standing)),
  );
  const bytes = packages.reduce((sum, p) => sum + p.size, 0);
  line(`${PACKAGES} contributions × ${OPS} ops, total size`, `${(bytes / 1024 / 1024).toFixed(1)} MB`);
  secretariat.close();
  copyFileSync(join(dir, 'secretariat.sqlite'), join(dir, 'one-by-one.sqlite'));

  // A folder at once: every package checked, then all applied in one transaction.
  const atOnce = await open('secretariat.sqlite');
  t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const report = importPackages(atOnce, packages);
  const total = ms(t0);
  const cpu = process.cpuUsage(cpu0);
  const imported = report.packages.filter((p) => p.status === 'imported');
  if (imported.length !== PACKAGES)
    throw new Error(`only ${imported.length} imported: ${JSON.stringify(report.packages[0])}`);
  const conflicts = imported.reduce((n, p) => Math.max(n, p.conflicts), 0);
  line(`import ${PACKAGES} packages at once (one transaction): total`, `${total.toFixed(0)} ms`);
  // CPU time as well: on a machine shared with other work the wall time says more about the others.
  line('  of which CPU time (user + system)', `${((cpu.user + cpu.system) / 1000).toFixed(0)} ms`);
  line('  per package', `${(total / PACKAGES).toFixed(1)} ms`);
  line('  fields in conflict after the last package (at most)', String(conflicts));

  t0 = performance.now();
  const listed = listConflicts(atOnce, plan.id).length;
  line(`list the plan's conflicts (${listed} fields)`, `${ms(t0).toFixed(0)} ms`);

  t0 = performance.now();
  importPackages(atOnce, packages);
  line(`import the same ${PACKAGES} again (all already here)`, `${ms(t0).toFixed(0)} ms`);
  atOnce.close();

  // One file at a time, each its own transaction (synchronous=FULL: an fsync each).
  const oneByOne = await open('one-by-one.sqlite');
  const times: number[] = [];
  t0 = performance.now();
  for (const p of packages) {
    const s = performance.now();
    importPackages(oneByOne, [p]);
    times.push(ms(s));
  }
  const sequential = ms(t0);
  times.sort((a, b) => a - b);
  line(`import ${PACKAGES} packages one by one: total`, `${sequential.toFixed(0)} ms`);
  line('  per package: median / max', `${times[PACKAGES >> 1]!.toFixed(1)} / ${times.at(-1)!.toFixed(1)} ms`);
  oneByOne.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
