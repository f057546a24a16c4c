import type Database from 'better-sqlite3';

/**
 * Numbered migrations. Each runs in one transaction together with the `user_version` bump, so a power cut
 * leaves the file at one step or the next, never between. Released steps are never edited: add a new one.
 * test/node/schema.test.ts compares the resulting schema with a committed snapshot.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'plans and op log',
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

      -- One group per user action (create, edit, delete, undo); undo works on whole groups.
      CREATE TABLE op_groups (
        id TEXT PRIMARY KEY,
        hlc TEXT NOT NULL,
        actor TEXT NOT NULL,
        label TEXT NOT NULL,
        plan_id TEXT,
        undo_of TEXT REFERENCES op_groups(id)
      ) STRICT;
      CREATE INDEX op_groups_actor_hlc ON op_groups(actor, hlc);
      CREATE UNIQUE INDEX op_groups_undo_of ON op_groups(undo_of) WHERE undo_of IS NOT NULL;

      -- Every edit of every field: value and prev are JSON; prev lets undo restore what was there
      -- (NULL when the row did not exist before the action).
      CREATE TABLE ops (
        id TEXT PRIMARY KEY,
        grp TEXT NOT NULL REFERENCES op_groups(id),
        hlc TEXT NOT NULL,
        actor TEXT NOT NULL,
        entity TEXT NOT NULL,
        row_id TEXT NOT NULL,
        field TEXT NOT NULL,
        value TEXT NOT NULL,
        prev TEXT
      ) STRICT;
      CREATE INDEX ops_cell ON ops(entity, row_id, field, hlc);
      CREATE INDEX ops_grp ON ops(grp);

      -- Years are Buddhist Era. A row exists for the user while deleted = 0 (delete is a tombstone, so undo
      -- and exchange can bring it back).
      CREATE TABLE plans (
        id TEXT PRIMARY KEY,
        organisation TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        start_year INTEGER NOT NULL DEFAULT 0,
        end_year INTEGER NOT NULL DEFAULT 0,
        prev_start_year INTEGER,
        prev_end_year INTEGER,
        is_sample INTEGER NOT NULL DEFAULT 0,
        deleted INTEGER NOT NULL DEFAULT 1,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX plans_live ON plans(deleted, updated_at);
    `,
  },
  {
    version: 2,
    name: 'plan parts as rows',
    sql: `
      -- Every part of a plan below its header (core/rows.ts): structure in columns, the entity's own fields in
      -- data (JSON object), each field edited by its own operation like the plan's columns.
      CREATE TABLE rows (
        id TEXT PRIMARY KEY,
        entity TEXT NOT NULL,
        plan_id TEXT NOT NULL DEFAULT '',
        parent_id TEXT,
        position TEXT NOT NULL DEFAULT '',
        data TEXT NOT NULL DEFAULT '{}',
        deleted INTEGER NOT NULL DEFAULT 1,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX rows_plan ON rows(plan_id, deleted, entity);
      CREATE INDEX rows_parent ON rows(parent_id) WHERE parent_id IS NOT NULL;
    `,
  },
  {
    version: 3,
    name: 'local catalog versions',
    sql: `
      -- Framework catalogs as users changed them (services/catalogs.ts): each save is a new, never rewritten
      -- version, so a plan aligned to a version reads it forever. Shipped versions stay in resources/catalogs.
      -- id is \`<catalog id>@<version>\`; content is the whole catalog as JSON (core/catalog.ts); rowid keeps
      -- the order of saves, which decides the latest version.
      CREATE TABLE catalog_versions (
        id TEXT PRIMARY KEY,
        catalog_id TEXT NOT NULL,
        version TEXT NOT NULL,
        content TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 4,
    name: 'exchange between offices',
    sql: `
      -- Causal context of each edit (core/exchange/merge.ts): for every other office, the newest edit of the
      -- same field its writer had seen, as a JSON list of HLCs. Edits made before exchange existed were all
      -- made here, and an office always has its own earlier edits, so '[]' is exact for them.
      ALTER TABLE ops ADD COLUMN seen TEXT NOT NULL DEFAULT '[]';
      -- The package an operation came in (exchange_arrivals.id); NULL: made here.
      ALTER TABLE ops ADD COLUMN arrival TEXT;
      CREATE INDEX ops_arrival ON ops(arrival) WHERE arrival IS NOT NULL;
      -- Exports and conflict lists work per plan.
      CREATE INDEX op_groups_plan ON op_groups(plan_id, actor, hlc);

      -- The office and role each installation (op-log actor) said it was in its latest package.
      CREATE TABLE exchange_actors (
        actor TEXT PRIMARY KEY,
        office_code TEXT NOT NULL,
        office_name TEXT NOT NULL,
        role TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      -- Per plan: the secretariat it came from (or this installation), the assignments of its latest plan
      -- package, what the secretariat confirmed having of this office's operations, and this office's exports.
      CREATE TABLE exchange_plans (
        plan_id TEXT PRIMARY KEY,
        secretariat_actor TEXT,
        secretariat_code TEXT,
        secretariat_name TEXT,
        assignments TEXT NOT NULL DEFAULT '[]',
        plan_seq INTEGER NOT NULL DEFAULT 0,
        confirmed TEXT,
        export_seq INTEGER NOT NULL DEFAULT 0,
        last_export_at TEXT,
        last_export_file TEXT
      ) STRICT;

      -- Per plan and actor: up to which HLC this workspace has that actor's operations (merge.ts coverage).
      -- id is \`<plan id> <actor>\`.
      CREATE TABLE exchange_coverage (
        id TEXT PRIMARY KEY,
        plan_id TEXT NOT NULL,
        actor TEXT NOT NULL,
        hlc TEXT NOT NULL
      ) STRICT;

      -- Offices accepted without an assignment; id is \`<plan id> <office code>\`.
      CREATE TABLE exchange_offices (
        id TEXT PRIMARY KEY,
        plan_id TEXT NOT NULL,
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        acknowledged_at TEXT NOT NULL
      ) STRICT;

      -- Every package imported here: what arrived, from whom, when, and what it changed.
      CREATE TABLE exchange_arrivals (
        id TEXT PRIMARY KEY,
        sha256 TEXT NOT NULL,
        plan_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        actor TEXT NOT NULL,
        office_code TEXT NOT NULL,
        office_name TEXT NOT NULL,
        role TEXT NOT NULL,
        seq INTEGER NOT NULL,
        file_name TEXT NOT NULL,
        exported_at TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        op_count INTEGER NOT NULL,
        new_ops INTEGER NOT NULL,
        changed_cells INTEGER NOT NULL,
        conflicts INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX exchange_arrivals_plan ON exchange_arrivals(plan_id, imported_at);

      -- Files of the shared folder already looked at (path relative to it), so a sync reads only new or changed ones.
      CREATE TABLE exchange_folder_files (
        path TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        mtime_ms INTEGER NOT NULL,
        outcome TEXT NOT NULL,
        checked_at TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 5,
    name: 'users Thai words',
    sql: `
      -- Words users add for Thai line breaking (an organisation's names and jargon), in the form segmentation
      -- uses (core/thaiLexicon.ts lexiconForm). Settings of this installation: never exchanged.
      CREATE TABLE thai_words (
        word TEXT PRIMARY KEY,
        created_at TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 6,
    name: 'signed packages',
    sql: `
      -- Packages are signed (services/signing.ts; the private key is in meta). At the secretariat: the key each
      -- office signed its first accepted contribution with; a later package of that office under another key is
      -- refused until the user confirms the new key's fingerprint. id is \`<plan id> <office code>\`.
      CREATE TABLE exchange_keys (
        id TEXT PRIMARY KEY,
        plan_id TEXT NOT NULL,
        office_code TEXT NOT NULL,
        public_key TEXT NOT NULL,
        registered_at TEXT NOT NULL
      ) STRICT;
      -- The key each installation's packages (or the secretariat's plan package) named for it.
      ALTER TABLE exchange_actors ADD COLUMN public_key TEXT;
      -- At an office: the key of the plan's secretariat, from its first plan package.
      ALTER TABLE exchange_plans ADD COLUMN secretariat_key TEXT;
    `,
  },
  {
    version: 7,
    name: 'fields in conflict',
    sql: `
      -- Fields that may hold concurrent edits with different values (core/exchange/merge.ts), so that listing a
      -- plan's conflicts reads these few instead of grouping its whole op log. Every field in conflict is here:
      -- the import adds a field it leaves in conflict and removes one it leaves settled, and a local edit (which
      -- has seen every edit of its field) removes its own. Here at first: every field edited by more than one
      -- installation, the fields the list was drawn from before.
      -- id is \`<entity> <row id> <field>\`.
      CREATE TABLE exchange_conflicts (
        id TEXT PRIMARY KEY,
        entity TEXT NOT NULL,
        row_id TEXT NOT NULL,
        field TEXT NOT NULL,
        plan_id TEXT NOT NULL
      ) STRICT;
      CREATE INDEX exchange_conflicts_plan ON exchange_conflicts(plan_id);
      INSERT INTO exchange_conflicts (id, entity, row_id, field, plan_id)
        SELECT o.entity || ' ' || o.row_id || ' ' || o.field, o.entity, o.row_id, o.field, max(g.plan_id)
        FROM ops o JOIN op_groups g ON g.id = o.grp
        WHERE g.plan_id IS NOT NULL
        GROUP BY o.entity, o.row_id, o.field HAVING count(DISTINCT o.actor) > 1;
    `,
  },
  {
    version: 8,
    name: 'leaner op log indexes',
    sql: `
      -- Every index is one more B-tree page an autosave writes and fsyncs (bench/run.ts), and one whose pages a
      -- folder's import rewrites almost all of (bench/exchange.ts). Each query that used the indexes dropped here
      -- was checked with EXPLAIN QUERY PLAN (test/node/migrations.test.ts). IF EXISTS: the step may run again on a
      -- file set back to an older version by its user_version alone (as exchange.test.ts does).
      -- A field's operations by row and field: the row id (a UUID) already picks out one entity, which the
      -- statements still compare, and the few operations of one field are sorted by hlc when asked. The entity
      -- and hlc made each entry 140 bytes and the index as large as half the table.
      DROP INDEX IF EXISTS ops_cell;
      CREATE INDEX ops_cell ON ops(row_id, field);
      -- The home list reads every live plan and sorts them by title in the app: nothing searched by updated_at,
      -- which every edit of a plan changed.
      DROP INDEX IF EXISTS plans_live;
      -- op_groups_actor_hlc stays: an import looks up an installation's clocks through it (exchange/stored.ts,
      -- a clock reused with other content is refused), and so does the undo on the home screen, of any plan.
    `,
  },
];

export const LATEST_VERSION = latestVersion(migrations);

export function latestVersion(list: readonly Migration[]): number {
  return list.length === 0 ? 0 : list[list.length - 1]!.version;
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** `list` is for tests, which stand in a later release's migrations for the shipped ones. */
export function hasPendingMigrations(db: Database.Database, list: readonly Migration[] = migrations): boolean {
  return schemaVersion(db) < latestVersion(list);
}

/**
 * Apply every step above the file's version up to `target` (default: the last of `list`), each in its own
 * transaction; a failing step rolls back whole and stops, leaving the file at the step before. Returns the
 * versions applied.
 */
export function migrate(db: Database.Database, target?: number, list: readonly Migration[] = migrations): number[] {
  const to = target ?? latestVersion(list);
  const applied: number[] = [];
  for (const m of list) {
    if (m.version <= schemaVersion(db) || m.version > to) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
    applied.push(m.version);
  }
  return applied;
}
