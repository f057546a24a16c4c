import { cpSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/core/contract.ts';
import { createBackup } from '../../main/services/backup.ts';
import { createHandlers } from '../../main/services/handlers.ts';
import { createPlan, getPlan, listPlans, updatePlan } from '../../main/services/plans.ts';
import { createRows } from '../../main/services/rows.ts';
import { Session } from '../../main/services/session.ts';
import type { Store } from '../../main/services/store/store.ts';
import { assignedOffice, exportText, office, openReplica } from '../harness/exchange.ts';
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

  it('counts the edits of the original installation that no package carried: made after its last export', async () => {
    const officeDir = tempDir();
    const { store: first, planId } = await assignedOffice(tempDir(), officeDir);
    const ownOps = (store: Store) =>
      store.db.prepare('SELECT count(*) FROM ops WHERE actor = ?').pluck().get(store.officeId) as number;
    const ownRows = (store: Store) =>
      store.db.prepare('SELECT count(DISTINCT row_id) FROM ops WHERE actor = ?').pluck().get(store.officeId) as number;
    const factor = (statement: string) => ({
      entity: 'factor' as const,
      values: { swot: 'S', category: 'S1', statement },
    });

    createRows(first, planId, [factor('บุคลากรมีความรู้ด้านสื่อ')]);
    exportText(first, planId); // sent
    const sent = { ops: ownOps(first), rows: ownRows(first) };
    createRows(first, planId, [factor('มีเครือข่ายสื่อมวลชน'), factor('มีงบประมาณประจำปี')]);
    const unsent = { ops: ownOps(first) - sent.ops, rows: ownRows(first) - sent.rows };
    expect(unsent.rows).toBe(2);
    first.close();

    const copyDir = join(tempDir(), 'second-pc');
    cpSync(officeDir, copyDir, { recursive: true });
    const copy = await start(copyDir);
    expect(copy.status(false, 'test').database).toMatchObject({ movedFrom: { unsent } });
    copy.close();

    // Once the original has sent them, none is left for a later copy to warn about.
    const again = await openReplica(officeDir, office('1001', 'สำนักงานเขตพระนคร'));
    exportText(again, planId);
    again.close();
    const later = join(tempDir(), 'third-pc');
    cpSync(officeDir, later, { recursive: true });
    const copied = await start(later);
    expect(copied.status(false, 'test').database).toMatchObject({ movedFrom: { unsent: { ops: 0, rows: 0 } } });
    copied.close();
  });

  it('counts no unsent edits for a folder that never exchanged: there is no secretariat to send to', async () => {
    const original = await officeFolder();
    const copyDir = join(tempDir(), 'second-pc');
    cpSync(original.dir, copyDir, { recursive: true });
    const copy = await start(copyDir);
    expect(copy.status(false, 'test').database).toMatchObject({ movedFrom: { unsent: { ops: 0, rows: 0 } } });
    copy.close();
  });
});
