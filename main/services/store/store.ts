import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
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
import { DbOpenError, inspect, openForWrite } from './open.ts';
import { OpLog } from './oplog.ts';

export interface StoreOptions {
  /** Folder for automatic backups (pre-migration, scheduled). */
  readonly backupDir: string;
  readonly keepBackups?: number;
  readonly now?: () => number;
  /** Tests only: a later release's migration list in place of the shipped one. */
  readonly migrations?: readonly Migration[];
}

/** An open workspace database: the connection, its op log and this installation's office id. */
export class Store {
  readonly officeId: string;
  readonly oplog: OpLog;

  readonly db: Database.Database;
  readonly path: string;

  private constructor(db: Database.Database, path: string, now: () => number) {
    this.db = db;
    this.path = path;
    this.officeId = this.ensureOfficeId();
    this.oplog = new OpLog(db, this.officeId, now);
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

  getSettings(): Settings {
    const rows = this.db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
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
