import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../core/errors.ts';
import { BackupReason, type BackupInfo } from '../core/contract.ts';

/**
 * Online backups with SQLite's backup API (a consistent copy while the app keeps running), named so that a
 * listing sorts by time: phaen-<UTC stamp>-<reason>.sqlite. Kept per reason: the last `keep` of each.
 */
const NAME = /^phaen-(\d{8}T\d{9}Z)-([a-z-]+)\.sqlite$/;

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

function parseStamp(s: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(s)!;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`;
}

export function listBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return [];
  const out: BackupInfo[] = [];
  for (const name of readdirSync(dir)) {
    const m = NAME.exec(name);
    const reason = m && BackupReason.safeParse(m[2]);
    if (!m || !reason?.success) continue;
    out.push({ name, reason: reason.data, createdAt: parseStamp(m[1]!), bytes: statSync(join(dir, name)).size });
  }
  return out.sort((a, b) => b.name.localeCompare(a.name));
}

export async function createBackup(
  db: Database.Database,
  dir: string,
  reason: BackupInfo['reason'],
  keep: number,
  now = new Date(),
): Promise<BackupInfo> {
  mkdirSync(dir, { recursive: true });
  let name = `phaen-${stamp(now)}-${reason}.sqlite`;
  for (let i = 1; existsSync(join(dir, name)); i++)
    name = `phaen-${stamp(new Date(now.getTime() + i))}-${reason}.sqlite`;
  // Write under a temporary name and rename: a crash mid-backup never leaves a file that looks complete.
  const tmp = join(dir, `${name}.partial`);
  try {
    await db.backup(tmp);
    renameSync(tmp, join(dir, name));
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new AppError('backup-failed', err instanceof Error ? err.message : String(err));
  }
  prune(dir, reason, keep);
  return listBackups(dir).find((b) => b.name === name)!;
}

function prune(dir: string, reason: BackupInfo['reason'], keep: number): void {
  const mine = listBackups(dir).filter((b) => b.reason === reason);
  for (const old of mine.slice(keep)) rmSync(join(dir, old.name), { force: true });
}

/** Resolve a backup name from the renderer to a file in `dir`, refusing anything that is not one of ours. */
export function backupPath(dir: string, name: string): string {
  if (basename(name) !== name || !NAME.test(name) || !existsSync(join(dir, name))) {
    throw new AppError('not-found', `no backup named ${JSON.stringify(name)}`);
  }
  return join(dir, name);
}

/**
 * Put a backup in place of the database file. The current file (and its WAL) is moved aside, never deleted,
 * so a restore can itself be undone by hand. The database must be closed.
 */
export function restoreFile(backupFile: string, dbPath: string, now = new Date()): string {
  const aside = `${dbPath}.before-restore-${stamp(now)}`;
  const tmp = `${dbPath}.restoring`;
  copyFileSync(backupFile, tmp);
  if (existsSync(dbPath)) renameSync(dbPath, aside);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(dbPath + suffix)) renameSync(dbPath + suffix, aside + suffix);
  }
  renameSync(tmp, dbPath);
  return aside;
}
