import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../core/errors.ts';

/**
 * Write a whole file or nothing: a temporary file beside the target, flushed to disk, then renamed over it.
 * A crash or a full disk mid-write leaves the previous file (if any) untouched.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
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
    renameSync(tmp, path);
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
  | 'tooLarge' // a file to read that is larger than the command accepts
  | 'other';

/**
 * Node's error codes as the reason a user can act on: one table for the command line's messages
 * (cli/files.ts) and the backups' read-only refusal (backup.ts).
 */
export function fileProblem(err: unknown): FileProblem {
  if (err instanceof AppError && err.code === 'file-too-large') return 'tooLarge';
  const code = (err as NodeJS.ErrnoException | null)?.code;
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
      return 'diskFull';
    default:
      return 'other';
  }
}
