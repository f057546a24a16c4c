import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../main/core/errors.ts';
import {
  backupPath,
  completeRestore,
  createBackup,
  listBackups,
  sameContent,
  stageRestore,
} from '../../main/services/backup.ts';
import { createPlan, getPlan, listPlans, updatePlan } from '../../main/services/plans.ts';
import { Session } from '../../main/services/session.ts';
import { bmaDraft, openStore, sha256 } from '../harness/store.ts';
import { useTempDir } from '../harness/tmp.ts';

const tempDir = useTempDir();
/** Both halves of a restore, for a database that is closed. */
const restoreFile = (backup: string, dbPath: string, backupDir: string) =>
  completeRestore(stageRestore(backup, dbPath), dbPath, backupDir);

describe('backups', () => {
  it('copy the open database online into a valid file with the same plans', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    createPlan(store, bmaDraft);
    createPlan(store, { ...bmaDraft, title: 'แผนปฏิบัติราชการ' });
    const info = await createBackup(store.db, join(dir, 'backups'), 'manual', 10);
    // The store stays usable while and after the copy is made.
    createPlan(store, { ...bmaDraft, title: 'หลังสำรองข้อมูล' });

    expect(info).toMatchObject({ reason: 'manual' });
    expect(info.bytes).toBeGreaterThan(0);
    const copy = new Database(join(dir, 'backups', info.name), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const titles = copy.prepare('SELECT title FROM plans WHERE deleted = 0 ORDER BY title').pluck().all();
    expect(titles).toEqual(
      listPlans(store)
        .map((p) => p.title)
        .filter((t) => t !== 'หลังสำรองข้อมูล')
        .sort(),
    );
    expect(titles).toHaveLength(2);
    copy.close();
    store.close();
    expect(readdirSync(join(dir, 'backups')).some((f) => f.endsWith('.partial'))).toBe(false);
  });

  it('keep only the newest N of each reason', async () => {
    const dir = tempDir();
    const backups = join(dir, 'backups');
    const store = await openStore(dir);
    const t0 = Date.UTC(2026, 0, 1);
    for (let i = 0; i < 5; i++) await createBackup(store.db, backups, 'scheduled', 3, new Date(t0 + i * 60_000));
    for (let i = 0; i < 2; i++) await createBackup(store.db, backups, 'manual', 3, new Date(t0 + i * 60_000));
    store.close();

    const list = listBackups(backups);
    const scheduled = list.filter((b) => b.reason === 'scheduled').map((b) => b.createdAt);
    expect(scheduled).toEqual([4, 3, 2].map((i) => new Date(t0 + i * 60_000).toISOString()));
    expect(list.filter((b) => b.reason === 'manual')).toHaveLength(2); // another reason's backups are not pruned
  });

  it('compared with the open database at a start, leave nothing beside the backup', async () => {
    // A backup keeps the database's WAL mode: opened read-only, SQLite makes a -wal and -shm beside it and leaves
    // them, which the backup folder would then list as part of it and carry into a restore.
    const dir = tempDir();
    const store = await openStore(dir);
    createPlan(store, bmaDraft);
    const backups = join(dir, 'backups');
    const info = await createBackup(store.db, backups, 'scheduled', 10);
    expect(sameContent(store.db, join(backups, info.name))).toBe(true);
    updatePlan(store, listPlans(store)[0]!.id, [{ field: 'title', value: 'แก้ไขหลังสำรอง' }]);
    expect(sameContent(store.db, join(backups, info.name))).toBe(false);
    expect(readdirSync(backups)).toEqual([info.name]);
    store.close();
  });

  it('give two backups in the same millisecond different names', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    const now = new Date(Date.UTC(2026, 0, 1));
    const a = await createBackup(store.db, join(dir, 'backups'), 'manual', 10, now);
    const b = await createBackup(store.db, join(dir, 'backups'), 'manual', 10, now);
    expect(a.name).not.toBe(b.name);
    store.close();
  });

  it('restore the backed-up state and keep the replaced file aside', async () => {
    const dir = tempDir();
    const session = await Session.start({ dataDir: dir, backupIntervalMs: 0 });
    const plan = createPlan(session.store(), bmaDraft);
    const backup = await createBackup(session.store().db, session.backupDir, 'manual', 10);
    updatePlan(session.store(), plan.id, [{ field: 'title', value: 'แก้ไขหลังสำรอง' }]);
    const later = createPlan(session.store(), { ...bmaDraft, title: 'แผนที่สร้างทีหลัง' });

    await session.restore(backup.name);
    expect(getPlan(session.store(), plan.id).title).toBe(bmaDraft.title);
    expect(listPlans(session.store()).map((p) => p.id)).toEqual([plan.id]);
    // The replaced file is kept whole in the backup folder and listed, so the restore itself can be undone.
    const aside = listBackups(session.backupDir).filter((b) => b.reason === 'set-aside');
    expect(aside).toHaveLength(1);
    expect(readdirSync(dir).filter((f) => f.includes('before-restore'))).toEqual([]);
    const old = new Database(join(session.backupDir, aside[0]!.name), { readonly: true });
    expect(old.prepare('SELECT title FROM plans WHERE id = ?').pluck().get(later.id)).toBe('แผนที่สร้างทีหลัง');
    old.close();

    await session.restore(aside[0]!.name);
    expect(getPlan(session.store(), later.id).title).toBe('แผนที่สร้างทีหลัง');
    expect(getPlan(session.store(), plan.id).title).toBe('แก้ไขหลังสำรอง');
    session.close();
  });

  it('a restore moves the current file and its WAL into the backups as one set-aside backup', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    createPlan(store, bmaDraft);
    const backup = await createBackup(store.db, join(dir, 'backups'), 'manual', 10);
    const path = join(dir, 'phaen.sqlite');
    createPlan(store, { ...bmaDraft, title: 'อยู่ใน WAL' });
    // As a crash leaves it: the newest plan only in the WAL beside the file.
    const crashed = join(dir, 'crashed');
    mkdirSync(crashed);
    copyFileSync(path, join(crashed, 'phaen.sqlite'));
    copyFileSync(`${path}-wal`, join(crashed, 'phaen.sqlite-wal'));
    store.close();
    const before = { main: sha256(join(crashed, 'phaen.sqlite')), wal: sha256(join(crashed, 'phaen.sqlite-wal')) };
    const target = join(crashed, 'phaen.sqlite');

    const aside = restoreFile(join(dir, 'backups', backup.name), target, join(dir, 'backups'))!;
    expect(sha256(aside)).toBe(before.main);
    expect(sha256(`${aside}-wal`)).toBe(before.wal);
    expect(sha256(target)).toBe(sha256(join(dir, 'backups', backup.name)));
    expect(readdirSync(crashed)).toEqual(['phaen.sqlite']);
    // The set-aside file, restored, brings its WAL and with it the plan that was only there.
    restoreFile(aside, target, join(dir, 'backups'));
    const back = new Database(target, { readonly: true });
    expect(back.prepare("SELECT count(*) FROM plans WHERE title = 'อยู่ใน WAL'").pluck().get()).toBe(1);
    back.close();
  });

  it('list a file an earlier release set aside beside the database, with its WAL', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    createPlan(store, bmaDraft);
    store.close();
    const legacy = join(dir, 'phaen.sqlite.before-restore-20260105T081500123Z');
    copyFileSync(join(dir, 'phaen.sqlite'), legacy);
    writeFileSync(`${legacy}-wal`, '');
    const before = sha256(legacy);

    const session = await Session.start({ dataDir: dir, backupIntervalMs: 0 });
    const aside = session.status(false, 'test').backups.find((b) => b.reason === 'set-aside');
    session.close();
    expect(aside).toMatchObject({
      name: 'phaen-20260105T081500123Z-set-aside.sqlite',
      createdAt: '2026-01-05T08:15:00.123Z',
    });
    expect(sha256(join(dir, 'backups', aside!.name))).toBe(before);
    expect(existsSync(join(dir, 'backups', `${aside!.name}-wal`))).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes('before-restore'))).toEqual([]);
  });

  it('refuse a name that is not one of our backups in the backup folder', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    const backups = join(dir, 'backups');
    const ok = await createBackup(store.db, backups, 'manual', 10);
    store.close();
    expect(backupPath(backups, ok.name)).toBe(join(backups, ok.name));
    for (const name of [
      '../phaen.sqlite',
      `../backups/${ok.name}`,
      join(backups, ok.name), // absolute
      '/etc/passwd',
      'phaen.sqlite',
      `${ok.name}.partial`,
      'phaen-20260101T000000000Z-manual.sqlite', // our pattern, but no such file
      'phaen-20260101T000000000Z-evil.sqlite',
      '',
    ]) {
      const error = (() => {
        try {
          backupPath(backups, name);
        } catch (err) {
          return err;
        }
      })();
      expect(error, name).toBeInstanceOf(AppError);
      expect((error as AppError).code, name).toBe('not-found');
    }
  });
});
