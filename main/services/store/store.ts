import { randomUUID } from 'node:crypto';
import { mkdirSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import type Database from 'better-sqlite3';
import { DEFAULT_SETTINGS, Settings } from '../../core/settings.ts';
import { checkpoint, createBackup } from '../backup.ts';
import {
  hasPendingMigrations,
  latestVersion,
  migrate,
  migrations as shippedMigrations,
  type Migration,
} from './migrations.ts';
import { loadSigningKey, newSigningKey, type SigningKey } from '../signing.ts';
import { DbOpenError, inspect, openForWrite } from './open.ts';
import { OpLog } from './oplog.ts';
import { prepared } from './statements.ts';

export interface StoreOptions {
  /** Folder for automatic backups (pre-migration, scheduled). */
  readonly backupDir: string;
  readonly keepBackups?: number;
  readonly now?: () => number;
  /** Tests only: a later release's migration list in place of the shipped one. */
  readonly migrations?: readonly Migration[];
}

/**
 * A database file's identity: its absolute path, its file id (inode; a copy gets a new one, a rename keeps it)
 * and the computer's name. A different one at open means the file was copied or moved.
 */
const Location = z.object({ path: z.string(), ino: z.number(), host: z.string() });
type Location = z.infer<typeof Location>;

function currentLocation(path: string): Location {
  return { path: resolve(path), ino: statSync(path).ino, host: hostname() };
}

function sameLocation(a: Location, b: Location): boolean {
  return a.path === b.path && a.ino === b.ino && a.host === b.host;
}

/** An open workspace database: the connection, its op log and this installation's office id. */
export class Store {
  readonly officeId: string;
  readonly oplog: OpLog;
  /** This installation's key pair, which signs its exchange packages (services/signing.ts). */
  readonly signingKey: SigningKey;

  readonly db: Database.Database;
  readonly path: string;

  /**
   * Where this database was last opened, when that was another file (another folder or computer): it may be a
   * copy of a data folder that is still in use there, under the same office id. Null when it is where it was.
   */
  readonly movedFrom: Location | null;

  private constructor(db: Database.Database, path: string, now: () => number) {
    this.db = db;
    this.path = path;
    this.officeId = this.ensureOfficeId();
    this.signingKey = this.ensureSigningKey();
    this.oplog = new OpLog(db, this.officeId, now);
    const recorded = this.recordedLocation();
    const here = currentLocation(path);
    this.movedFrom = recorded && !sameLocation(recorded, here) ? recorded : null;
    if (!recorded) this.recordLocation();
  }

  /**
   * Inspect (read-only), back up if a migration is due, migrate, and open. Throws DbOpenError without having
   * written to the file when it is corrupt, newer or locked.
   */
  static async open(path: string, options: StoreOptions): Promise<Store> {
    mkdirSync(dirname(path), { recursive: true });
    const list = options.migrations ?? shippedMigrations;
    const version = inspect(path, latestVersion(list));
    const db = openForWrite(path);
    try {
      if (version > 0 && hasPendingMigrations(db, list)) {
        await createBackup(db, options.backupDir, 'pre-migration', options.keepBackups ?? 10);
      }
      try {
        migrate(db, undefined, list);
      } catch (err) {
        // The failed step rolled back: the file is still at its previous version and the backup is there.
        // Report it like any other file that cannot be used, so the app starts and offers a restore.
        throw new DbOpenError('unreadable', `migration failed: ${err instanceof Error ? err.message : String(err)}`);
      }
      return new Store(db, path, options.now ?? Date.now);
    } catch (err) {
      db.close();
      throw err;
    }
  }

  private ensureOfficeId(): string {
    const existing = this.db.prepare("SELECT value FROM meta WHERE key = 'office_id'").pluck().get() as
      string | undefined;
    if (existing) return existing;
    const id = randomUUID();
    this.db.prepare("INSERT INTO meta (key, value) VALUES ('office_id', ?)").run(id);
    return id;
  }

  /** Kept beside the office id: the private key never leaves this database. */
  private ensureSigningKey(): SigningKey {
    const existing = this.db.prepare("SELECT value FROM meta WHERE key = 'signing_key'").pluck().get() as
      string | undefined;
    if (existing) return loadSigningKey(existing);
    const { key, stored } = newSigningKey();
    this.db.prepare("INSERT INTO meta (key, value) VALUES ('signing_key', ?)").run(stored);
    return key;
  }

  private recordedLocation(): Location | null {
    const value = this.db.prepare("SELECT value FROM meta WHERE key = 'location'").pluck().get() as string | undefined;
    if (!value) return null;
    const parsed = Location.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  }

  /** This file, here, is this installation's database (also after a restore, which replaces the file). */
  recordLocation(): void {
    this.db
      .prepare(
        "INSERT INTO meta (key, value) VALUES ('location', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      )
      .run(JSON.stringify(currentLocation(this.path)));
  }

  /**
   * Make this database a new installation: a new office id for its future operations, a new signing key, and
   * its location recorded. Nothing is lost; its earlier operations keep the old id, which stays the copied
   * installation's, and so does the old key (the secretariat confirms the new one's fingerprint by phone).
   * The store must be reopened for the op log to write under the new id.
   */
  takeNewIdentity(): void {
    this.db.transaction(() => {
      this.db.prepare("UPDATE meta SET value = ? WHERE key = 'office_id'").run(randomUUID());
      this.db.prepare("UPDATE meta SET value = ? WHERE key = 'signing_key'").run(newSigningKey().stored);
      this.recordLocation();
    })();
  }

  /** A statement prepared once per connection (statements.ts), for those run on every autosave or package. */
  statement(sql: string): Database.Statement {
    return prepared(this.db, sql);
  }

  getSettings(): Settings {
    const rows = this.statement('SELECT key, value FROM settings').all() as { key: string; value: string }[];
    const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
    // Unknown or invalid stored values fall back to defaults rather than blocking start-up.
    const parsed = Settings.partial().safeParse(stored);
    return { ...DEFAULT_SETTINGS, ...(parsed.success ? parsed.data : {}) };
  }

  setSettings(patch: Partial<Settings>): Settings {
    const upsert = this.db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    );
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(patch)) if (value !== undefined) upsert.run(key, JSON.stringify(value));
    })();
    return this.getSettings();
  }

  /** Checkpoint first: SQLite would on close, but only if nothing goes wrong; this makes it explicit and complete. */
  close(): void {
    if (!this.db.open) return;
    try {
      checkpoint(this.db);
    } finally {
      this.db.close();
    }
  }
}
