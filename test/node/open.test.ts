import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/core/contract.ts';
import type { DbFailure } from '../../main/core/contract.ts';
import { createBackup, listBackups } from '../../main/services/backup.ts';
import { createHandlers } from '../../main/services/handlers.ts';
import { createPlan, getPlan, listPlans } from '../../main/services/plans.ts';
import { Session } from '../../main/services/session.ts';
import { LATEST_VERSION } from '../../main/services/store/migrations.ts';
import { DbOpenError } from '../../main/services/store/open.ts';
import { useHolders } from '../harness/holder.ts';
import { bmaDraft, openStore, sha256 } from '../harness/store.ts';
import { useTempDir } from '../harness/tmp.ts';

const tempDir = useTempDir();
const PAGE = 4096;

/** A real workspace file with enough plans to span several pages. */
async function realDb(dir: string): Promise<string> {
  const store = await openStore(dir);
  for (let i = 0; i < 100; i++) createPlan(store, { ...bmaDraft, title: `แผนที่ ${i} ${'ก'.repeat(200)}` });
  store.close(); // closing checkpoints the WAL into the main file
  return join(dir, 'phaen.sqlite');
}

function overwrite(path: string, offset: number, bytes: Buffer): void {
  const fd = openSync(path, 'r+');
  writeSync(fd, bytes, 0, bytes.length, offset);
  closeSync(fd);
}

const holdInAnotherProcess = useHolders();

type Breaker = (dir: string) => Promise<{ path: string; reason: DbFailure }>;

const broken: Record<string, Breaker> = {
  'a file that is not SQLite': async (dir) => {
    const path = join(dir, 'phaen.sqlite');
    writeFileSync(path, randomBytes(3 * PAGE));
    return { path, reason: 'corrupt' };
  },
  'an SQLite file with a damaged page': async (dir) => {
    const path = await realDb(dir);
    expect(statSync(path).size).toBeGreaterThan(4 * PAGE);
    overwrite(path, 2 * PAGE, Buffer.alloc(PAGE, 0xa5)); // page 3: a b-tree root of the schema, now garbage
    return { path, reason: 'corrupt' };
  },
  'a truncated SQLite file': async (dir) => {
    const path = await realDb(dir);
    const fd = openSync(path, 'r+');
    // Keep the header (it still says how many pages there were) but cut the file in the middle of a page.
    const { ftruncateSync } = await import('node:fs');
    ftruncateSync(fd, Math.floor(statSync(path).size / 2) + 100);
    closeSync(fd);
    return { path, reason: 'corrupt' };
  },
  'a file from a newer Phaen (schema version above ours)': async (dir) => {
    const path = await realDb(dir);
    const db = new Database(path);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    return { path, reason: 'newer-schema' };
  },
  'a file held by another running instance': async (dir) => {
    const path = await realDb(dir);
    await holdInAnotherProcess(path);
    return { path, reason: 'locked' };
  },
};

describe('opening a database that cannot be used', () => {
  for (const [name, breaker] of Object.entries(broken)) {
    it(`reports ${name} without changing a byte of it`, async () => {
      const dir = tempDir();
      const { path, reason } = await breaker(dir);
      const before = sha256(path);
      const files = readdirSync(dir).sort();
      const failure = openStore(dir);
      await expect(failure).rejects.toBeInstanceOf(DbOpenError);
      await expect(failure).rejects.toMatchObject({ reason });
      expect(sha256(path)).toBe(before);
      expect(readdirSync(dir).sort()).toEqual(files); // no -wal, -shm or journal left beside it either

      const session = await Session.start({ dataDir: dir, backupIntervalMs: 0 });
      expect(session.status(false, 'test').database).toMatchObject({ state: 'failed', path, reason });
      expect(() => session.store()).toThrow(/db-unavailable/);
      session.close();
      expect(sha256(path)).toBe(before);
      expect(readdirSync(dir).sort()).toEqual(files);
    });
  }
});

