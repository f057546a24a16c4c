import { join } from 'node:path';
import { prepareRender } from '../services/pdf/render.ts';
import { cliContext, EXIT_FAILED, EXIT_USAGE, type CliCommand, type CliIo } from './command.ts';

/**
 * The command line (`phaen`, bin/phaen.mjs): one module per command, listed here. Built by electron-vite to
 * out/main/cli.js and run under plain Node (no Electron), so it never touches the app's database: it reads
 * and writes files only.
 *
 * Each command's module is loaded when its command runs: `phaen pdf` then starts without loading Excel,
 * Word, SQLite or image libraries (half a second of a batch export's start-up).
 */
const MODULES: readonly {
  readonly names: readonly string[];
  load(): Promise<readonly CliCommand[]>;
  /** Work to begin before the module loads. */
  start?(io: CliIo): void;
}[] = [
  {
    names: ['pdf'],
    load: async () => [(await import('./pdf.ts')).pdfCommand],
    // The PDF worker loads the engine, the fonts and the lexicon meanwhile (the command adds users' words).
    start: (io) => prepareRender({ fontsDir: join(io.resourcesDir, 'fonts') }),
  },
  { names: ['docx'], load: async () => [(await import('./docx.ts')).docxCommand] },
  {
    names: ['report'],
    load: async () => {
      const [{ reportCommand }, { pdfFormat }, { docxFormat }] = await Promise.all([
        import('./document.ts'),
        import('./pdf.ts'),
        import('./docx.ts'),
      ]);
      return [reportCommand({ pdf: pdfFormat, docx: docxFormat })];
    },
  },
  { names: ['xlsx'], load: async () => [(await import('./xlsx.ts')).xlsxCommand] },
  { names: ['export', 'import'], load: async () => (await import('./exchange.ts')).exchangeCommands },
];

/** Every command, in the order of the help text (loads every module). */
export async function allCommands(): Promise<CliCommand[]> {
  return (await Promise.all(MODULES.map((m) => m.load()))).flat();
}

async function findCommand(name: string | undefined, io: CliIo): Promise<CliCommand | undefined> {
  const module = MODULES.find((m) => name !== undefined && m.names.includes(name));
  module?.start?.(io);
  return (await module?.load())?.find((c) => c.name === name);
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  const found = findCommand(name, io); // first: it starts the command's early work
  const ctx = cliContext(io);
  const command = await found;
  if (!command) {
    if (name !== undefined && name !== '--help') ctx.stderr(ctx.message('cli.unknownCommand', { command: name }));
    ctx.stderr(ctx.message('cli.help'));
    for (const c of await allCommands()) ctx.stderr(ctx.message(c.usage));
    return name === '--help' ? 0 : EXIT_USAGE;
  }
  try {
    return await command.run(args, ctx);
  } catch (err) {
    // A fault of Phaen's own, not of the input: said in both languages, with the system's detail for a report.
    ctx.stderr(ctx.message('cli.unexpected'));
    ctx.stderr(err instanceof Error ? `${err.name}: ${err.message}` : String(err));
    return EXIT_FAILED;
  }
}

/** The names each module is listed under, for the test that checks them against the commands it loads. */
export const COMMAND_NAMES: readonly string[] = MODULES.flatMap((m) => m.names);
