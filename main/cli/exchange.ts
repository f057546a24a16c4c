import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { PackageOutcome } from '../core/exchange/api.ts';
import { AppError } from '../core/errors.ts';
import { MAX_BE_YEAR, MIN_BE_YEAR } from '../core/years.ts';
import { buildPackage, recordExport } from '../services/exchange/export.ts';
import { importPackages, packageFilesIn, readIncoming, type IncomingPackage } from '../services/exchange/import.ts';
import { writeFileAtomic } from '../services/files.ts';
import { DbOpenError } from '../services/store/open.ts';
import { Store } from '../services/store/store.ts';
import {
  EXIT_FAILED,
  EXIT_OK,
  EXIT_PARTIAL,
  EXIT_USAGE,
  parseArgs,
  type CliCommand,
  type CliContext,
} from './command.ts';

/**
 * `phaen export <db> <planId> <out>` and `phaen import <db> <package|folder> [--plan <id>]`: the exchange of
 * services/exchange for batch work, on a workspace database the app is not using (the app holds its file
 * exclusively; a locked file is reported). Backups before a migration go to `backups` beside the file, as the
 * app's do.
 */

async function openDatabase(path: string, ctx: CliContext): Promise<Store | null> {
  if (!existsSync(path)) {
    ctx.stderr(ctx.message('exchange.cli.noDatabase', { file: path }));
    return null;
  }
  try {
    return await Store.open(path, { backupDir: join(dirname(path), 'backups') });
  } catch (err) {
    if (!(err instanceof DbOpenError)) throw err;
    ctx.stderr(ctx.message('exchange.cli.databaseFailed', { file: path }));
    ctx.stderr(err.message);
    return null;
  }
}

export const exportCommand: CliCommand = {
  name: 'export',
  usage: 'exchange.cli.usageExport',
  async run(args, ctx) {
    const [db, planId, out, ...extra] = args;
    if (!db || !planId || !out || extra.length > 0) {
      ctx.stderr(ctx.message('exchange.cli.usageExport'));
      return EXIT_USAGE;
    }
    const store = await openDatabase(db, ctx);
    if (!store) return EXIT_FAILED;
    try {
      const built = buildPackage(store, planId);
      // A folder gets the package under its suggested name; anything else is the file to write.
      const path = existsSync(out) && statSync(out).isDirectory() ? join(out, built.fileName) : out;
      writeFileAtomic(path, built.text);
      recordExport(store, built, path);
      const { kind, opCount } = built.file.manifest;
      ctx.stdout(ctx.message('exchange.cli.exported', { file: path, kind, count: opCount }));
      return EXIT_OK;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      ctx.stderr(ctx.message(err.fields?._ ?? `errors.${err.code}`));
      ctx.stderr(err.detail);
      return EXIT_FAILED;
    } finally {
      store.close();
    }
  },
};

export const importCommand: CliCommand = {
  name: 'import',
  usage: 'exchange.cli.usageImport',
  async run(args, ctx) {
    const { positional, values, unknown } = parseArgs(args, { flags: [], values: ['--plan'] });
    const [db, source, ...extra] = positional;
    if (!db || !source || extra.length > 0 || unknown.length > 0) {
      ctx.stderr(ctx.message('exchange.cli.usageImport'));
      return EXIT_USAGE;
    }
    if (!existsSync(source)) {
      ctx.stderr(ctx.message('exchange.cli.noSource', { file: source }));
      return EXIT_FAILED;
    }
    const files: IncomingPackage[] = statSync(source).isDirectory()
      ? packageFilesIn(source).map((path) => readIncoming(path, relative(source, path)))
      : [readIncoming(source)];
    const store = await openDatabase(db, ctx);
    if (!store) return EXIT_FAILED;
    try {
      const report = importPackages(store, files, { planId: values.get('--plan') });
      for (const p of report.packages) {
        const values = { file: p.file, office: p.sender?.code ?? '-', count: p.newOps, conflicts: p.conflicts };
        if (p.status === 'rejected') reportRefusal(p, ctx);
        else {
          ctx.stdout(ctx.message(`exchange.cli.${p.status === 'imported' ? 'imported' : 'alreadyImported'}`, values));
        }
      }
      return importExitCode(report.packages);
    } finally {
      store.close();
    }
  },
};

/** A refused file: its name, why, and the operation and field when one operation is the reason. */
function reportRefusal(p: PackageOutcome, ctx: CliContext): void {
  ctx.stderr(ctx.message('exchange.cli.rejected', { file: p.file }));
  ctx.stderr(ctx.message(`exchange.errors.${p.reason}`));
  if (p.operation) ctx.stderr(ctx.message('exchange.ui.import.refusedOperation', p.operation));
  if (p.problem) {
    ctx.stderr(ctx.message(p.problem, { minYear: MIN_BE_YEAR, maxYear: MAX_BE_YEAR, ...p.problemValues }));
  }
  if (p.detail) ctx.stderr(p.detail);
}

/** 0 every file imported (or here already), 3 some refused beside others that were not, 1 every file refused. */
function importExitCode(packages: readonly PackageOutcome[]): number {
  const refused = packages.filter((p) => p.status === 'rejected').length;
  if (refused === 0) return EXIT_OK;
  return refused === packages.length ? EXIT_FAILED : EXIT_PARTIAL;
}

export const exchangeCommands: readonly CliCommand[] = [exportCommand, importCommand];
