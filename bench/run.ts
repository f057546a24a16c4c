/**
 * Store benchmark (`npm run bench`): a script, not a test; prints one figure per line. Runs on real files in
 * a temporary folder (BENCH_DIR to choose another disk), with the app's durability settings (WAL,
 * synchronous=FULL), so the figures include the fsync of every commit.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { PLAN_FIELDS } from '../main/core/plan.ts';
import { updatePlan } from '../main/services/plans.ts';
import type { Edit } from '../main/services/store/oplog.ts';
import { Store } from '../main/services/store/store.ts';
import { bmaDraft as draft } from '../test/harness/store.ts';

const ROWS = 10_000;
const EDITS = 2_000;
const dir = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), 'phaen-bench-'));

const open = (name: string) => Store.open(join(dir, name), { backupDir: join(dir, 'backups') });
const ms = (t0: number) => performance.now() - t0;
const cpuMs = (since: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
};
const fmt = (n: number, digits = 2) => n.toFixed(digits);
function line(label: string, value: string): void {
  console.log(`${label.padEnd(52)} ${value}`);
}
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

try {
  let t0 = performance.now();
  const fresh = await open('fresh.sqlite');
  line('open + migrate, fresh file', `${fmt(ms(t0))} ms`);
  fresh.close();

  // 10,000 plans written through the op log (8 ops each), 100 creates per transaction to keep set-up short.
  const big = await open('big.sqlite');
  const ids: string[] = [];
  t0 = performance.now();
  for (let batch = 0; batch < ROWS / 100; batch++) {
    const edits: Edit[] = [];
    for (let i = 0; i < 100; i++) {
      const id = randomUUID();
      ids.push(id);
      const plan = { ...draft, title: `${draft.title} ฉบับที่ ${batch * 100 + i}` };
      for (const field of PLAN_FIELDS) edits.push({ entity: 'plan', rowId: id, field, value: plan[field] });
      edits.push(
        { entity: 'plan', rowId: id, field: 'isSample', value: false },
        { entity: 'plan', rowId: id, field: 'deleted', value: false },
      );
    }
    big.oplog.apply('bench', null, edits);
  }
  const opsCount = big.db.prepare('SELECT count(*) FROM ops').pluck().get() as number;
  line(`set-up: ${ROWS} plans (${opsCount} ops) via op log`, `${fmt(ms(t0), 0)} ms`);
  big.close();

  t0 = performance.now();
  const reopened = await open('big.sqlite');
  line(`open + migrate, existing ${ROWS}-plan file`, `${fmt(ms(t0))} ms`);

  // Autosave: one updatePlan per edit, each its own synchronous=FULL transaction, on random plans. Each edit is
  // paired with the floor on this disk: bare SQLite, same pragmas (WAL, synchronous=FULL), one row per
  // transaction, run right after it, so that both see the same load from whatever else the machine is doing.
  const bare = new Database(join(dir, 'bare.sqlite'));
  bare.pragma('journal_mode = WAL');
  bare.pragma('synchronous = FULL');
  bare.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, value TEXT NOT NULL)');
  const insert = bare.prepare('INSERT INTO t (value) VALUES (?)');
  const latencies: number[] = [];
  const bareLatencies: number[] = [];
  let total = 0;
  // CPU time as well: on a machine shared with other work, waiting for the disk says more about the others.
  let editCpu = 0;
  let bareCpu = 0;
  for (let n = 0; n < EDITS; n++) {
    const id = ids[(n * 7919) % ids.length]!;
    let cpu = process.cpuUsage();
    let s = performance.now();
    updatePlan(reopened, id, [{ field: 'title', value: `แก้ไขครั้งที่ ${n}` }]);
    latencies.push(performance.now() - s);
    editCpu += cpuMs(cpu);
    total += latencies.at(-1)!;
    cpu = process.cpuUsage();
    s = performance.now();
    insert.run(`แก้ไขครั้งที่ ${n}`);
    bareLatencies.push(performance.now() - s);
    bareCpu += cpuMs(cpu);
  }
  bare.close();
  latencies.sort((a, b) => a - b);
  bareLatencies.sort((a, b) => a - b);
  line(`autosaved edit (updatePlan) on ${ROWS} plans: p50`, `${fmt(percentile(latencies, 50), 3)} ms`);
  line(`autosaved edit (updatePlan) on ${ROWS} plans: p99`, `${fmt(percentile(latencies, 99), 3)} ms`);
  // The slowest edit: the one that folded the WAL into the main file, when a burst this long reached the limit.
  line(`autosaved edit (updatePlan) on ${ROWS} plans: slowest`, `${fmt(latencies.at(-1)!, 3)} ms`);
  line('op apply throughput, one edit per transaction', `${fmt((EDITS / total) * 1000, 0)} ops/s`);
  const editP99 = percentile(latencies, 99);
  const bareP99 = percentile(bareLatencies, 99);
  line('bare SQLite one-row transaction (WAL, FULL): p50', `${fmt(percentile(bareLatencies, 50), 3)} ms`);
  line('bare SQLite one-row transaction (WAL, FULL): p99', `${fmt(bareP99, 3)} ms`);
  line('autosaved edit p99 / bare transaction p99', `${fmt(editP99 / bareP99, 1)}x`);
  line(
    'CPU time per autosaved edit / per bare transaction',
    `${fmt(editCpu / EDITS, 3)} / ${fmt(bareCpu / EDITS, 3)} ms`,
  );
  // What the ratio depends on that load does not change: the pages each autosave appends to the WAL (and fsyncs),
  // counted over 200 more edits after emptying the WAL (SQLite reports the frames a checkpoint found).
  reopened.db.pragma('wal_checkpoint(TRUNCATE)');
  for (let n = 0; n < 200; n++) {
    updatePlan(reopened, ids[(n * 7919 + 1) % ids.length]!, [{ field: 'title', value: `นับหน้า ${n}` }]);
  }
  const [{ log: frames }] = reopened.db.pragma('wal_checkpoint(PASSIVE)') as [{ log: number }];
  line('WAL pages written per autosaved edit', fmt(frames / 200, 1));

  // The op log alone (no re-read and re-validation of the plan): the ceiling for imported operations.
  const t2 = performance.now();
  for (let n = 0; n < EDITS; n++) {
    reopened.oplog.apply('bench', null, [
      { entity: 'plan', rowId: ids[n % ids.length]!, field: 'organisation', value: `หน่วยงาน ${n}` },
    ]);
  }
  line('oplog.apply throughput, one edit per transaction', `${fmt((EDITS / ms(t2)) * 1000, 0)} ops/s`);
  reopened.close();

  const mem = process.memoryUsage();
  line('memory: rss', `${fmt(mem.rss / 2 ** 20, 1)} MiB`);
  line('memory: heap used', `${fmt(mem.heapUsed / 2 ** 20, 1)} MiB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
