import type { Translate } from '../core/pdf/options.ts';
import { translator } from '../services/locales.ts';

/**
 * What every command of the command line gets: where the shipped resources are, where to write, and messages
 * in Thai then English (a batch job's log is read by whoever runs it, in either language). Commands return
 * the process exit code: 0 done, 1 failed (nothing written), 2 wrong usage, 3 done in part (an import of
 * several files of which some were refused: the good ones are written, the refused ones named).
 */
export interface CliIo {
  readonly resourcesDir: string;
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
}

export interface CliContext extends CliIo {
  /**
   * The message of `key` in Thai and in English, one line each. Values that are words themselves (a row's
   * kind, a field's name) are given as a function of the language's translator, so each line has its own.
   */
  message(key: string, values?: MessageValues): string;
  /** The Thai translation, for documents made by a command. */
  readonly t: Translate;
}

export interface CliCommand {
  /** The first argument that selects the command, e.g. "pdf". */
  readonly name: string;
  /** Locale key of its usage line. */
  readonly usage: string;
  run(args: readonly string[], ctx: CliContext): Promise<number>;
}

export type MessageValues = Record<string, unknown> | ((t: Translate) => Record<string, unknown>);

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
export const EXIT_PARTIAL = 3;

export function cliContext(io: CliIo): CliContext {
  const th = translator(io.resourcesDir, 'th');
  const en = translator(io.resourcesDir, 'en');
  const line = (t: Translate, key: string, values?: MessageValues) =>
    t(key, typeof values === 'function' ? values(t) : values);
  return { ...io, t: th, message: (key, values) => `${line(th, key, values)}\n${line(en, key, values)}` };
}

/** `--name value` and `--flag` options after the positional arguments, checked against what a command knows. */
export function parseArgs(
  args: readonly string[],
  known: { readonly flags: readonly string[]; readonly values: readonly string[] },
): { positional: string[]; flags: Set<string>; values: Map<string, string>; unknown: string[] } {
  const positional: string[] = [];
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const unknown: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) positional.push(arg);
    else if (known.flags.includes(arg)) flags.add(arg);
    else if (known.values.includes(arg) && i + 1 < args.length) values.set(arg, args[++i]!);
    else unknown.push(arg);
  }
  return { positional, flags, values, unknown };
}
