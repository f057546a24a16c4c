import { z } from 'zod';

/**
 * Errors that cross the process boundary. Electron's IPC keeps only an Error's message, so handlers return a
 * typed envelope instead of throwing: the renderer shows `errors.<code>` in Thai or English and the English
 * `detail` goes to the log.
 */
export const ErrorCode = z.enum([
  'invalid-input', // the payload failed the channel's schema
  'not-found',
  'db-unavailable', // the database could not be opened; see app.status
  'invalid-file', // an imported file is not a valid plan file
  'file-too-large',
  'newer-format', // a file written by a newer Phaen
  'nothing-to-undo',
  'nothing-to-redo',
  'backup-failed',
  'db-in-use', // another running instance holds the database: it may not be replaced under it
  'read-only', // a folder or file Phaen may not write to
  'cancelled',
  'forbidden', // a request from an unknown sender or without the bridge token
  'disconnected', // browser mode: the program serving this page stopped (no answer at all)
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/**
 * The first of a file's problems, located in codes that each side names in its reader's language
 * (core/entityLabels.ts problemSentenceValues): the row's kind and field, its year, the row or parent that has a
 * name, the message key with its values (core/validity.ts problemValues), and how many other problems follow.
 */
export const FieldProblem = z.object({
  entity: z.string(),
  field: z.string(),
  year: z.number().optional(),
  named: z.object({ entity: z.string(), name: z.string() }).optional(),
  message: z.string(),
  values: z.record(z.string(), z.union([z.string(), z.number()])),
  more: z.number().int().nonnegative(),
});
export type FieldProblem = z.infer<typeof FieldProblem>;

export const AppErrorShape = z.object({
  code: ErrorCode,
  detail: z.string(),
  /** Per-field i18n message keys, for a form to show next to each field. */
  fields: z.record(z.string(), z.string()).optional(),
  /** A refused file's first problem, for a message that says where it is. */
  problem: FieldProblem.optional(),
});
export type AppErrorShape = z.infer<typeof AppErrorShape>;

export class AppError extends Error {
  override readonly name = 'AppError';
  readonly code: ErrorCode;
  readonly detail: string;
  readonly fields?: Record<string, string>;
  readonly problem?: FieldProblem;

  // Plain fields, not parameter properties: Node's type stripping (bench, child processes in tests) cannot erase those.
  constructor(code: ErrorCode, detail: string, fields?: Record<string, string>, problem?: FieldProblem) {
    super(`${code}: ${detail}`);
    this.code = code;
    this.detail = detail;
    if (fields !== undefined) this.fields = fields;
    if (problem !== undefined) this.problem = problem;
  }

  toShape(): AppErrorShape {
    return {
      code: this.code,
      detail: this.detail,
      ...(this.fields ? { fields: this.fields } : {}),
      ...(this.problem ? { problem: this.problem } : {}),
    };
  }
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppErrorShape };

/**
 * Field issues of a zod error as i18n keys by dotted path, first issue per path. Unknown keys of a strict
 * object are reported each under its own path, so the message names the field rather than its object.
 */
export function fieldIssues(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const paths = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
    for (const path of paths) {
      const key = path.map(String).join('.') || '_';
      if (!(key in out)) out[key] = issue.message;
    }
  }
  return out;
}
