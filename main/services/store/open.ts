import { accessSync, closeSync, constants, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { DbFailure } from '../../core/contract.ts';
import { LATEST_VERSION, schemaVersion } from './migrations.ts';

/** Why a database file cannot be used; the file itself is left exactly as it was. */
export class DbOpenError extends Error {
  override readonly name = 'DbOpenError';
  readonly reason: DbFailure;
  readonly detail: string;

  constructor(reason: DbFailure, detail: string) {
    super(`${reason}: ${detail}`);
    this.reason = reason;
    this.detail = detail;
  }
}

const SQLITE_HEADER = 'SQLite format 3\0';

function hasSqliteHeader(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    return readSync(fd, buf, 0, 16, 0) === 16 && buf.toString('latin1') === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}

function classify(err: unknown): DbOpenError {
  const code = (err as { code?: string }).code ?? '';
  const message = err instanceof Error ? err.message : String(err);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new DbOpenError('locked', message);
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) return new DbOpenError('corrupt', message);
  // A file marked read-only, or a folder where the WAL cannot be created: readable, but not for us to write.
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return new DbOpenError('read-only', message);
  return new DbOpenError('unreadable', `${code} ${message}`.trim());
}

/**
 * Look at an existing file read-only before anything may write to it: a file that is not SQLite, fails
 * quick_check, has a schema from a newer Phaen, or is held by another instance is reported, not "repaired".
 * Returns the file's schema version (0 for a missing or empty file).
 */
export function inspect(path: string, latest = LATEST_VERSION): number {
  if (!existsSync(path) || statSync(path).size === 0) return 0;
  let header: boolean;
  try {
    header = hasSqliteHeader(path);
  } catch (err) {
    throw classify(err); // not even readable (no permission): "unreadable", not an unexplained crash
  }
  if (!header) throw new DbOpenError('corrupt', 'not an SQLite database (bad header)');
  // A read-only connection to a WAL file creates empty -wal and -shm files beside it and leaves them there;
  // remove the ones this look created, so a file we refuse is left exactly as we found it.
  const created = ['-wal', '-shm'].map((s) => path + s).filter((p) => !existsSync(p));
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, timeout: 200 });
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new DbOpenError('corrupt', `quick_check: ${String(check)}`);
    const version = schemaVersion(db);
    if (version > latest) {
      throw new DbOpenError('newer-schema', `schema version ${version} is newer than this app's ${latest}`);
    }
    return version;
  } catch (err) {
    if (err instanceof DbOpenError) throw err;
    const failure = classify(err);
    // A WAL database in a folder we may not write cannot even be read (SQLite must create its -shm there):
    // read-only, which the user can change, rather than unreadable.
    const readOnly = failure.reason === 'unreadable' ? notWritable(path) : null;
    throw readOnly ? new DbOpenError('read-only', `${readOnly} is not writable: ${String(err)}`) : failure;
  } finally {
    db?.close();
    for (const p of created)
      if (existsSync(p) && (p.endsWith('-shm') || statSync(p).size === 0)) rmSync(p, { force: true });
  }
}

/** 8,000 pages of 4 KiB: at most about 32 MB of WAL before a write folds it in. */
const WAL_AUTOCHECKPOINT_PAGES = 8_000;

/**
 * Open for writing with the durability settings every store uses:
 * - WAL: readers never block the autosave writer, and a crash mid-write leaves the last commit intact;
 * - synchronous=FULL: a district office PC may lose power; an edit the UI showed as saved must survive it;
 * - locking_mode=EXCLUSIVE: a second instance (or a second browser-mode server) gets "locked" instead of
 *   interleaving its own clock and undo history with ours;
 * - foreign_keys on;
 * - wal_autocheckpoint raised from SQLite's 1,000 pages: a plan edit writes 10–11 pages (the op, its group, the
 *   row and their indexes, at random places in a large file), so the default folded the WAL into the main file
 *   inside every 70th autosave, and that autosave then waited for the fold. The session checkpoints in quiet
 *   moments (session.ts checkpointWhenIdle), so in use the WAL stays small; the higher limit only bounds it
 *   during a long burst of writes with no pause.
 */
export function openForWrite(path: string): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { timeout: 200 });
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
    // Take the lock now, not at the first edit, so a second instance fails at start.
    db.prepare('BEGIN IMMEDIATE').run();
    db.prepare('COMMIT').run();
    return db;
  } catch (err) {
    db?.close();
    const readOnly = notWritable(path);
    throw readOnly ? new DbOpenError('read-only', `${readOnly} is not writable: ${String(err)}`) : classify(err);
  }
}

/**
 * SQLite quietly opens a file it may not write as read-only and fails later with varying codes (READONLY,
 * IOERR_LOCK, CANTOPEN for the WAL): ask the file system instead. The folder counts too: the WAL is created there.
 */
function notWritable(path: string): string | null {
  for (const p of [path, dirname(path)]) {
    try {
      accessSync(p, constants.W_OK);
    } catch {
      return p;
    }
  }
  return null;
}
