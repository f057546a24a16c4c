import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AppStatus } from '../core/contract.ts';
import { AppError } from '../core/errors.ts';
import {
  adoptSetAside,
  backupPath,
  checkpoint,
  completeRestore,
  createBackup,
  listBackups,
  sameContent,
  stageRestore,
} from './backup.ts';
import { unsentOwnEdits } from './exchange/unsent.ts';
import { writeFileAtomic } from './files.ts';
import { DbOpenError, inspect } from './store/open.ts';
import { Store } from './store/store.ts';

/** Dialogs that only Electron's main process can show; the browser bridge has none. */
export interface FileDialogs {
  saveFile(
    defaultName: string,
    kind: 'plan-json' | 'exchange-package' | 'pdf' | 'docx' | 'xlsx',
  ): Promise<string | null>;
  openFile(kind: 'plan-json' | 'database' | 'exchange-package' | 'xlsx'): Promise<string | null>;
  /** A folder: of packages to import, or the shared folder of exchange. */
  openFolder(purpose: 'import-packages' | 'shared-folder'): Promise<string | null>;
}

export interface SessionOptions {
  /** The user-data folder: database, backups, config.json. */
  readonly dataDir: string;
  readonly keepBackups?: number;
  /** Rolling backup interval; 0 disables the timer (tests). */
  readonly backupIntervalMs?: number;
  /** How often to look for a quiet moment to checkpoint the WAL; 0 disables the timer (tests call checkpointWhenIdle). */
  readonly idleCheckpointMs?: number;
  readonly log?: (message: string) => void;
}

/**
 * The open store and what was done to it since it opened, as SQLite's total_changes() (rows written by this
 * connection) at the time: the last checkpoint, the last look for idleness, the last backup.
 */
interface OpenState {
  kind: 'open';
  store: Store;
  seen: number;
  checkpointed: number;
  /** Undefined until the first backup check of this open, which compares with the newest backup on disk. */
  backedUp: number | undefined;
}
type State = OpenState | { kind: 'failed'; path: string; reason: DbOpenError['reason']; detail: string };

function totalChanges(store: Store): number {
  return store.db.prepare('SELECT total_changes()').pluck().get() as number;
}

const DEFAULT_DB = 'phaen.sqlite';

/** Refuse to touch a file another running instance holds (inspect reports it as locked). */
function refuseIfHeld(path: string): void {
  try {
    inspect(path);
  } catch (err) {
    if (err instanceof DbOpenError && err.reason === 'locked')
      throw new AppError('db-in-use', `${path} is held by another running instance`);
  }
}
const HOUR = 3600_000;
const IDLE_CHECK = 5_000;

/**
 * Which database is in use and whether it opened. A file that fails to open is never touched: the session
 * stays "failed" and offers restoring a backup or using another file.
 */
export class Session {
  private state!: State;
  private timers: NodeJS.Timeout[] = [];
  readonly backupDir: string;

  private readonly options: SessionOptions;

  private constructor(options: SessionOptions) {
    this.options = options;
    this.backupDir = join(options.dataDir, 'backups');
  }

  static async start(options: SessionOptions): Promise<Session> {
    const session = new Session(options);
    const { path, configured } = session.configuredPath();
    try {
      adoptSetAside(path, session.backupDir);
    } catch (err) {
      options.log?.(`set-aside files of an earlier release not moved to the backups: ${String(err)}`);
    }
    await session.openOrRecover(path, configured);
    session.every(options.backupIntervalMs ?? HOUR, () => void session.scheduledBackup());
    session.every(options.idleCheckpointMs ?? IDLE_CHECK, () => session.checkpointWhenIdle());
    return session;
  }

  private every(ms: number, run: () => void): void {
    if (ms <= 0) return;
    const timer = setInterval(run, ms);
    timer.unref();
    this.timers.push(timer);
  }

  private get configFile(): string {
    return join(this.options.dataDir, 'config.json');
  }

