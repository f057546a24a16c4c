import { AppError } from '../core/errors.ts';
import { CHAPTERS, PdfKind, type PdfOptions } from '../core/pdf/options.ts';
import type { BuildInput } from '../core/pdf/source.ts';
import { MAX_PLAN_FILE_BYTES } from '../core/planFile.ts';
import { readTextFile, writeFileAtomic } from '../services/files.ts';
import { today } from '../core/thaiDate.ts';
import { planSourceFromFile } from '../services/pdf/source.ts';
import { parsePlanFile } from '../services/planFile.ts';
import { installThaiLexicon } from '../services/thaiLexicon.ts';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, parseArgs, type CliCommand, type CliContext } from './command.ts';

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
      const kind = handout === undefined ? 'plan' : PdfKind.exclude(['plan']).safeParse(handout).data;
      if (!kind) {
        ctx.stderr(ctx.message(key('badHandout')));
        ctx.stderr(ctx.message(key('usage')));
        return EXIT_USAGE;
      }

      let userWords: string[] = [];
      const wordsFile = values.get('--words');
      if (wordsFile !== undefined) {
        try {
          userWords = readTextFile(wordsFile, MAX_WORDS_FILE_BYTES).split('\n');
        } catch (err) {
          ctx.stderr(ctx.message(key('unreadable'), { file: wordsFile }));
          ctx.stderr(err instanceof Error ? err.message : String(err));
          return EXIT_FAILED;
        }
      }
      format.prepare?.(ctx, userWords);

      let text: string;
      try {
        text = readTextFile(input, MAX_PLAN_FILE_BYTES);
      } catch (err) {
        ctx.stderr(ctx.message(key('unreadable'), { file: input }));
        ctx.stderr(err instanceof Error ? err.message : String(err));
        return EXIT_FAILED;
      }
      let source;
      try {
        source = planSourceFromFile(parsePlanFile(text), ctx.resourcesDir);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        ctx.stderr(ctx.message(key('invalidPlan'), { file: input }));
        ctx.stderr(err.detail);
        return EXIT_FAILED;
      }

      try {
        installThaiLexicon(ctx.resourcesDir, userWords); // the charts are built here, the pages in the worker
        const options: PdfOptions = {
          language: 'th',
          thaiDigits: flags.has('--thai-digits'),
          chapters: CHAPTERS,
          date: today(),
          captionLists: flags.has('--lists'),
        };
        writeFileAtomic(output, await format.render(kind, { source, options, t: ctx.t }, ctx, userWords));
      } catch (err) {
        ctx.stderr(ctx.message(key('failed')));
        ctx.stderr(err instanceof Error ? err.message : String(err));
        return EXIT_FAILED;
      }
      ctx.stdout(ctx.message(key('written'), { file: output }));
      return EXIT_OK;
    },
  };
}
