import { cliContext, EXIT_USAGE, type CliCommand, type CliIo } from './command.ts';
import { exchangeCommands } from './exchange.ts';
import { reportCommand } from './document.ts';
import { docxCommand, docxFormat } from './docx.ts';
import { pdfCommand, pdfFormat } from './pdf.ts';
import { xlsxCommand } from './xlsx.ts';

/**
 * The command line (`phaen`, bin/phaen.mjs): one module per command, listed here. Built by electron-vite to
 * out/main/cli.js and run under plain Node (no Electron), so it never touches the app's database: it reads
 * and writes files only.
 */
const COMMANDS: readonly CliCommand[] = [
  pdfCommand,
  docxCommand,
  reportCommand({ pdf: pdfFormat, docx: docxFormat }),
  xlsxCommand,
  ...exchangeCommands,
];

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const ctx = cliContext(io);
  const [name, ...args] = argv;
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    if (name !== undefined && name !== '--help') ctx.stderr(ctx.message('cli.unknownCommand', { command: name }));
    ctx.stderr(ctx.message('cli.help'));
    for (const c of COMMANDS) ctx.stderr(ctx.message(c.usage));
    return name === '--help' ? 0 : EXIT_USAGE;
  }
  return command.run(args, ctx);
}
