import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { PACKAGE_EXTENSION } from '../../core/exchange/format.ts';
import { writeFileAtomic } from '../files.ts';
import type { Session } from '../session.ts';
import type { Store } from '../store/store.ts';
import { actionError } from './errors.ts';
import { buildPackage, recordingExport } from './export.ts';
import { importPackages, packageFilesIn, readIncoming, type ImportResult } from './import.ts';
import { setMeta } from './state.ts';
import { FOLDER_KEY, FOLDER_START_KEY, FOLDER_SYNCED_KEY, folderStatus } from './views.ts';

/**
 * Shared-folder mode: a folder that a sync engine (OneDrive, Google Drive, Nextcloud, Syncthing, an SMB share)
 * carries between offices. Each installation writes only `<plan id>/<office code>/<installation>-<number>`
 * files, never one another's, so the sync engine never sees two writers of one file. A sync imports the files
 * that are new or changed since it last looked (a file still arriving fails its checks and is tried again once
 * it changes).
 */

export function chooseFolder(store: Store, path: string): ReturnType<typeof folderStatus> {
  if (!existsSync(path) || !statSync(path).isDirectory()) {
    throw actionError('folderUnreadable', `${path} is not a folder`);
  }
  setMeta(store.db, FOLDER_KEY, path);
  return folderStatus(store);
}

export function clearFolder(store: Store): ReturnType<typeof folderStatus> {
  store.db.transaction(() => {
    setMeta(store.db, FOLDER_KEY, null);
    setMeta(store.db, FOLDER_SYNCED_KEY, null);
    setMeta(store.db, FOLDER_START_KEY, null);
    // Another folder later is looked at afresh.
    store.db.prepare('DELETE FROM exchange_folder_files').run();
  })();
  return folderStatus(store);
}

function requireFolder(store: Store): string {
  const root = folderStatus(store).path;
  if (root === null) throw actionError('noFolder', 'no shared folder chosen');
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw actionError('folderUnreadable', `shared folder ${root} is missing`);
  }
  return root;
}

/** A folder-relative path with "/" on every platform, as the file memory keys it. */
function key(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

function remember(store: Store, root: string, path: string, outcome: string, at: string): void {
  const stat = statSync(path, { throwIfNoEntry: false });
  // Gone since it was read (a sync engine moved it): nothing to remember, it is looked at again if it returns.
  if (!stat) return;
  store.db
    .prepare(
      `INSERT INTO exchange_folder_files (path, size, mtime_ms, outcome, checked_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(path) DO UPDATE SET size = excluded.size, mtime_ms = excluded.mtime_ms,
         outcome = excluded.outcome, checked_at = excluded.checked_at`,
    )
    .run(key(root, path), stat.size, Math.trunc(stat.mtimeMs), outcome, at);
}

/** Write this installation's package for a plan into the shared folder; returns the path written. */
export function exportToFolder(store: Store, planId: string, now = new Date()): { path: string; opCount: number } {
  const root = requireFolder(store);
  const built = buildPackage(store, planId, now);
  const { sender, seq } = built.file.manifest;
  const dir = join(root, planId, sender.code);
  mkdirSync(dir, { recursive: true });
  // The installation in the name keeps two PCs of one office apart; the number never reuses an existing name.
  let n = seq;
  const name = (k: number) =>
    join(dir, `${sender.actor.slice(0, 8)}-${String(k).padStart(6, '0')}${PACKAGE_EXTENSION}`);
  while (existsSync(name(n))) n++;
  const path = name(n);
  writeFileAtomic(
    path,
    built.text,
    recordingExport(store, built, key(root, path), () => remember(store, root, path, 'written', now.toISOString())),
  );
  return { path, opCount: built.file.manifest.opCount };
}

interface SyncOptions {
  readonly now?: Date;
  readonly log?: (m: string) => void;
  /** The app's own sync at start: its outcome is kept for the screens to show (FolderStatus.atStart). */
  readonly atStart?: boolean;
}

/** Import every package in the shared folder not looked at in its current form. */
export function syncFolder(store: Store, options: SyncOptions = {}): ImportResult {
  const root = requireFolder(store);
  const now = options.now ?? new Date();
  const seen = new Map(
    (
      store.db.prepare('SELECT path, size, mtime_ms AS mtimeMs FROM exchange_folder_files').all() as {
        path: string;
        size: number;
        mtimeMs: number;
      }[]
    ).map((r) => [r.path, r]),
  );
  let files: string[];
  try {
    files = packageFilesIn(root);
  } catch (err) {
    throw actionError('folderUnreadable', `shared folder ${root}: ${String(err)}`);
  }
  const fresh = files.filter((path) => {
    const before = seen.get(key(root, path));
    const stat = statSync(path, { throwIfNoEntry: false });
    // A file that vanished between listing and looking is not there; readIncoming names any other failure.
    if (!stat) return false;
    return !before || before.size !== stat.size || before.mtimeMs !== Math.trunc(stat.mtimeMs);
  });
  const incoming = fresh.map((path) => readIncoming(path, key(root, path)));
  return importPackages(store, incoming, {
    now,
    ...(options.log ? { log: options.log } : {}),
    alsoInTransaction: (outcomes) => {
      for (const [i, path] of fresh.entries()) remember(store, root, path, outcomes[i]!.status, now.toISOString());
      setMeta(store.db, FOLDER_SYNCED_KEY, now.toISOString());
      if (options.atStart) {
        setMeta(store.db, FOLDER_START_KEY, JSON.stringify({ at: now.toISOString(), packages: outcomes }));
      }
    },
  });
}

/**
 * At start, with a database open and a shared folder chosen: import what the other offices put there while
 * the app was closed, as "sync" would. Shared by the desktop app and browser mode. Never throws: a folder that
 * is not there yet (a network drive not connected) is logged and the app starts as usual; the user can sync
 * later. Synchronous like every database call, so requests that arrive meanwhile see its outcome.
 */
export function syncFolderAtStart(session: Session, log: (m: string) => void = () => {}): void {
  const store = session.openStore();
  if (store === null || folderStatus(store).path === null) return;
  try {
    // An earlier start's outcome is not shown as this one's, should this sync fail.
    setMeta(store.db, FOLDER_START_KEY, null);
    const { packages } = syncFolder(store, { log, atStart: true });
    const imported = packages.filter((p) => p.status === 'imported').length;
    const refused = packages.filter((p) => p.status === 'rejected').length;
    log(`shared folder at start: ${packages.length} new files, ${imported} imported, ${refused} refused`);
  } catch (err) {
    log(`shared folder not synced at start: ${String(err)}`);
  }
}
