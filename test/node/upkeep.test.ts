import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createBackup, listBackups } from '../../main/services/backup.ts';
import { createPlan, updatePlan } from '../../main/services/plans.ts';
import { Session } from '../../main/services/session.ts';
import { bmaDraft } from '../harness/store.ts';
import { useTempDir } from '../harness/tmp.ts';

const tempDir = useTempDir();
const HOUR = 3600_000;
const start = (dir: string) => Session.start({ dataDir: dir, backupIntervalMs: 0, idleCheckpointMs: 0 });

/** What a user or a sync tool gets by copying phaen.sqlite alone, without its WAL: the plans it holds. */
function plansInCopyOfMainFile(dir: string): number {
  const copyDir = join(tempDir(), 'copy');
  mkdirSync(copyDir);
  copyFileSync(join(dir, 'phaen.sqlite'), join(copyDir, 'phaen.sqlite'));
  const copy = new Database(join(copyDir, 'phaen.sqlite'), { readonly: true });
  try {
    return copy.prepare('SELECT count(*) FROM plans').pluck().get() as number;
  } catch {
    return 0; // not even the schema made it into the main file
  } finally {
    copy.close();
  }
}

function thirtyPlans(session: Session): void {
  for (let i = 0; i < 30; i++) createPlan(session.store(), { ...bmaDraft, title: `แผนที่ ${i + 1}` });
}

describe('phaen.sqlite alone is a complete copy', () => {
  it('once edits pause (checkpointed when idle, not mid-typing)', async () => {
    const dir = tempDir();
    const session = await start(dir);
    const plansBefore = plansInCopyOfMainFile(dir);
    thirtyPlans(session);
    session.checkpointWhenIdle(); // edits were still arriving at this look: not yet
    expect(plansInCopyOfMainFile(dir)).toBe(plansBefore);
    expect(statSync(join(dir, 'phaen.sqlite-wal')).size).toBeGreaterThan(0);

    session.checkpointWhenIdle(); // nothing changed since the last look: idle
    expect(plansInCopyOfMainFile(dir)).toBe(30);
    expect(statSync(join(dir, 'phaen.sqlite-wal')).size).toBe(0);
    session.close();
  });

  it('not inside an autosave during a long burst of edits: the fold waits for the pause', async () => {
    const dir = tempDir();
    const session = await start(dir);
    const plansBefore = plansInCopyOfMainFile(dir);
    thirtyPlans(session);
    const plans = session.store().db.prepare('SELECT id FROM plans').pluck().all() as string[];
    // About 2,000 WAL pages: twice SQLite's default limit, at which one of these autosaves would fold the WAL in.
    for (let n = 0; n < 150; n++) updatePlan(session.store(), plans[n % 30]!, [{ field: 'title', value: `แก้ ${n}` }]);
    expect(statSync(join(dir, 'phaen.sqlite-wal')).size).toBeGreaterThan(1_000 * 4096);
    expect(plansInCopyOfMainFile(dir)).toBe(plansBefore);

    session.checkpointWhenIdle();
    session.checkpointWhenIdle();
    expect(plansInCopyOfMainFile(dir)).toBe(30);
    session.close();
  });

  it('before each backup', async () => {
    const dir = tempDir();
    const session = await start(dir);
    thirtyPlans(session);
    await createBackup(session.store().db, session.backupDir, 'manual', 10);
    expect(plansInCopyOfMainFile(dir)).toBe(30);
    session.close();
  });

  it('on close', async () => {
    const dir = tempDir();
    const session = await start(dir);
    thirtyPlans(session);
    session.close();
    expect(plansInCopyOfMainFile(dir)).toBe(30);
  });
});

describe('rolling backups', () => {
  const scheduled = (dir: string) => listBackups(join(dir, 'backups')).filter((b) => b.reason === 'scheduled');

  it('are taken only when something changed since the last one, across restarts too', async () => {
    const dir = tempDir();
    const t0 = Date.now();
    const session = await start(dir);
    const plan = createPlan(session.store(), bmaDraft);
    await session.scheduledBackup(new Date(t0 + 2 * HOUR));
    expect(scheduled(dir)).toHaveLength(2); // the first start's, then the one after the edit

    await session.scheduledBackup(new Date(t0 + 4 * HOUR)); // hours later, nothing changed
    expect(scheduled(dir)).toHaveLength(2);
    updatePlan(session.store(), plan.id, [{ field: 'title', value: 'แก้ไขแล้ว' }]);
    await session.scheduledBackup(new Date(t0 + 6 * HOUR));
    expect(scheduled(dir)).toHaveLength(3);
    session.close();

    const again = await start(dir); // a restart without edits matches the newest backup
    await again.scheduledBackup(new Date(t0 + 9 * HOUR));
    expect(scheduled(dir)).toHaveLength(3);
    createPlan(again.store(), { ...bmaDraft, title: 'แผนใหม่' });
    await again.scheduledBackup(new Date(t0 + 11 * HOUR));
    expect(scheduled(dir)).toHaveLength(4);
    again.close();
  });

  it('go on after a backup dated in the future (the clock was wrong, then corrected)', async () => {
    const dir = tempDir();
    const t0 = Date.now();
    const session = await start(dir);
    const future = await createBackup(
      session.store().db,
      session.backupDir,
      'scheduled',
      10,
      new Date(t0 + 30 * 24 * HOUR),
    );
    for (let i = 1; i <= 3; i++) {
      createPlan(session.store(), { ...bmaDraft, title: `แผนที่ ${i}` });
      await session.scheduledBackup(new Date(t0 + i * 2 * HOUR));
    }
    const names = scheduled(dir).map((b) => b.name);
    expect(names).toHaveLength(5); // the start's, the future one, and one per edit
    expect(names).toContain(future.name);
    session.close();
  });
});