  /** The database chosen in config.json (configured), else the default file in the data folder. */
  private configuredPath(): { path: string; configured: boolean } {
    try {
      if (existsSync(this.configFile)) {
        const config = JSON.parse(readFileSync(this.configFile, 'utf8')) as { databasePath?: unknown };
        if (typeof config.databasePath === 'string') return { path: config.databasePath, configured: true };
      }
    } catch (err) {
      this.options.log?.(`config.json unreadable, using the default database: ${String(err)}`);
    }
    return { path: join(this.options.dataDir, DEFAULT_DB), configured: false };
  }

  /**
   * Start-up: a database that is gone or empty while there is data elsewhere is a failure to recover from, not a
   * first start. A fresh file there would show the welcome, take a new office id and fill the rolling backups
   * with empty copies. Only a genuinely first start (default path, no file, no backups) creates one.
   */
  private async openOrRecover(path: string, configured: boolean): Promise<void> {
    const hasBackups = listBackups(this.backupDir).length > 0;
    const exists = existsSync(path);
    if (!exists && (configured || hasBackups)) {
      return this.fail(path, new DbOpenError('missing', `${path} does not exist (backups: ${hasBackups})`));
    }
    if (exists && hasBackups && statSync(path).size === 0) {
      return this.fail(path, new DbOpenError('empty', `${path} has zero length`));
    }
    await this.openPath(path);
  }

  private fail(path: string, err: DbOpenError): void {
    this.options.log?.(`database ${path} not opened: ${err.message}`);
    this.state = { kind: 'failed', path, reason: err.reason, detail: err.detail };
  }

  private async openPath(path: string): Promise<void> {
    try {
      const store = await Store.open(path, { backupDir: this.backupDir, keepBackups: this.options.keepBackups ?? 10 });
      this.state = { kind: 'open', store, seen: -1, checkpointed: -1, backedUp: undefined };
      await this.scheduledBackup();
    } catch (err) {
      if (!(err instanceof DbOpenError)) throw err;
      this.fail(path, err);
    }
  }

  /**
   * A rolling backup (at each open and on the timer) when something changed since the last backup and the
   * newest one is older than the interval. A backup dated in the future (the clock was wrong, then corrected)
   * does not count as recent: it would otherwise stop every backup until that date.
   */
  async scheduledBackup(now = new Date()): Promise<void> {
    if (this.state.kind !== 'open') return;
    const open = this.state;
    const changes = totalChanges(open.store);
    if (changes === open.backedUp) return;
    const interval = this.options.backupIntervalMs || HOUR;
    const newest = listBackups(this.backupDir).find(
      (b) => b.reason !== 'set-aside' && Date.parse(b.createdAt) <= now.getTime(),
    );
    if (newest && now.getTime() - Date.parse(newest.createdAt) < interval) return;
    // First look since the database opened: it may be exactly what the newest backup holds (a restart without edits).
    if (open.backedUp === undefined && newest && sameContent(open.store.db, join(this.backupDir, newest.name))) {
      open.backedUp = changes;
      return;
    }
    try {
      await createBackup(open.store.db, this.backupDir, 'scheduled', this.options.keepBackups ?? 10, now);
      open.backedUp = changes;
    } catch (err) {
      this.options.log?.(`scheduled backup failed: ${String(err)}`);
    }
  }

  /**
   * Fold the WAL into phaen.sqlite once edits have stopped (no change since the previous look), so the file
   * alone is a complete copy for a user or sync tool that copies only it. Never mid-typing: a checkpoint
   * writes and syncs the main file, which would delay the autosave it ran beside.
   */
  checkpointWhenIdle(): void {
    if (this.state.kind !== 'open') return;
    const open = this.state;
    const changes = totalChanges(open.store);
    if (changes !== open.seen) {
      open.seen = changes;
      return;
    }
    if (changes === open.checkpointed) return;
    try {
      checkpoint(open.store.db);
      open.checkpointed = changes;
    } catch (err) {
      this.options.log?.(`checkpoint failed: ${String(err)}`);
    }
  }

  store(): Store {
    if (this.state.kind !== 'open') throw new AppError('db-unavailable', `${this.state.path}: ${this.state.reason}`);
    return this.state.store;
  }

