import { join } from 'node:path';
import { AppError } from '../core/errors.ts';
import { buildDocument } from '../core/pdf/index.ts';
import { CHAPTERS, PdfKind } from '../core/pdf/options.ts';
import { MAX_PLAN_FILE_BYTES } from '../core/planFile.ts';
import { readTextFile, writeFileAtomic } from '../services/files.ts';
import { today } from '../services/pdf/export.ts';
import { renderPdf } from '../services/pdf/render.ts';
import { planSourceFromFile } from '../services/pdf/source.ts';
import { parsePlanFile } from '../services/planFile.ts';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, parseArgs, type CliCommand } from './command.ts';

/**
 * `phaen pdf plan.json out.pdf [--handout summary|map] [--thai-digits] [--lists]`: batch printing from the plan
 * file format (core/planFile.ts), checked whole before anything is drawn; `--lists` prints the lists of tables
 * and figures. The PDF is written whole or not at all:
 * an invalid plan or a failed render leaves no file and an existing out.pdf as it was.
 */
export const pdfCommand: CliCommand = {
  name: 'pdf',
  usage: 'pdf.cli.usage',
  async run(args, ctx) {
    const { positional, flags, values, unknown } = parseArgs(args, {
      flags: ['--thai-digits', '--lists'],
      values: ['--handout'],
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
        fontsDir: join(ctx.resourcesDir, 'fonts'),
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
