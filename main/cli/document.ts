import { extname } from 'node:path';
import { AppError } from '../core/errors.ts';
import { QUARTERS, type Quarter } from '../core/monitoring.ts';
import { reportPeriodProblem } from '../core/monitoringReport.ts';
import { CHAPTERS, PdfKind, type PdfOptions } from '../core/pdf/options.ts';
import { planView, type BuildInput, type PlanSource } from '../core/pdf/source.ts';
import { MAX_PLAN_FILE_BYTES } from '../core/planFile.ts';
import { readTextFile } from '../services/files.ts';
import { today } from '../core/thaiDate.ts';
import { planSourceFromFile } from '../services/pdf/source.ts';
import { parsePlanFile } from '../services/planFile.ts';
import { installThaiLexicon } from '../services/thaiLexicon.ts';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, parseArgs, type CliCommand, type CliContext } from './command.ts';
import { checkOutput, reportFileError, reportInvalidPlan, writeOutput } from './files.ts';

/**
 * `phaen pdf|docx plan.json out [--handout summary|map] [--thai-digits] [--lists] [--words words.txt]`: the
 * plan's documents from the plan file format (core/planFile.ts), checked whole before anything is made, one
 * command per format over the same document model (cli/pdf.ts, cli/docx.ts). `--words` names a text file of
 * extra words for Thai line breaking, one a line (what users add in the app's print settings; plan files do
 * not carry them); `--lists` adds the lists of tables and figures. The file is written whole or not at all:
 * an invalid plan or a failed render leaves no file and an existing one as it was.
 */

export interface DocumentFormat {
  /** The command's name, "pdf" or "docx". */
  readonly name: string;
  /** Where its messages are in the locale files: `<messages>.usage`, `.written` … */
  readonly messages: string;
  /** Started before the plan is read: work that can run meanwhile (the PDF worker loading its engine). */
  prepare?(ctx: CliContext, userWords: readonly string[]): void;
  /** The document's bytes; Thai line breaking already knows the users' words. */
  render(kind: PdfKind, input: BuildInput, ctx: CliContext, userWords: readonly string[]): Promise<Uint8Array>;
}
/** A word list is a few hundred lines; anything near this is not one. */
const MAX_WORDS_FILE_BYTES = 1_000_000;

export function documentCommand(format: DocumentFormat): CliCommand {
  const key = (name: string) => `${format.messages}.${name}`;
  return {
    name: format.name,
    usage: key('usage'),
    async run(args, ctx) {
      const { positional, flags, values, unknown } = parseArgs(args, {
        flags: ['--thai-digits', '--lists'],
        values: ['--handout', '--words'],
      });
      if (unknown.length > 0) {
        ctx.stderr(ctx.message(key('badOption'), { option: unknown[0] }));
        ctx.stderr(ctx.message(key('usage')));
        return EXIT_USAGE;
      }
      const [input, output] = positional;
      if (!input || !output || positional.length > 2) {
        ctx.stderr(ctx.message(key('badArguments')));
        ctx.stderr(ctx.message(key('usage')));
        return EXIT_USAGE;
      }
      const handout = values.get('--handout');
      const kind = handout === undefined ? 'plan' : PdfKind.exclude(['plan', 'report']).safeParse(handout).data;
      if (!kind) {
        ctx.stderr(ctx.message(key('badHandout')));
        ctx.stderr(ctx.message(key('usage')));
        return EXIT_USAGE;
      }
      if (!checkOutput(output, ctx)) return EXIT_FAILED;

      const userWords = loadWords(values.get('--words'), key, ctx);
      if (!userWords) return EXIT_FAILED;
      format.prepare?.(ctx, userWords);
      const source = loadSource(input, key, ctx);
      if (!source) return EXIT_FAILED;
      const options: PdfOptions = {
        language: 'th',
        thaiDigits: flags.has('--thai-digits'),
        chapters: CHAPTERS,
        date: today(),
        captionLists: flags.has('--lists'),
      };
      if (!(await write(format, kind, { source, options, t: ctx.t }, output, key, ctx, userWords))) return EXIT_FAILED;
      ctx.stdout(ctx.message(key('written'), { file: output }));
      return EXIT_OK;
    },
  };
}

/** The words file's lines (none without one); null when it cannot be read, which is said. */
function loadWords(file: string | undefined, key: (name: string) => string, ctx: CliContext): string[] | null {
  if (file === undefined) return [];
  try {
    return readTextFile(file, MAX_WORDS_FILE_BYTES).split('\n');
  } catch (err) {
    ctx.stderr(ctx.message(key('unreadable'), { file }));
    reportFileError(err, file, true, ctx);
    return null;
  }
}

