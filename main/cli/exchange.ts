import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { PackageOutcome } from '../core/exchange/api.ts';
import { PACKAGE_EXTENSION } from '../core/exchange/format.ts';
import { entityLabel, fieldLabel } from '../core/entityLabels.ts';
import { AppError } from '../core/errors.ts';
import { MAX_BE_YEAR, MIN_BE_YEAR } from '../core/years.ts';
import { buildPackage, recordingExport } from '../services/exchange/export.ts';
import { unsentOwnEdits } from '../services/exchange/unsent.ts';
import { listPlans, planExists } from '../services/plans.ts';
import {
  importPackages,
  packageFilesIn,
  readIncoming,
  type ImportResult,
  type IncomingPackage,
} from '../services/exchange/import.ts';
import { isStorageFault } from '../services/files.ts';
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
import { checkOutput, reportFileError, writeOutput } from './files.ts';

/**
 * `phaen export <db> <planId> <out>` and `phaen import <db> <package|folder> [--plan <id>]`: the exchange of
 * services/exchange for batch work, on a workspace database the app is not using (the app holds its file
 * exclusively; a locked file is reported). Backups before a migration go to `backups` beside the file, as the
 * app's do.
 */

/**
 * What to do with a database that was moved or copied from elsewhere (Store.movedFrom), the app's two buttons:
 * `--copy` gives it a new identity (office id and key), `--moved` records its new place. Without one, nothing
 * is written or signed: a copy still in use elsewhere would send and receive under the other's id.
 */
type MoveAnswer = 'copy' | 'moved' | null;

const MOVE_FLAGS = ['--copy', '--moved'];

function moveAnswer(flags: ReadonlySet<string>): MoveAnswer {
  return flags.has('--copy') ? 'copy' : flags.has('--moved') ? 'moved' : null;
}

async function openDatabase(path: string, ctx: CliContext, answer: MoveAnswer): Promise<Store | null> {
  if (!existsSync(path)) {
    ctx.stderr(ctx.message('exchange.cli.noDatabase', { file: path }));
    return null;
  }
  if (statSync(path).isDirectory()) {
    ctx.stderr(ctx.message('cli.file.isFolder', { file: path }));
    return null;
  }
  const options = { backupDir: join(dirname(path), 'backups') };
  let store: Store;
  try {
    store = await Store.open(path, options);
  } catch (err) {
    if (reportStorageFault(err, path, ctx)) return null;
    if (!(err instanceof DbOpenError)) throw err;
    // A read-only file or folder is said as any file the command may not write; the rest as the database's.
    if (err.reason === 'read-only') ctx.stderr(ctx.message('cli.file.notAllowed', { file: path }));
    else ctx.stderr(ctx.message('exchange.cli.databaseFailed', { file: path }));
    ctx.stderr(err.message);
    return null;
  }
  const from = store.movedFrom;
  if (!from) return store;
  const file = resolve(path);
  // Said before the choice and again with --copy: once this one has a new identity, only the original sends them.
  const unsent = unsentOwnEdits(store);
  const unsentNote = unsent.ops > 0 ? ctx.message('cli.moved.unsent', { ...unsent }) : null;
  if (answer === null) {
    store.close();
    ctx.stderr(ctx.message('cli.moved.refused', { file, before: from.path, host: from.host }));
    if (unsentNote) ctx.stderr(unsentNote);
    ctx.stderr(ctx.message('cli.moved.resolve'));
    return null;
  }
  if (answer === 'moved') {
    store.recordLocation();
    ctx.stdout(ctx.message('cli.moved.recorded', { file }));
    return store;
  }
  const old = store.officeId;
  store.takeNewIdentity();
  store.close(); // reopened: the op log writes under the new id
  ctx.stdout(ctx.message('cli.moved.newIdentity', { file }));
  if (unsentNote) ctx.stdout(unsentNote);
  ctx.stdout(ctx.message('cli.moved.previousId', { old }));
  return Store.open(path, options);
}

