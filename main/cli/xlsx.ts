import { AppError } from '../core/errors.ts';
import { MAX_PLAN_FILE_BYTES } from '../core/planFile.ts';
import { planBook } from '../core/xlsx/planBook.ts';
import { readTextFile } from '../services/files.ts';
import { planSourceFromFile } from '../services/pdf/source.ts';
import { parsePlanFile } from '../services/planFile.ts';
import { writeXlsx } from '../services/xlsx/write.ts';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, parseArgs, type CliCommand } from './command.ts';
import { checkOutput, reportFileError, reportInvalidPlan, writeOutput } from './files.ts';

/**
 * `phaen xlsx plan.json out.xlsx`: the plan's tables as a workbook (core/xlsx/planBook.ts), from a plan file
 * checked whole first, written whole or not at all (temp file and rename): an invalid plan leaves no file and
 * an existing out.xlsx as it was.
 */
export const xlsxCommand: CliCommand = {
  name: 'xlsx',
  usage: 'xlsx.cli.usage',
  async run(args, ctx) {
    const { positional, unknown } = parseArgs(args, { flags: [], values: [] });
    if (unknown.length > 0) {
      ctx.stderr(ctx.message('pdf.cli.badOption', { option: unknown[0] }));
      ctx.stderr(ctx.message('xlsx.cli.usage'));
      return EXIT_USAGE;
    }
    const [input, output] = positional;
    if (!input || !output || positional.length > 2) {
      ctx.stderr(ctx.message('xlsx.cli.badArguments'));
      ctx.stderr(ctx.message('xlsx.cli.usage'));
      return EXIT_USAGE;
    }
    if (!checkOutput(output, ctx)) return EXIT_FAILED;
    let text: string;
    try {
      text = readTextFile(input, MAX_PLAN_FILE_BYTES);
    } catch (err) {
      ctx.stderr(ctx.message('pdf.cli.unreadable', { file: input }));
      reportFileError(err, input, true, ctx);
      return EXIT_FAILED;
    }
    let source;
    try {
      source = planSourceFromFile(parsePlanFile(text), ctx.resourcesDir);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      reportInvalidPlan(err, 'xlsx.cli.invalidPlan', input, ctx);
      return EXIT_FAILED;
    }
    let bytes: Uint8Array;
    try {
      bytes = await writeXlsx(planBook(source, ctx.t));
    } catch (err) {
      ctx.stderr(ctx.message('xlsx.cli.failed'));
      ctx.stderr(err instanceof Error ? err.message : String(err));
      return EXIT_FAILED;
    }
    if (!writeOutput(output, bytes, ctx)) return EXIT_FAILED;
    ctx.stdout(ctx.message('xlsx.cli.written', { file: output }));
    return EXIT_OK;
  },
};