  /** The open database, or null when it failed to open (the app then offers a backup or another file). */
  openStore(): Store | null {
    return this.state.kind === 'open' ? this.state.store : null;
  }

  status(hasDialogs: boolean, version: string): AppStatus {
    const database =
      this.state.kind === 'open'
        ? {
            state: 'open' as const,
            path: this.state.store.path,
            officeId: this.state.store.officeId,
            ...(this.state.store.movedFrom && {
              movedFrom: {
                path: this.state.store.movedFrom.path,
                host: this.state.store.movedFrom.host,
                unsent: unsentOwnEdits(this.state.store),
              },
            }),
          }
        : { state: 'failed' as const, path: this.state.path, reason: this.state.reason, detail: this.state.detail };
    return { database, backups: listBackups(this.backupDir), hasDialogs, version };
  }

  private currentPath(): string {
    return this.state.kind === 'open' ? this.state.store.path : this.state.path;
  }

  /**
   * Replace the database with a backup. Never under a live instance: when this session could not open the file
   * because another window holds it, renaming it would leave that window saving into a file nobody opens again.
   * The replaced file is kept as a 'set-aside' backup; if the swap fails (a read-only folder), the database
   * stays where it was and is opened again.
   */
  async restore(name: string): Promise<void> {
    const file = backupPath(this.backupDir, name);
    const path = this.currentPath();
    if (this.state.kind === 'failed') refuseIfHeld(path);
    const staged = stageRestore(file, path);
    // Closing checkpoints the WAL: the file set aside is the complete current state.
    this.closeStore();
    let aside: string | null;
    try {
      aside = completeRestore(staged, path, this.backupDir);
    } catch (err) {
      this.options.log?.(`restore of ${name} failed, ${path} left in place: ${String(err)}`);
      await this.openOrRecover(path, true);
      throw err;
    }
    this.options.log?.(`restored ${name}; previous file kept as ${aside ?? '(none)'}`);
    await this.openPath(path);
    // The restored file is new here, but it is this installation's own data, not a copy from elsewhere.
    if (this.state.kind === 'open' && this.state.store.movedFrom) await this.confirmMove(false);
  }

  /**
   * The answer to a moved or copied database: a copy takes a new office id (reopened, so the op log writes
   * under it), a move keeps it. Either way its location is recorded and the question is not asked again.
   */
  async confirmMove(newIdentity: boolean): Promise<void> {
    const store = this.store();
    if (newIdentity) {
      const old = store.officeId;
      store.takeNewIdentity();
      this.options.log?.(`${store.path}: a copy, new office id (was ${old})`);
    } else store.recordLocation();
    this.closeStore();
    await this.openPath(store.path);
  }

  /**
   * Switch to another database file (it is created if new) and remember the choice once it has opened: a
   * chosen file that fails is reported now, but the next start goes back to the one that worked.
   */
  async useDatabase(path: string): Promise<void> {
    this.closeStore();
    await this.openPath(path);
    if (this.state.kind === 'open')
      writeFileAtomic(this.configFile, `${JSON.stringify({ databasePath: path }, null, 2)}\n`);
  }

  /**
   * A new, empty database beside the current one; the old file stays where it was. Refused while another
   * window holds the current file: that database is fine, only in use, and switching would make every later
   * start open the empty file while the other window goes on saving into the one nobody opens again.
   */
  async startFresh(): Promise<void> {
    refuseIfHeld(this.currentPath());
    const stamp = new Date().toISOString().replace(/[-:.]/g, '');
    await this.useDatabase(join(this.options.dataDir, `phaen-${stamp}.sqlite`));
  }

  /** Try the same file again, e.g. after the other window that held it was closed. */
  async retry(): Promise<void> {
    if (this.state.kind === 'open') return;
    await this.openOrRecover(this.state.path, true);
  }

  private closeStore(): void {
    if (this.state.kind === 'open') this.state.store.close();
  }

  close(): void {
    for (const timer of this.timers.splice(0)) clearInterval(timer);
    this.closeStore();
  }
}
