import { join } from 'node:path';
import { AppError } from '../core/errors.ts';
import { buildDocument } from '../core/pdf/index.ts';
import { CHAPTERS, PdfKind } from '../core/pdf/options.ts';
import { MAX_PLAN_FILE_BYTES } from '../core/planFile.ts';
import { readTextFile, writeFileAtomic } from '../services/files.ts';
import { today } from '../services/pdf/export.ts';
import { prepareRender, renderPdf } from '../services/pdf/render.ts';
import { planSourceFromFile } from '../services/pdf/source.ts';
import { parsePlanFile } from '../services/planFile.ts';
import { installThaiLexicon } from '../services/thaiLexicon.ts';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, parseArgs, type CliCommand } from './command.ts';

/**
 * `phaen pdf plan.json out.pdf [--handout summary|map] [--thai-digits] [--lists] [--words words.txt]`: batch printing from
 * the plan file format (core/planFile.ts), checked whole before anything is drawn. `--words` names a text file
 * of extra words for Thai line breaking, one a line (what users add in the app's print settings; plan files do
 * not carry them); `--lists` prints the lists of tables and figures. The PDF is written whole or not at all:
 * an invalid plan or a failed render leaves no file and an existing out.pdf as it was.
 */
/** A word list is a few hundred lines; anything near this is not one. */
const MAX_WORDS_FILE_BYTES = 1_000_000;

export const pdfCommand: CliCommand = {
  name: 'pdf',
  usage: 'pdf.cli.usage',
  async run(args, ctx) {
    const { positional, flags, values, unknown } = parseArgs(args, {
      flags: ['--thai-digits', '--lists'],
      values: ['--handout', '--words'],
    });
    if (unknown.length > 0) {
      ctx.stderr(ctx.message('pdf.cli.badOption', { option: unknown[0] }));
      ctx.stderr(ctx.message('pdf.cli.usage'));
      return EXIT_USAGE;
    }
    const [input, output] = positional;
    if (!input || !output || positional.length > 2) {
      ctx.stderr(ctx.message('pdf.cli.badArguments'));
      ctx.stderr(ctx.message('pdf.cli.usage'));
      return EXIT_USAGE;
    }
    const handout = values.get('--handout');
    const kind = handout === undefined ? 'plan' : PdfKind.exclude(['plan']).safeParse(handout).data;
    if (!kind) {
      ctx.stderr(ctx.message('pdf.cli.badHandout'));
      ctx.stderr(ctx.message('pdf.cli.usage'));
      return EXIT_USAGE;
    }

    let userWords: string[] = [];
    const wordsFile = values.get('--words');
    if (wordsFile !== undefined) {
      try {
        userWords = readTextFile(wordsFile, MAX_WORDS_FILE_BYTES).split('\n');
      } catch (err) {
        ctx.stderr(ctx.message('pdf.cli.unreadable', { file: wordsFile }));
        ctx.stderr(err instanceof Error ? err.message : String(err));
        return EXIT_FAILED;
      }
    }

    const fontsDir = join(ctx.resourcesDir, 'fonts');
    // The worker loads the engine and the lexicon while this thread reads the plan and builds the document.
    prepareRender({ fontsDir, userWords });

    let text: string;
    try {
      text = readTextFile(input, MAX_PLAN_FILE_BYTES);
    } catch (err) {
      ctx.stderr(ctx.message('pdf.cli.unreadable', { file: input }));
      ctx.stderr(err instanceof Error ? err.message : String(err));
      return EXIT_FAILED;
    }
    let source;
    try {
      source = planSourceFromFile(parsePlanFile(text), ctx.resourcesDir);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      ctx.stderr(ctx.message('pdf.cli.invalidPlan', { file: input }));
      ctx.stderr(err.detail);
      return EXIT_FAILED;
    }

    try {
      installThaiLexicon(ctx.resourcesDir, userWords); // the charts are built here, the pages in the worker
      const options = {
        language: 'th' as const,
        thaiDigits: flags.has('--thai-digits'),
        chapters: CHAPTERS,
        date: today(),
        captionLists: flags.has('--lists'),
      };
      const built = buildDocument(kind, { source, options, t: ctx.t });
      const pdf = await renderPdf(built.doc, {
        numbering: built.numbering,
        fontsDir,
        userWords,
      });
      writeFileAtomic(output, pdf);
    } catch (err) {
      ctx.stderr(ctx.message('pdf.cli.failed'));
      ctx.stderr(err instanceof Error ? err.message : String(err));
      return EXIT_FAILED;
    }
    ctx.stdout(ctx.message('pdf.cli.written', { file: output }));
    return EXIT_OK;
  },
};
