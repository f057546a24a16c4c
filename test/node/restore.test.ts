import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/core/contract.ts';
import { AppError } from '../../main/core/errors.ts';
import { createBackup, listBackups } from '../../main/services/backup.ts';
import { createHandlers } from '../../main/services/handlers.ts';
import { createPlan, getPlan, listPlans } from '../../main/services/plans.ts';
import { Session } from '../../main/services/session.ts';
import { useHolders } from '../harness/holder.ts';
import { useReadOnly } from '../harness/readOnly.ts';
import { bmaDraft, sha256 } from '../harness/store.ts';
import { useTempDir } from '../harness/tmp.ts';

const tempDir = useTempDir();
const readOnly = useReadOnly();
const holdInAnotherProcess = useHolders();
const resourcesDir = join(import.meta.dirname, '..', '..', 'resources');

/** A workspace with one plan and a manual backup of it, closed. */
async function workspaceWithBackup(dir: string) {
  const session = await Session.start({ dataDir: dir, backupIntervalMs: 0 });
  const plan = createPlan(session.store(), bmaDraft);
  const backup = await createBackup(session.store().db, session.backupDir, 'manual', 10);
  session.close();
  return { plan, backup, path: join(dir, 'phaen.sqlite') };
}

async function refusal(call: Promise<unknown>): Promise<AppError> {
  const err = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('restore', () => {
  it('is refused while another instance holds the database, which keeps saving into it', async () => {
    const dir = tempDir();
    const { plan, backup, path } = await workspaceWithBackup(dir);
    const other = await holdInAnotherProcess(path);
    const before = await other.save('บันทึกในหน้าต่างอื่นก่อนกู้คืน');
    const files = readdirSync(dir).sort();
    const backups = listBackups(join(dir, 'backups'));

    const session = await Session.start({ dataDir: dir, backupIntervalMs: 0 });
    expect(session.status(false, 'test').database).toMatchObject({ state: 'failed', reason: 'locked' });
    expect((await refusal(session.restore(backup.name))).code).toBe('db-in-use');
    // Through the channel the failure screen uses: a named refusal, not "internal error".
    const handlers = createHandlers({ session, dialogs: null, resourcesDir, version: 'test' });
    const result = await dispatch(handlers, 'backups.restore', { name: backup.name });
    expect(result).toMatchObject({ ok: false, error: { code: 'db-in-use' } });
    expect(readdirSync(dir).sort()).toEqual(files); // nothing renamed or copied in under the other window
    expect(listBackups(session.backupDir)).toEqual(backups); // and no set-aside file

    // The other window's edits, before and after the refused restore, are all in the file the next start opens.
    const after = await other.save('บันทึกในหน้าต่างอื่นหลังกู้คืนไม่สำเร็จ');
    await other.stop();
    session.close();
    const next = await Session.start({ dataDir: dir, backupIntervalMs: 0 });
    expect(new Set(listPlans(next.store()).map((p) => p.id))).toEqual(new Set([plan.id, before, after]));
    next.close();
  });

  it('will not start a fresh database while another instance holds the current one, and opens it again once released', async () => {
    const dir = tempDir();
    const { plan, path } = await workspaceWithBackup(dir);
    const other = await holdInAnotherProcess(path);
    const saved = await other.save('บันทึกในหน้าต่างอื่นระหว่างที่หน้าต่างนี้เปิดไม่ได้');
    const files = readdirSync(dir).sort();

    const session = await Session.start({ dataDir: dir, backupIntervalMs: 0 });
    const handlers = createHandlers({ session, dialogs: null, resourcesDir, version: 'test' });
    const result = await dispatch(handlers, 'database.useAnother', { fresh: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'db-in-use' } });
    expect(readdirSync(dir).sort()).toEqual(files); // no new file, no config.json pointing away from the held one

    const stillHeld = await dispatch(handlers, 'database.retry', {});
    expect(stillHeld).toMatchObject({ ok: true, data: { database: { state: 'failed', reason: 'locked' } } });
    await other.stop();
    const reopened = await dispatch(handlers, 'database.retry', {});
    expect(reopened).toMatchObject({ ok: true, data: { database: { state: 'open', path } } });
    expect(new Set(listPlans(session.store()).map((p) => p.id))).toEqual(new Set([plan.id, saved]));
    session.close();
  });

  it('into a read-only folder says so and leaves the database open and unchanged', async () => {
    const dir = tempDir();
    const { plan, backup, path } = await workspaceWithBackup(dir);
    const session = await Session.start({ dataDir: dir, backupIntervalMs: 0 });
    const later = createPlan(session.store(), { ...bmaDraft, title: 'แผนหลังสำรอง' });
    session.store().db.pragma('wal_checkpoint(TRUNCATE)');
    const files = readdirSync(dir).sort();
    readOnly(dir);

    const result = await dispatch(
      createHandlers({ session, dialogs: null, resourcesDir, version: 'test' }),
      'backups.restore',
      {
        name: backup.name,
      },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'read-only' } });
    expect(readdirSync(dir).sort()).toEqual(files);
    expect(session.status(false, 'test').database).toMatchObject({ state: 'open', path });
    expect(getPlan(session.store(), later.id).id).toBe(later.id);
    expect(getPlan(session.store(), plan.id).id).toBe(plan.id);
    session.close();
  });

  it('opens a read-only database file as read-only, not as unreadable, without changing it', async () => {
    const dir = tempDir();
    const { path } = await workspaceWithBackup(dir);
    const before = sha256(path);
    readOnly(path);
    const session = await Session.start({ dataDir: dir, backupIntervalMs: 0 });
    expect(session.status(false, 'test').database).toMatchObject({ state: 'failed', reason: 'read-only' });
    session.close();
    expect(sha256(path)).toBe(before);
  });
});