/** The plan file, checked whole; null when it cannot be read or is not a plan, which is said. */
function loadSource(file: string, key: (name: string) => string, ctx: CliContext): PlanSource | null {
  let text: string;
  try {
    text = readTextFile(file, MAX_PLAN_FILE_BYTES);
  } catch (err) {
    ctx.stderr(ctx.message(key('unreadable'), { file }));
    reportFileError(err, file, true, ctx);
    return null;
  }
  try {
    return planSourceFromFile(parsePlanFile(text), ctx.resourcesDir);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    reportInvalidPlan(err, key('invalidPlan'), file, ctx);
    return null;
  }
}

/** Renders and writes the document whole; false when either failed, which is said (nothing written). */
async function write(
  format: DocumentFormat,
  kind: PdfKind,
  input: BuildInput,
  output: string,
  key: (name: string) => string,
  ctx: CliContext,
  userWords: readonly string[],
): Promise<boolean> {
  let bytes: Uint8Array;
  try {
    installThaiLexicon(ctx.resourcesDir, userWords); // the charts are built here, the pages in the worker
    bytes = await format.render(kind, input, ctx, userWords);
  } catch (err) {
    ctx.stderr(ctx.message(key('failed')));
    ctx.stderr(err instanceof Error ? err.message : String(err));
    return false;
  }
  return writeOutput(output, bytes, ctx);
}

/**
 * `phaen report plan.json out.pdf|out.docx --year 2568 [--quarter 2] [--format pdf|docx] [--thai-digits]
 * [--words words.txt]`: the progress report of a fiscal year or one of its quarters (core/pdf/reportDocument.ts)
 * in the format the output's extension names, or `--format`. A plan not adopted, a year outside the plan or a
 * quarter other than 1–4 is refused before anything is made (core/monitoringReport.ts reportPeriodProblem).
 */
export function reportCommand(formats: Readonly<Record<'pdf' | 'docx', DocumentFormat>>): CliCommand {
  const key = (name: string) => `monitoring.report.cli.${name}`;
  return {
    name: 'report',
    usage: key('usage'),
    async run(args, ctx) {
      const { positional, flags, values, unknown } = parseArgs(args, {
        flags: ['--thai-digits'],
        values: ['--year', '--quarter', '--format', '--words'],
      });
      const usage = (message: string, values?: Record<string, unknown>) => {
        ctx.stderr(ctx.message(key(message), values));
        ctx.stderr(ctx.message(key('usage')));
        return EXIT_USAGE;
      };
      if (unknown.length > 0) return usage('badOption', { option: unknown[0] });
      const [input, output] = positional;
      if (!input || !output || positional.length > 2) return usage('badArguments');
      const named = values.get('--format') ?? extname(output).slice(1).toLowerCase();
      if (named !== 'pdf' && named !== 'docx') return usage('badFormat');
      const year = Number(values.get('--year'));
      if (!values.has('--year') || !Number.isInteger(year)) return usage('badYear');
      const quarterText = values.get('--quarter');
      const quarter = quarterText === undefined ? null : Number(quarterText);
      if (quarter !== null && !QUARTERS.includes(quarter as Quarter)) return usage('badQuarter');
      const period = { year, quarter: quarter as Quarter | null };

      const format = formats[named];
      if (!checkOutput(output, ctx)) return EXIT_FAILED;
      const userWords = loadWords(values.get('--words'), key, ctx);
      if (!userWords) return EXIT_FAILED;
      format.prepare?.(ctx, userWords);
      const source = loadSource(input, key, ctx);
      if (!source) return EXIT_FAILED;
      const adoptedOn = planView(source).single('planOptions').adoptedOn;
      const problem = reportPeriodProblem(source.plan, adoptedOn, period);
      if (problem) {
        ctx.stderr(ctx.message(problem, { year, start: source.plan.startYear, end: source.plan.endYear }));
        return EXIT_FAILED;
      }
      const options: PdfOptions = {
        language: 'th',
        thaiDigits: flags.has('--thai-digits'),
        chapters: [],
        date: today(),
        period,
      };
      if (!(await write(format, 'report', { source, options, t: ctx.t }, output, key, ctx, userWords)))
        return EXIT_FAILED;
      ctx.stdout(ctx.message(key('written'), { file: output }));
      return EXIT_OK;
    },
  };
}
