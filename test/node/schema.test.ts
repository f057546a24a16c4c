import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../main/services/store/migrations.ts';

/**
 * Schema guard (after Actual Budget's schema-guard.test.ts): the migrated schema is compared with a committed
 * snapshot, and every table and column in the snapshot must still exist, so a migration may add but never drop
 * or rename something a released file (or another office's package) relies on.
 * After an intended change: UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run --project node test/node/schema.test.ts
 */
const SNAPSHOT = join(import.meta.dirname, '__snapshots__', 'schema.snapshot.json');

interface Column {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}
interface SchemaObject {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
  columns?: Column[];
}

/** Whitespace differences in CREATE statements are not schema changes. */
const normalise = (sql: string | null) =>
  sql
    ?.replace(/--[^\n]*/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\( /g, '(')
    .replace(/ \)/g, ')')
    .trim() ?? null;

function dumpSchema(): SchemaObject[] {
  const db = new Database(':memory:');
  migrate(db);
  const objects = db
    .prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all() as SchemaObject[];
  const out = objects.map((o) => ({
    ...o,
    sql: normalise(o.sql),
    ...(o.type === 'table' ? { columns: db.pragma(`table_info(${o.name})`) as Column[] } : {}),
  }));
  db.close();
  return out;
}

describe('schema', () => {
  const current = dumpSchema();
  if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') writeFileSync(SNAPSHOT, `${JSON.stringify(current, null, 2)}\n`);
  // A missing snapshot fails rather than being written silently: it is the record of released schemas.
  const snapshot = existsSync(SNAPSHOT) ? (JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as SchemaObject[]) : [];

  it('matches the committed snapshot', () => {
    expect(existsSync(SNAPSHOT), `${SNAPSHOT} is missing; write it with UPDATE_SCHEMA_SNAPSHOT=1`).toBe(true);
    expect(current).toEqual(snapshot);
  });

  // An index holds no data of its own: a migration may drop or narrow one (the op log's, for speed) after checking
  // the queries that used it (migrations.test.ts), and a file keeps everything it held.
  it('keeps every table and column of the snapshot (changes to data are additive)', () => {
    for (const old of snapshot.filter((o) => o.type !== 'index')) {
      const now = current.find((o) => o.type === old.type && o.name === old.name);
      expect(now, `${old.type} ${old.name} was dropped or renamed`).toBeDefined();
      expect(now!.tbl_name).toBe(old.tbl_name);
      for (const column of old.columns ?? []) {
        const same = now!.columns?.find((c) => c.name === column.name);
        expect(same, `column ${old.name}.${column.name} was dropped or renamed`).toBeDefined();
        expect(same!.type, `column ${old.name}.${column.name} changed type`).toBe(column.type);
      }
    }
  });

  it('gives every row table a TEXT primary key (UUIDs, never autoincrement ids that collide across offices)', () => {
    for (const table of current.filter((o) => o.type === 'table')) {
      const pk = table.columns!.filter((c) => c.pk > 0);
      expect(
        pk.map((c) => c.type),
        table.name,
      ).toEqual(['TEXT']);
      expect(table.sql).not.toMatch(/AUTOINCREMENT/i);
    }
  });
});