describe('recovering from a database that cannot be used', () => {
  async function workspaceWithBackupThenCorrupt(dir: string) {
    const session = await Session.start({ dataDir: dir, backupIntervalMs: 0 });
    const plan = createPlan(session.store(), bmaDraft);
    const backup = await createBackup(session.store().db, session.backupDir, 'manual', 10);
    session.close();
    const path = join(dir, 'phaen.sqlite');
    overwrite(path, 0, randomBytes(100)); // the header is gone
    return { plan, backup, path, bad: sha256(path) };
  }

  it('restores a backup over the failed file and lists the bad file among the backups', async () => {
    const dir = tempDir();
    const { plan, backup, path, bad } = await workspaceWithBackupThenCorrupt(dir);
    const session = await Session.start({ dataDir: dir, backupIntervalMs: 0 });
    expect(session.status(false, 'test').database).toMatchObject({ state: 'failed', reason: 'corrupt' });

    await session.restore(backup.name);
    expect(session.status(false, 'test').database).toMatchObject({ state: 'open', path });
    expect(getPlan(session.store(), plan.id).title).toBe(bmaDraft.title);
    session.close();

    const aside = listBackups(join(dir, 'backups')).filter((b) => b.reason === 'set-aside');
    expect(aside).toHaveLength(1);
    expect(sha256(join(dir, 'backups', aside[0]!.name))).toBe(bad);
  });

  it("starts a fresh database on 'database.useAnother' and keeps using it after a restart", async () => {
    const dir = tempDir();
    const { path, bad } = await workspaceWithBackupThenCorrupt(dir);
    const session = await Session.start({ dataDir: dir, backupIntervalMs: 0 });
    const handlers = createHandlers({
      session,
      dialogs: null,
      resourcesDir: join(import.meta.dirname, '..', '..', 'resources'),
      version: 'test',
    });

    const result = await dispatch(handlers, 'database.useAnother', { fresh: true });
    expect(result.ok).toBe(true);
    const status = result.ok ? (result.data as { database: { state: string; path: string } }) : null;
    expect(status?.database.state).toBe('open');
    const freshPath = status!.database.path;
    expect(freshPath).not.toBe(path);
    expect(listPlans(session.store())).toEqual([]);
    const plan = createPlan(session.store(), bmaDraft);
    session.close();

    const again = await Session.start({ dataDir: dir, backupIntervalMs: 0 });
    expect(again.status(false, 'test').database).toMatchObject({ state: 'open', path: freshPath });
    expect(getPlan(again.store(), plan.id).id).toBe(plan.id);
    again.close();
    expect(sha256(path)).toBe(bad); // the failed file is still there, untouched
  });

  it('does not remember another file that failed to open', async () => {
    const dir = tempDir();
    const first = await Session.start({ dataDir: dir, backupIntervalMs: 0 });
    const plan = createPlan(first.store(), bmaDraft);
    const bad = join(dir, 'other.sqlite');
    writeFileSync(bad, randomBytes(PAGE));
    await first.useDatabase(bad);
    expect(first.status(false, 'test').database).toMatchObject({ state: 'failed', path: bad, reason: 'corrupt' });
    first.close();

    const again = await Session.start({ dataDir: dir, backupIntervalMs: 0 });
    expect(getPlan(again.store(), plan.id).id).toBe(plan.id);
    again.close();
  });
});

describe('a database that is gone or empty', () => {
  /** A workspace in daily use: a plan, a backup, this installation's office id. */
  async function workspace(dir: string) {
    const session = await Session.start({ dataDir: dir, backupIntervalMs: 0 });
    const plan = createPlan(session.store(), bmaDraft);
    const backup = await createBackup(session.store().db, session.backupDir, 'manual', 10);
    const officeId = session.store().officeId;
    session.close();
    return { plan, backup, officeId, path: join(dir, 'phaen.sqlite') };
  }

  for (const [name, reason, damage] of [
    ['an empty (zero-length) file', 'empty', (path: string) => writeFileSync(path, '')],
    ['a missing file', 'missing', (path: string) => rmSync(path)],
  ] as const) {
    it(`with backups present, opens recovery for ${name} instead of a fresh start, and the restore brings everything back`, async () => {
      const dir = tempDir();
      const { plan, backup, officeId, path } = await workspace(dir);
      damage(path);
      const backups = listBackups(join(dir, 'backups'));
      const files = readdirSync(dir).sort();

      const session = await Session.start({ dataDir: dir, backupIntervalMs: 0 });
      expect(session.status(false, 'test')).toMatchObject({ database: { state: 'failed', path, reason }, backups });
      expect(readdirSync(dir).sort()).toEqual(files); // no fresh database created in its place
      await session.scheduledBackup();
      expect(listBackups(join(dir, 'backups'))).toEqual(backups); // and no empty backups

      await session.restore(backup.name);
      expect(session.store().officeId).toBe(officeId);
      expect(getPlan(session.store(), plan.id).id).toBe(plan.id);
      session.close();
    });
  }

  it('reports a chosen database that is gone, even with no backups, and creates nothing there', async () => {
    const dir = tempDir();
    const elsewhere = join(tempDir(), 'work', 'plans.sqlite');
    const first = await Session.start({ dataDir: dir, backupIntervalMs: 0 });
    await first.useDatabase(elsewhere);
    first.close();
    rmSync(join(elsewhere, '..'), { recursive: true }); // the USB stick or share it lived on is gone
    rmSync(join(dir, 'backups'), { recursive: true, force: true });

    const session = await Session.start({ dataDir: dir, backupIntervalMs: 0 });
    expect(session.status(false, 'test').database).toMatchObject({
      state: 'failed',
      path: elsewhere,
      reason: 'missing',
    });
    session.close();
    expect(existsSync(elsewhere)).toBe(false);
  });

  it('starts fresh on a genuinely first start: no database, no backups', async () => {
    const dir = tempDir();
    const session = await Session.start({ dataDir: dir, backupIntervalMs: 0 });
    expect(session.status(false, 'test').database).toMatchObject({ state: 'open', path: join(dir, 'phaen.sqlite') });
    expect(listPlans(session.store())).toEqual([]);
    session.close();
  });
});
