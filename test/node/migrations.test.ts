import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../main/services/backup.ts';
import { createPlan, getPlan, listPlans, updatePlan } from '../../main/services/plans.ts';
import { rowHistory } from '../../main/services/rowHistory.ts';
import { createRows, getRow, undoAction, updateRow } from '../../main/services/rows.ts';
import {
  LATEST_VERSION,
  migrate,
  migrations,
  schemaVersion,
  type Migration,
} from '../../main/services/store/migrations.ts';
import { DbOpenError } from '../../main/services/store/open.ts';
import { bmaDraft, openStore } from '../harness/store.ts';
import { useTempDir } from '../harness/tmp.ts';

const tempDir = useTempDir();

/** A later release's list: the shipped steps plus one good step and, optionally, one that fails halfway. */
const addNotes: Migration = {
  version: LATEST_VERSION + 1,
  name: 'notes',
  sql: 'CREATE TABLE notes (id TEXT PRIMARY KEY) STRICT;',
};
const halfBroken: Migration = {
  version: LATEST_VERSION + 2,
  name: 'broken',
  // The first statement succeeds, the second fails: the step must leave no trace of the first.
  sql: 'CREATE TABLE half (id TEXT PRIMARY KEY) STRICT; ALTER TABLE no_such_table ADD COLUMN x TEXT;',
};

function tables(db: Database.Database): string[] {
  return db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
}

function schemaSql(db: Database.Database): string[] {
  return db.prepare('SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name').pluck().all() as string[];
}

