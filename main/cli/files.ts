import { existsSync, statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { problemSentenceValues } from '../core/entityLabels.ts';
import { AppError } from '../core/errors.ts';
import { fileProblem, isStorageFault, writeFileAtomic, type FileProblem } from '../services/files.ts';
import type { CliContext } from './command.ts';

/**
 * The files a command reads and writes, and what it says when one cannot be: a Thai line and its English one
 * naming the file and the reason (`cli.file.<problem>`), then the system's English detail, never a stack trace.
 * An output is checked before the work that makes it (a long render is not spent on a folder that is not
 * there), then written whole or not at all (services/files.ts writeFileAtomic): an existing file is replaced
 * only by the complete new one.
 */

/** Says why `file` could not be read or written (`reading` picks the words), with the English detail. */
export function reportFileError(err: unknown, file: string, reading: boolean, ctx: CliContext): void {
  const problem = fileProblem(err);
  // Writing, a missing entry is the folder: the file itself is new.
  const key = !reading && problem === 'missing' ? 'noFolder' : problem;
  ctx.stderr(ctx.message(`cli.file.${key}`, { file, folder: dirname(resolve(file)) }));
  const detail = err instanceof AppError ? err.detail : err instanceof Error ? err.message : String(err);
  // SQLite's messages ("disk I/O error") leave out the code that says which; Node's begin with it.
  const code = (err as { code?: unknown } | null)?.code;
  ctx.stderr(typeof code === 'string' && !detail.includes(code) ? `${code}: ${detail}` : detail);
}

/** Why `path` cannot take an output file, before anything is made; null when it can. */
export function outputProblem(path: string): FileProblem | null {
  if (path.endsWith(sep) || path.endsWith('/')) return existsSync(path) ? 'isFolder' : 'noFolder';
  if (existsSync(path) && statSync(path).isDirectory()) return 'isFolder';
  const folder = dirname(resolve(path));
  if (!existsSync(folder)) {
    // A file where a folder should be, somewhere up the path, is a different mistake from a missing folder.
    for (let up = dirname(folder); ; up = dirname(up)) {
      if (existsSync(up)) return statSync(up).isDirectory() ? 'noFolder' : 'notFolder';
      if (up === dirname(up)) return 'noFolder';
    }
  }
  return statSync(folder).isDirectory() ? null : 'notFolder';
}

/** Checks an output before the work starts; false when it cannot be written, which is said. */
export function checkOutput(path: string, ctx: CliContext): boolean {
  const problem = outputProblem(path);
  if (problem === null) return true;
  ctx.stderr(ctx.message(`cli.file.${problem}`, { file: path, folder: problemFolder(path, problem) }));
  return false;
}

function problemFolder(path: string, problem: FileProblem): string {
  if (problem === 'isFolder') return resolve(path);
  return path.endsWith(sep) || path.endsWith('/') ? resolve(path) : dirname(resolve(path));
}

/**
 * Writes the output whole or not at all, `commit` around placing it (services/files.ts writeFileAtomic); false
 * when the file could not be written, which is said (nothing written). A database fault in `commit` is the
 * database's to report: thrown.
 */
export function writeOutput(
  path: string,
  content: string | Uint8Array,
  ctx: CliContext,
  commit?: (place: () => void) => void,
): boolean {
  if (!checkOutput(path, ctx)) return false;
  try {
    writeFileAtomic(path, content, commit);
    return true;
  } catch (err) {
    if (isStorageFault(err)) throw err;
    reportFileError(err, path, false, ctx);
    return false;
  }
}

/**
 * A plan file that is not one (services/planFile.ts parsePlanFile): the command's refusal (`key`), where the
 * first problem is, in Thai and English, and the English detail for the log.
 */
export function reportInvalidPlan(err: AppError, key: string, file: string, ctx: CliContext): void {
  ctx.stderr(ctx.message(key, { file }));
  const problem = err.problem;
  if (problem) ctx.stderr(ctx.message('planFile.problem', (t) => problemSentenceValues(t, problem)));
  ctx.stderr(err.detail);
}
