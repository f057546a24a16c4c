import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../main/core/errors.ts';
import { backupPath, createBackup, listBackups, restoreFile } from '../../main/services/backup.ts';
import { createPlan, getPlan, listPlans, updatePlan } from '../../main/services/plans.ts';
import { Session } from '../../main/services/session.ts';
import { bmaDraft, openStore, sha256 } from '../harness/store.ts';
import { useTempDir } from '../harness/tmp.ts';

const tempDir = useTempDir();

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
    // The state just replaced is kept twice over: as a pre-restore backup and as the file moved aside.
    expect(listBackups(session.backupDir).some((b) => b.reason === 'pre-restore')).toBe(true);
    session.close();

    const aside = readdirSync(dir).filter(
      (f) => f.startsWith('phaen.sqlite.before-restore-') && !/-(wal|shm)$/.test(f),
    );
    expect(aside).toHaveLength(1);
    const old = new Database(join(dir, aside[0]!), { readonly: true });
    expect(old.prepare('SELECT title FROM plans WHERE id = ?').pluck().get(later.id)).toBe('แผนที่สร้างทีหลัง');
    old.close();
  });

  it('restoreFile moves the current file and its WAL aside rather than deleting them', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    createPlan(store, bmaDraft);
    const backup = await createBackup(store.db, join(dir, 'backups'), 'manual', 10);
    store.close();
    const path = join(dir, 'phaen.sqlite');
    const before = sha256(path);
    const aside = restoreFile(join(dir, 'backups', backup.name), path);
    expect(sha256(aside)).toBe(before);
    expect(sha256(path)).toBe(sha256(join(dir, 'backups', backup.name)));
    expect(existsSync(`${path}.restoring`)).toBe(false);
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