export const exportCommand: CliCommand = {
  name: 'export',
  usage: 'exchange.cli.usageExport',
  async run(args, ctx) {
    const { positional, flags, unknown } = parseArgs(args, { flags: MOVE_FLAGS, values: [] });
    const [db, planId, out, ...extra] = positional;
    if (!db || !planId || !out || extra.length > 0 || unknown.length > 0 || flags.size > 1) {
      ctx.stderr(ctx.message('exchange.cli.usageExport'));
      return EXIT_USAGE;
    }
    // A folder gets the package under its suggested name; anything else is the file to write.
    const intoFolder = existsSync(out) && statSync(out).isDirectory();
    if (!intoFolder && !checkOutput(out, ctx)) return EXIT_FAILED;
    const store = await openDatabase(db, ctx, moveAnswer(flags));
    if (!store) return EXIT_FAILED;
    try {
      const built = buildPackage(store, planId);
      const path = intoFolder ? join(out, built.fileName) : out;
      if (!writeOutput(path, built.text, ctx, recordingExport(store, built, path))) return EXIT_FAILED;
      const { kind, opCount } = built.file.manifest;
      ctx.stdout(ctx.message('exchange.cli.exported', { file: path, kind, count: opCount }));
      return EXIT_OK;
    } catch (err) {
      if (reportStorageFault(err, db, ctx)) return EXIT_FAILED;
      if (!(err instanceof AppError)) throw err;
      if (err.code === 'not-found') {
        reportNoPlan(store, planId, ctx);
        return EXIT_FAILED;
      }
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
    const { positional, flags, values, unknown } = parseArgs(args, { flags: MOVE_FLAGS, values: ['--plan'] });
    const [db, source, ...extra] = positional;
    if (!db || !source || extra.length > 0 || unknown.length > 0 || flags.size > 1) {
      ctx.stderr(ctx.message('exchange.cli.usageImport'));
      return EXIT_USAGE;
    }
    if (!existsSync(source)) {
      ctx.stderr(ctx.message('exchange.cli.noSource', { file: source }));
      return EXIT_FAILED;
    }
    let files: IncomingPackage[];
    try {
      files = statSync(source).isDirectory()
        ? packageFilesIn(source).map((path) => readIncoming(path, relative(source, path)))
        : [readIncoming(source)];
    } catch (err) {
      reportFileError(err, source, true, ctx);
      return EXIT_FAILED;
    }
    if (files.length === 0) {
      // A folder without a package (the wrong folder, or a sync that has not arrived yet) imported nothing,
      // which a batch job must see as such, not as success. The database is not even opened.
      ctx.stderr(ctx.message('exchange.cli.noPackages', { folder: source, extension: PACKAGE_EXTENSION }));
      return EXIT_FAILED;
    }
    const store = await openDatabase(db, ctx, moveAnswer(flags));
    if (!store) return EXIT_FAILED;
    try {
      let report: ImportResult;
      try {
        report = importPackages(store, files, { planId: values.get('--plan') });
      } catch (err) {
        // The packages were good but the database could not take them: its transaction is rolled back.
        if (reportStorageFault(err, db, ctx)) return EXIT_FAILED;
        throw err;
      }
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

/**
 * The database could not be written (a full disk, a read-only file or folder, a drive that failed): SQLite has
 * rolled the command's transaction back, so it is said as any file the command cannot write, nothing written.
 * True when `err` was such a fault.
 */
function reportStorageFault(err: unknown, path: string, ctx: CliContext): boolean {
  if (!isStorageFault(err)) return false;
  reportFileError(err, path, false, ctx);
  return true;
}

/**
 * The plan to export is not in the database: deleted there (the sample too, once deleted from the home screen)
 * or never there. Either way the plans it has are listed with their ids, since an id is what the command takes.
 */
function reportNoPlan(store: Store, planId: string, ctx: CliContext): void {
  ctx.stderr(ctx.message(planExists(store, planId) ? 'cli.plan.deleted' : 'cli.plan.unknown', { id: planId }));
  const plans = listPlans(store);
  if (plans.length > 0) ctx.stderr(ctx.message('cli.plan.available'));
  for (const p of plans) ctx.stderr(`  ${p.id}  ${p.title}`);
}

/** A refused file: its name, why, and the operation and field when one operation is the reason. */
function reportRefusal(p: PackageOutcome, ctx: CliContext): void {
  ctx.stderr(ctx.message('exchange.cli.rejected', { file: p.file }));
  ctx.stderr(ctx.message(`exchange.errors.${p.reason}`));
  // The message asks to compare the key's code with the sender by phone: show it, and where a new key is confirmed.
  if (p.reason === 'key-changed' && p.fingerprint) {
    ctx.stderr(ctx.message('exchange.ui.keys.sender', { fingerprint: p.fingerprint }));
    ctx.stderr(ctx.message('exchange.cli.confirmKeyInApp'));
  }
  const op = p.operation;
  if (op) {
    ctx.stderr(
      ctx.message('exchange.ui.import.refusedOperation', (t) => ({
        ...op,
        entity: entityLabel(t, op.entity),
        field: fieldLabel(t, op.entity, op.field),
      })),
    );
    // The stored names, for whoever reads the log against the package or the code, unless the detail has them.
    const code = `${op.entity}.${op.field}`;
    if (!p.detail?.includes(code)) ctx.stderr(`operation ${op.id}: ${code} of row ${op.rowId}`);
  }
  if (p.problem) {
    ctx.stderr(ctx.message(p.problem, { minYear: MIN_BE_YEAR, maxYear: MAX_BE_YEAR, ...p.problemValues }));
  }
  if (p.earlier !== undefined) ctx.stderr(ctx.message('exchange.ui.import.earlier', { file: p.earlier }));
  if (p.detail) ctx.stderr(p.detail);
}

/** 0 every file imported (or here already), 3 some refused beside others that were not, 1 every file refused. */
function importExitCode(packages: readonly PackageOutcome[]): number {
  const refused = packages.filter((p) => p.status === 'rejected').length;
  if (refused === 0) return EXIT_OK;
  return refused === packages.length ? EXIT_FAILED : EXIT_PARTIAL;
}

export const exchangeCommands: readonly CliCommand[] = [exportCommand, importCommand];