describe('migrations', () => {
  it('take an empty file through every step to the latest version', () => {
    const db = new Database(join(tempDir(), 'a.sqlite'));
    expect(schemaVersion(db)).toBe(0);
    expect(migrate(db)).toEqual(migrations.map((m) => m.version));
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(tables(db)).toEqual(expect.arrayContaining(['meta', 'settings', 'op_groups', 'ops', 'plans']));
    expect(migrate(db)).toEqual([]);
    db.close();
  });

  it('bring a file at every released version to the same schema as a fresh file', () => {
    const fresh = new Database(':memory:');
    migrate(fresh);
    for (const released of migrations) {
      const db = new Database(':memory:');
      migrate(db, released.version);
      expect(schemaVersion(db)).toBe(released.version);
      migrate(db);
      expect(schemaSql(db)).toEqual(schemaSql(fresh));
      db.close();
    }
    fresh.close();
  });

  it('leave the file at the previous step, with nothing half-applied, when a step fails', () => {
    const db = new Database(join(tempDir(), 'a.sqlite'));
    expect(() => migrate(db, undefined, [...migrations, addNotes, halfBroken])).toThrow(/no_such_table/);
    expect(schemaVersion(db)).toBe(addNotes.version);
    expect(tables(db)).toContain('notes');
    expect(tables(db)).not.toContain('half');
    db.close();
  });

  it('back up an existing older file before migrating it, and keep its data', async () => {
    const dir = tempDir();
    const old = await openStore(dir);
    const plan = createPlan(old, bmaDraft);
    old.close();

    const store = await openStore(dir, { migrations: [...migrations, addNotes] });
    expect(schemaVersion(store.db)).toBe(addNotes.version);
    expect(listPlans(store).map((p) => p.id)).toEqual([plan.id]);
    store.close();

    const backups = listBackups(join(dir, 'backups'));
    expect(backups.map((b) => b.reason)).toEqual(['pre-migration']);
    const copy = new Database(join(dir, 'backups', backups[0]!.name), { readonly: true });
    expect(schemaVersion(copy)).toBe(LATEST_VERSION);
    expect(copy.prepare('SELECT id FROM plans').pluck().all()).toEqual([plan.id]);
    copy.close();
  });

  it('take no backup for a new file or one already up to date', async () => {
    const dir = tempDir();
    (await openStore(dir)).close();
    (await openStore(dir)).close();
    expect(listBackups(join(dir, 'backups'))).toEqual([]);
  });

  it('report a failed migration as a file that cannot be used, at its old version with its data and a backup', async () => {
    const dir = tempDir();
    const old = await openStore(dir);
    createPlan(old, bmaDraft);
    old.close();

    const failure = openStore(dir, { migrations: [...migrations, addNotes, halfBroken] });
    await expect(failure).rejects.toBeInstanceOf(DbOpenError);
    await expect(failure).rejects.toMatchObject({ reason: 'unreadable' });

    const db = new Database(join(dir, 'phaen.sqlite'), { readonly: true });
    expect(schemaVersion(db)).toBe(addNotes.version);
    expect(tables(db)).not.toContain('half');
    expect(db.prepare('SELECT count(*) FROM plans').pluck().get()).toBe(1);
    db.close();
    expect(listBackups(join(dir, 'backups')).map((b) => b.reason)).toEqual(['pre-migration']);
  });

  it('upgrade an op log made with the wider indexes: history, undo and the clock carry on, and every lookup searches an index', async () => {
    const dir = tempDir();
    const v7 = await openStore(dir, { migrations: migrations.filter((m) => m.version <= 7) });
    const plan = createPlan(v7, bmaDraft);
    const [factor] = createRows(v7, plan.id, [
      { entity: 'factor', values: { swot: 'S', category: 'S1', statement: 'บุคลากรมีความรู้' } },
    ]);
    updateRow(v7, factor!.id, [{ field: 'statement', value: 'บุคลากรมีความรู้ด้านสื่อดิจิทัล' }]);
    updatePlan(v7, plan.id, [{ field: 'title', value: 'แผนยุทธศาสตร์ฉบับปรับปรุง' }]);
    const clock = v7.oplog.clock;
    v7.close();

    const store = await openStore(dir);
    expect(schemaVersion(store.db)).toBe(LATEST_VERSION);
    expect(store.oplog.clock).toEqual(clock);
    expect(rowHistory(store, factor!.id).map((e) => [e.field, e.value])).toEqual(
      expect.arrayContaining([['statement', 'บุคลากรมีความรู้ด้านสื่อดิจิทัล']]),
    );
    expect(undoAction(store, plan.id).label).toBe('edit:title');
    expect(getPlan(store, plan.id).title).toBe(bmaDraft.title);
    expect(undoAction(store, plan.id).label).toBe('edit:factor');
    expect(getRow(store, factor!.id).data.statement).toBe('บุคลากรมีความรู้');

    // The op log's lookups (store/oplog.ts, exchange/*.ts, rowHistory.ts): by field, by row, by group, by plan.
    const lookups = [
      "SELECT hlc, actor, seen FROM ops WHERE entity = 'factor' AND row_id = 'r' AND field = 'statement'",
      "SELECT actor FROM ops WHERE entity = 'factor' AND row_id = 'r' AND field = 'f' ORDER BY hlc DESC LIMIT 1",
      "SELECT hlc FROM ops WHERE entity = 'factor' AND row_id = 'r' AND field <> 'deleted' ORDER BY hlc DESC LIMIT 1",
      "SELECT o.hlc FROM ops o JOIN op_groups g ON g.id = o.grp WHERE o.entity = 'factor' AND o.row_id = 'r'",
      "SELECT entity, prev FROM ops WHERE grp = 'g' ORDER BY hlc DESC",
      "SELECT o.id FROM ops o JOIN op_groups g ON g.id = o.grp WHERE g.plan_id = 'p'",
      "SELECT id FROM op_groups WHERE actor = 'a' AND plan_id = 'p' ORDER BY hlc DESC LIMIT 1",
      "SELECT count(*) FROM ops WHERE arrival = 'a'",
      "SELECT 1 FROM op_groups WHERE actor = 'a' LIMIT 1",
      "SELECT o.id FROM op_groups g JOIN ops o ON o.grp = g.id WHERE g.actor = 'a' AND o.hlc IN ('h1', 'h2')",
      "SELECT id FROM op_groups WHERE actor = 'a' ORDER BY hlc DESC LIMIT 1",
    ];
    for (const sql of lookups) {
      const plan = store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[];
      expect(plan.map((step) => step.detail).join('; '), sql).not.toMatch(/^SCAN|; SCAN/);
    }
    store.close();
  });
});
