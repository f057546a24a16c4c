import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cliContext } from '../../main/cli/command.ts';
import { reportFileError } from '../../main/cli/files.ts';
import { runCli } from '../../main/cli/index.ts';
import { translator } from '../../main/services/locales.ts';
import { importPlanFile, parsePlanFile } from '../../main/services/planFile.ts';
import { SECRETARIAT, office, openReplica } from '../harness/exchange.ts';
import { RESOURCES, SAMPLE_FILE } from '../harness/pdfPlan.ts';
import { useReadOnly } from '../harness/readOnly.ts';
import { sha256 } from '../harness/store.ts';
import { useTempDir } from '../harness/tmp.ts';
import { BIN, requireBuiltCli } from '../harness/cli.ts';

/**
 * The command line when the disk or the file system says no: a full disk, a read-only file or folder, and a
 * fault of Phaen's own. Each: a Thai line and its English one naming the file, exit 1, nothing written.
 *
 * A full disk is a file size limit (RLIMIT_FSIZE, `ulimit -f`) on the command's own process: every write past
 * it fails as on a full disk (EFBIG), with no root or special file system needed. SIGXFSZ is ignored, as a
 * shell's `trap ""` passes on through exec, so the write fails instead of killing the process.
 */

const tempDir = useTempDir();
const readOnly = useReadOnly();
const th = translator(RESOURCES, 'th');
const en = translator(RESOURCES, 'en');

requireBuiltCli();

