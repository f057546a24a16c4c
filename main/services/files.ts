import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../core/errors.ts';

/**
 * Write a whole file or nothing: a temporary file beside the target, flushed to disk, then renamed over it.
 * A crash or a full disk mid-write leaves the previous file (if any) untouched. `commit` runs the rename
 * (`place`) inside what must succeed with it, such as the database transaction that records the file: if it
 * throws after placing the file, the file is removed again.
 */
export function writeFileAtomic(
  path: string,
  content: string | Uint8Array,
  commit: (place: () => void) => void = (place) => place(),
): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx');
    // writeFileSync loops until every byte is written: a single writeSync stops short on a full disk without
    // an error, and the short file was then renamed into place as if whole.
    writeFileSync(fd, content);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    let placed = false;
    try {
      commit(() => {
        renameSync(tmp, path);
        placed = true;
      });
    } catch (err) {
      if (placed) rmSync(path, { force: true });
      throw err;
    }
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Read a text file the user chose, refusing oversized ones before reading them into memory. */
export function readTextFile(path: string, maxBytes: number): string {
  const size = statSync(path).size;
  if (size > maxBytes) throw new AppError('file-too-large', `${path}: ${size} bytes, limit ${maxBytes}`);
  return readFileSync(path, 'utf8');
}

/**
 * A file name from a plan's title: characters no file system accepts (Windows' \\ / : * ? " < > |) and runs of
 * spaces become one space, cut to `max` characters; "plan" when nothing is left.
 */
export function safeFileName(title: string, max: number): string {
  return (
    title
      .replace(/[\\/:*?"<>|]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, max) || 'plan'
  );
}

export type FileProblem =
  | 'missing' // no such file (reading)
  | 'noFolder' // the folder to write into does not exist
  | 'notFolder' // a part of the path that must be a folder is a file
  | 'isFolder' // the file named is a folder
  | 'notAllowed' // no permission, or a read-only disk
  | 'diskFull'
  | 'writeFailed' // the system refused a write without saying why (SQLite's I/O error): a full or failing disk
  | 'tooLarge' // a file to read that is larger than the command accepts
  | 'other';

/**
 * Node's and SQLite's error codes as the reason a user can act on: one table for the command line's messages
 * (cli/files.ts) and the backups' read-only refusal (backup.ts). SQLite says SQLITE_FULL for a full disk,
 * SQLITE_READONLY(_…) for a file or folder it may not write, and SQLITE_IOERR(_…) without the system's reason
 * for any other failed write (a disk that filled as the write ended, a failed drive, a file size limit).
 */
export function fileProblem(err: unknown): FileProblem {
  if (err instanceof AppError && err.code === 'file-too-large') return 'tooLarge';
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code?.startsWith('SQLITE_READONLY')) return 'notAllowed';
  if (code?.startsWith('SQLITE_IOERR')) return 'writeFailed';
  switch (code) {
    case 'ENOENT':
      return 'missing';
    case 'ENOTDIR':
      return 'notFolder';
    case 'EISDIR':
      return 'isFolder';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'notAllowed';
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EFBIG':
    case 'SQLITE_FULL':
      return 'diskFull';
    default:
      return 'other';
  }
}

/**
 * Whether SQLite failed for the file system's sake (a full disk, a file or folder it may not write, a failed
 * drive), not for a statement of ours: the transaction is then rolled back and the user can act on the reason.
 */
export function isStorageFault(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(FULL|READONLY|IOERR|CANTOPEN)/.test(code);
}
