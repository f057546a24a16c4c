import { cpSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/core/contract.ts';
import { createBackup } from '../../main/services/backup.ts';
import { createHandlers } from '../../main/services/handlers.ts';
import { createPlan, getPlan, listPlans, updatePlan } from '../../main/services/plans.ts';
import { Session } from '../../main/services/session.ts';
import { bmaDraft } from '../harness/store.ts';
import { useTempDir } from '../harness/tmp.ts';

const tempDir = useTempDir();
const resourcesDir = join(import.meta.dirname, '..', '..', 'resources');
const start = (dir: string) => Session.start({ dataDir: dir, backupIntervalMs: 0, idleCheckpointMs: 0 });
const handlersOf = (session: Session) => createHandlers({ session, dialogs: null, resourcesDir, version: 'test' });

/** An office's data folder in use: a plan edited a few times. */
async function officeFolder() {
  const dir = tempDir();
  const session = await start(dir);
  const plan = createPlan(session.store(), bmaDraft);
  updatePlan(session.store(), plan.id, [{ field: 'title', value: 'แผนของสำนักงานเขต' }]);
  const officeId = session.store().officeId;
  const publicKey = session.store().signingKey.publicKey;
  expect(session.status(false, 'test').database).not.toHaveProperty('movedFrom');
  session.close();
  return { dir, plan, officeId, publicKey };
}

const actors = (session: Session) =>
  session.store().db.prepare('SELECT DISTINCT actor FROM ops ORDER BY actor').pluck().all() as string[];

describe('a copied data folder', () => {
  it('is detected, and a copy given a new identity keeps everything with its earlier edits under the old id', async () => {
    const original = await officeFolder();
    const copyDir = join(tempDir(), 'second-pc');
    cpSync(original.dir, copyDir, { recursive: true });

    const copy = await start(copyDir);
    expect(copy.status(false, 'test').database).toMatchObject({
      state: 'open',
      officeId: original.officeId,
      movedFrom: { path: join(original.dir, 'phaen.sqlite') },
    });
    const result = await dispatch(handlersOf(copy), 'database.confirmMove', { newIdentity: true });
    expect(result.ok).toBe(true);
    const status = copy.status(false, 'test').database;
    expect(status).not.toHaveProperty('movedFrom');
    const newId = copy.store().officeId;
    expect(newId).not.toBe(original.officeId);
    // And its own signing key: the secretariat tells the two computers apart and confirms the new one by phone.
    expect(copy.store().signingKey.publicKey).not.toBe(original.publicKey);
    // Nothing lost; what was written before the copy stays the original installation's; new edits are the copy's.
    expect(getPlan(copy.store(), original.plan.id).title).toBe('แผนของสำนักงานเขต');
    expect(actors(copy)).toEqual([original.officeId]);
    updatePlan(copy.store(), original.plan.id, [{ field: 'title', value: 'แก้ไขบนเครื่องที่สอง' }]);
    expect(actors(copy).sort()).toEqual([original.officeId, newId].sort());
    copy.close();

    // Asked once: the copy's next start, and the original's, are not questioned and keep their ids.
    const again = await start(copyDir);
    expect(again.status(false, 'test').database).toMatchObject({ officeId: newId });
    expect(again.status(false, 'test').database).not.toHaveProperty('movedFrom');
    again.close();
    const first = await start(original.dir);
    expect(first.status(false, 'test').database).toMatchObject({ officeId: original.officeId });
    expect(first.store().signingKey.publicKey).toBe(original.publicKey);
    expect(first.status(false, 'test').database).not.toHaveProperty('movedFrom');
    first.close();
  });

  it('moved rather than copied keeps its id when the user says so', async () => {
    const original = await officeFolder();
    const moved = join(tempDir(), 'new-place');
    renameSync(original.dir, moved);
    const session = await start(moved);
    expect(session.status(false, 'test').database).toHaveProperty('movedFrom');
    await dispatch(handlersOf(session), 'database.confirmMove', { newIdentity: false });
    expect(session.status(false, 'test').database).toMatchObject({ officeId: original.officeId });
    expect(session.status(false, 'test').database).not.toHaveProperty('movedFrom');
    expect(listPlans(session.store()).map((p) => p.id)).toEqual([original.plan.id]);
    session.close();
    renameSync(moved, original.dir); // for the temp folder's clean-up
  });

  it('is not what a restore makes: the restored file is this installation’s own', async () => {
    const original = await officeFolder();
    const session = await start(original.dir);
    const backup = await createBackup(session.store().db, session.backupDir, 'manual', 10);
    await session.restore(backup.name);
    expect(session.status(false, 'test').database).toMatchObject({ officeId: original.officeId });
    expect(session.status(false, 'test').database).not.toHaveProperty('movedFrom');
    session.close();
  });
});