/** The built command, as a user runs it, in a process that may write no file beyond `maxBytes`. */
function phaenOnFullDisk(maxBytes: number, ...args: string[]) {
  const blocks = Math.floor(maxBytes / 512); // POSIX sh counts the limit in 512-byte blocks
  const run = spawnSync(
    'sh',
    ['-c', 'trap "" XFSZ; ulimit -f "$1"; shift; exec "$@"', 'sh', String(blocks), process.execPath, BIN, ...args],
    { encoding: 'utf8', timeout: 120_000 },
  );
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The command in this process (runCli), for faults that need no limit on the process. */
async function phaen(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { resourcesDir: RESOURCES, stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const both = (key: string, values: Record<string, unknown>) => `${th(key, values)}\n${en(key, values)}`;

/** A folder's files with their contents' digests: equal before and after means nothing was written there. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((name) => [name, sha256(join(dir, name))]));
}

/** The secretariat's database holding the sample plan, its plan package, and an office's empty database. */
async function exchangeSetUp() {
  const sDir = join(tempDir(), 's');
  const secretariat = await openReplica(sDir, SECRETARIAT);
  const { plan } = importPlanFile(secretariat, parsePlanFile(readFileSync(SAMPLE_FILE, 'utf8')));
  secretariat.close();
  const oDir = join(tempDir(), 'o');
  (await openReplica(oDir, office('1001'))).close();
  const packages = tempDir();
  expect((await phaen('export', join(sDir, 'phaen.sqlite'), plan.id, packages)).code).toBe(0);
  const [name] = readdirSync(packages);
  return {
    planId: plan.id,
    sDir,
    secretariatDb: join(sDir, 'phaen.sqlite'),
    oDir,
    db: join(oDir, 'phaen.sqlite'),
    pkg: join(packages, name!),
  };
}

describe.skipIf(process.platform === 'win32')('phaen on a full disk', () => {
  it('import: the database cannot grow, so nothing is imported, the database is as it was, and a retry succeeds', async () => {
    const { oDir, db, pkg } = await exchangeSetUp();
    const before = snapshot(oDir);
    // The office's database may not grow: the import's write-ahead log reaches the limit part-way through.
    const run = phaenOnFullDisk(statSync(db).size, 'import', db, pkg);
    // The reason in Thai and English, then SQLite's code and words for the log; no stack trace.
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      th('cli.file.writeFailed', { file: db }),
      en('cli.file.writeFailed', { file: db }),
      expect.stringMatching(/^SQLITE_IOERR\w*: disk I\/O error$/),
    ]);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(1);
    expect(snapshot(oDir)).toEqual(before);

    // The package was good: with room on the disk the same command imports it.
    const retry = await phaen('import', db, pkg);
    expect(retry.code).toBe(0);
    expect(retry.stdout).toContain('นำเข้า');
  });

  it('export: the package does not fit, so no file is left (not even a partial one) and the database is as it was', async () => {
    const { sDir, secretariatDb, planId } = await exchangeSetUp();
    const before = snapshot(sDir);
    const out = tempDir();
    const run = phaenOnFullDisk(64 * 1024, 'export', secretariatDb, planId, join(out, 'plan.phaen-package'));
    const file = join(out, 'plan.phaen-package');
    expect(run.stderr).toContain(both('cli.file.diskFull', { file, folder: out }));
    expect(run.stderr).toContain('EFBIG');
    expect(run.code).toBe(1);
    expect(readdirSync(out)).toEqual([]);
    expect(snapshot(sDir)).toEqual(before);
  });
});

describe('phaen on a read-only file or folder', () => {
  it('import into a read-only database file or a database in a read-only folder: said, nothing written', async () => {
    const { oDir, db, pkg } = await exchangeSetUp();
    const before = snapshot(oDir);
    for (const path of [db, oDir]) {
      readOnly(path);
      const run = await phaen('import', db, pkg);
      expect(run.stderr).toContain(both('cli.file.notAllowed', { file: db }));
      expect(run.stderr).not.toContain(th('exchange.cli.databaseFailed', { file: db }));
      expect(run.code).toBe(1);
      expect(snapshot(oDir)).toEqual(before);
    }
  });

  it('export into a read-only folder: said, no file there, the database as it was', async () => {
    const { sDir, secretariatDb, planId } = await exchangeSetUp();
    const before = snapshot(sDir);
    const out = tempDir();
    readOnly(out);
    const run = await phaen('export', secretariatDb, planId, join(out, 'plan.phaen-package'));
    expect(run.stderr).toContain(both('cli.file.notAllowed', { file: join(out, 'plan.phaen-package') }));
    expect(run.code).toBe(1);
    expect(readdirSync(out)).toEqual([]);
    expect(snapshot(sDir)).toEqual(before);
  });
});

describe('what SQLite says of the disk, in the command line’s words', () => {
  it('says SQLite’s full database as a full disk, and its read-only refusal as one', () => {
    const dir = tempDir();
    const db = new Database(join(dir, 'full.sqlite'));
    db.exec('CREATE TABLE t (x TEXT)');
    // SQLite's own limit on the file's pages gives the error a full disk gives: SQLITE_FULL.
    db.pragma('max_page_count = 3');
    const full = (() => {
      try {
        db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(20_000));
      } catch (err) {
        return err;
      }
    })();
    db.close();
    const readonly = (() => {
      const ro = new Database(join(dir, 'full.sqlite'), { readonly: true });
      try {
        ro.exec("INSERT INTO t VALUES ('x')");
      } catch (err) {
        return err;
      } finally {
        ro.close();
      }
    })();
    expect(full).toMatchObject({ code: 'SQLITE_FULL' });
    expect(readonly).toMatchObject({ code: expect.stringMatching(/^SQLITE_READONLY/) });
    const lines: string[] = [];
    const ctx = cliContext({ resourcesDir: RESOURCES, stdout: () => undefined, stderr: (l) => lines.push(l) });
    const file = join(dir, 'full.sqlite');
    reportFileError(full, file, false, ctx);
    reportFileError(readonly, file, false, ctx);
    expect(lines).toEqual([
      both('cli.file.diskFull', { file, folder: dir }),
      'SQLITE_FULL: database or disk is full',
      both('cli.file.notAllowed', { file, folder: dir }),
      expect.stringMatching(/^SQLITE_READONLY/),
    ]);
  });
});

describe('phaen on a fault of its own', () => {
  it('says an unexpected error in Thai and English with its English detail, no stack trace, exit 1, nothing written', async () => {
    const { oDir, db, pkg } = await exchangeSetUp();
    // A database that opens and passes its checks but lacks a table the import writes last: SQLite fails
    // part-way through the import's transaction, which is not the user's doing.
    const raw = new Database(db);
    raw.exec('DROP TABLE exchange_conflicts');
    raw.close();
    const before = snapshot(oDir);
    const run = await phaen('import', db, pkg);
    expect(run.stderr).toBe(`${both('cli.unexpected', {})}\nSqliteError: no such table: exchange_conflicts`);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(1);
    expect(snapshot(oDir)).toEqual(before);
  });
});
