import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../core/errors.ts';
import { fileProblem } from './files.ts';
import { BackupReason, type BackupInfo } from '../core/contract.ts';

/**
 * Online backups with SQLite's backup API (a consistent copy while the app keeps running), named so that a
 * listing sorts by time: phaen-<UTC stamp>-<reason>.sqlite. Kept per reason: the last `keep` of each, except
 * files a restore set aside, which are the user's data and are never pruned.
 */
const NAME = /^phaen-(\d{8}T\d{9}Z)-([a-z-]+)\.sqlite$/;
/** A WAL (and its index) beside a set-aside file belongs to it: listed in its size, moved and restored with it. */
const SIDECARS = ['-wal', '-shm'] as const;

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

function parseStamp(s: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(s)!;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`;
}

function sizeWithWal(path: string): number {
  const wal = `${path}-wal`;
  return statSync(path).size + (existsSync(wal) ? statSync(wal).size : 0);
}

export function listBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return [];
  const out: BackupInfo[] = [];
  for (const name of readdirSync(dir)) {
    const m = NAME.exec(name);
    const reason = m && BackupReason.safeParse(m[2]);
    if (!m || !reason?.success) continue;
    out.push({ name, reason: reason.data, createdAt: parseStamp(m[1]!), bytes: sizeWithWal(join(dir, name)) });
  }
  return out.sort((a, b) => b.name.localeCompare(a.name));
}

/** A free name for a backup taken at `now` (two in one millisecond get consecutive stamps). */
function freeName(dir: string, reason: BackupInfo['reason'], now: Date): string {
  let name = `phaen-${stamp(now)}-${reason}.sqlite`;
  for (let i = 1; existsSync(join(dir, name)); i++)
    name = `phaen-${stamp(new Date(now.getTime() + i))}-${reason}.sqlite`;
  return name;
}

/**
 * Fold the WAL into the main file, so phaen.sqlite alone is a complete copy for a user or a sync tool that
 * copies only it (without this the file stays at its first few pages while the WAL grows). TRUNCATE also
 * empties the WAL. A connection of another process may hold readers; then the checkpoint is partial, harmless.
 */
export function checkpoint(db: Database.Database): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}

export async function createBackup(
  db: Database.Database,
  dir: string,
  reason: BackupInfo['reason'],
  keep: number,
  now = new Date(),
): Promise<BackupInfo> {
  mkdirSync(dir, { recursive: true });
  const name = freeName(dir, reason, now);
  // Write under a temporary name and rename: a crash mid-backup never leaves a file that looks complete.
  const tmp = join(dir, `${name}.partial`);
  try {
    checkpoint(db);
    await db.backup(tmp);
    renameSync(tmp, join(dir, name));
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new AppError(fileErrorCode(err, 'backup-failed'), err instanceof Error ? err.message : String(err));
  }
  prune(dir, reason, keep, name);
  return listBackups(dir).find((b) => b.name === name)!;
}

/** The oldest beyond `keep`, by name; never the one just written (a clock set back makes it sort oldest). */
function prune(dir: string, reason: BackupInfo['reason'], keep: number, justWritten: string): void {
  if (reason === 'set-aside') return;
  const mine = listBackups(dir).filter((b) => b.reason === reason && b.name !== justWritten);
  for (const old of mine.slice(keep - 1)) rmSync(join(dir, old.name), { force: true });
}

/** Resolve a backup name from the renderer to a file in `dir`, refusing anything that is not one of ours. */
export function backupPath(dir: string, name: string): string {
  if (basename(name) !== name || !NAME.test(name) || !existsSync(join(dir, name))) {
    throw new AppError('not-found', `no backup named ${JSON.stringify(name)}`);
  }
  return join(dir, name);
}

/**
 * A digest of every row of every table: equal for a database and a backup of it, so an unchanged database is
 * not backed up again at each start. Read in storage order (a backup copies the pages, so the order matches;
 * a mismatch only costs one more backup).
 */
function contentDigest(db: Database.Database): string {
  const hash = createHash('sha256');
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  for (const table of tables) {
    hash.update(`\0${table}\0`);
    for (const row of db.prepare(`SELECT * FROM "${table}"`).raw().iterate()) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

/**
 * True when the backup file holds exactly the rows of `db` (false for a backup that cannot be read). A backup
 * keeps the database's WAL mode, so reading it makes a -wal and -shm beside it that a read-only connection leaves
 * behind; they are removed, or the backup folder would list them as part of the backup and a restore carry them.
 */
export function sameContent(db: Database.Database, backupFile: string): boolean {
  const made = SIDECARS.map((suffix) => `${backupFile}${suffix}`).filter((path) => !existsSync(path));
  let copy: Database.Database | undefined;
  try {
    copy = new Database(backupFile, { readonly: true, fileMustExist: true });
    return contentDigest(copy) === contentDigest(db);
  } catch {
    return false;
  } finally {
    copy?.close();
    for (const path of made) rmSync(path, { force: true });
  }
}

/**
 * Errors of the file system that the user can act on: a folder or file they may not write to (a read-only
 * share, a file marked read-only, a write-protected USB stick). Anything else keeps `fallback`.
 */
function fileErrorCode<C extends AppError['code']>(err: unknown, fallback: C): C | 'read-only' {
  return fileProblem(err) === 'notAllowed' ? 'read-only' : fallback;
}

/** Rename, or copy then delete across volumes (a database on a USB stick, backups on the disk). */
function move(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (err) {
    if ((err as { code?: string }).code !== 'EXDEV') throw err;
    copyFileSync(from, to);
    rmSync(from);
  }
}

/** A backup copied beside the database, ready to take its place. */
interface StagedRestore {
  readonly tmp: string;
  /** Sidecars copied with it: the WAL of a set-aside backup. */
  readonly sidecars: readonly string[];
}

/**
 * First half of a restore, done while the database is still open: copy the backup (and the WAL of a set-aside
 * one) beside the database under a temporary name. A folder that cannot be written fails here, before anything
 * was closed or moved.
 */
export function stageRestore(backupFile: string, dbPath: string): StagedRestore {
  const tmp = `${dbPath}.restoring`;
  const sidecars = SIDECARS.filter((s) => s === '-wal' && existsSync(backupFile + s));
  try {
    copyFileSync(backupFile, tmp);
    for (const s of sidecars) copyFileSync(backupFile + s, tmp + s);
  } catch (err) {
    for (const p of [tmp, ...sidecars.map((s) => tmp + s)]) rmSync(p, { force: true });
    throw new AppError(fileErrorCode(err, 'internal'), err instanceof Error ? err.message : String(err));
  }
  return { tmp, sidecars };
}

/**
 * Second half, with the database closed: move the current file (and its WAL) into the backup folder as a
 * 'set-aside' backup, never deleted, so the restore list can undo the restore; then put the staged copy in
 * its place. Returns the set-aside path (null when there was no file).
 */
export function completeRestore(
  staged: StagedRestore,
  dbPath: string,
  backupDir: string,
  now = new Date(),
): string | null {
  // A WAL left without its database still goes aside: beside the restored file it would be replayed into it.
  const current = [dbPath, ...SIDECARS.map((s) => dbPath + s)].filter((p) => existsSync(p));
  let aside: string | null = null;
  if (current.length > 0) {
    mkdirSync(backupDir, { recursive: true });
    aside = join(backupDir, freeName(backupDir, 'set-aside', now));
    for (const p of current) move(p, aside + p.slice(dbPath.length));
  }
  for (const s of staged.sidecars) renameSync(staged.tmp + s, dbPath + s);
  renameSync(staged.tmp, dbPath);
  return aside;
}

/**
 * Earlier releases left the replaced file beside the database as <db>.before-restore-<stamp>, listed nowhere.
 * Move such files into the backup folder as set-aside backups, so the restore list shows them.
 */
export function adoptSetAside(dbPath: string, backupDir: string): void {
  const prefix = `${basename(dbPath)}.before-restore-`;
  const folder = dirname(dbPath);
  if (!existsSync(folder)) return;
  for (const file of readdirSync(folder)) {
    const stampText = file.startsWith(prefix) ? file.slice(prefix.length) : '';
    if (!/^\d{8}T\d{9}Z$/.test(stampText)) continue;
    mkdirSync(backupDir, { recursive: true });
    const target = join(backupDir, `phaen-${stampText}-set-aside.sqlite`);
    if (existsSync(target)) continue;
    for (const s of ['', ...SIDECARS]) {
      const from = join(folder, file + s);
      if (existsSync(from)) move(from, target + s);
    }
  }
}
