import { randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/index.ts';
import { translator } from '../../main/services/locales.ts';
import { createPlan, deletePlan, getPlan } from '../../main/services/plans.ts';
import { importPlanFile, parsePlanFile } from '../../main/services/planFile.ts';
import { SAMPLE_FILE } from '../harness/pdfPlan.ts';
import { createRows } from '../../main/services/rows.ts';
import { keyFingerprint, newSigningKey } from '../../main/services/signing.ts';
import {
  SECRETARIAT,
  assignedOffice,
  exportText,
  importTexts,
  office,
  openReplica,
  reseal,
} from '../harness/exchange.ts';
import { bmaDraft, sha256 } from '../harness/store.ts';
import { useTempDir } from '../harness/tmp.ts';

const RESOURCES = join(import.meta.dirname, '..', '..', 'resources');
const th = translator(RESOURCES, 'th');
const en = translator(RESOURCES, 'en');
const tempDir = useTempDir();

async function phaen(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    resourcesDir: RESOURCES,
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('phaen export / import', () => {
  it('exports a plan package from one database and imports it into another, once', async () => {
    const sDir = join(tempDir(), 's');
    const secretariat = await openReplica(sDir, SECRETARIAT);
    const plan = createPlan(secretariat, bmaDraft);
    secretariat.close();
    const oDir = join(tempDir(), 'o');
    (await openReplica(oDir, office('1001', 'สำนักงานเขตพระนคร'))).close();

    const outDir = tempDir();
    const exported = await phaen('export', join(sDir, 'phaen.sqlite'), plan.id, outDir);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    const [file] = readdirSync(outDir);
    expect(file).toMatch(/\.phaen-package$/);

    const officeDb = join(oDir, 'phaen.sqlite');
    const imported = await phaen('import', officeDb, join(outDir, file!));
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('นำเข้า');
    const store = await openReplica(oDir, office('1001', 'สำนักงานเขตพระนคร'));
    expect(getPlan(store, plan.id).title).toBe(bmaDraft.title);
    store.close();

    // A folder of the same package again: nothing changes.
    const again = await phaen('import', officeDb, outDir);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(
      th('exchange.cli.alreadyImported', { file: file!, office: 'PR', count: 0, conflicts: 0 }),
    );
  });

  it('refuses a damaged package with the Thai reason and exit code 1, leaving the database as it was', async () => {
    const oDir = join(tempDir(), 'o');
    (await openReplica(oDir, office('1001'))).close();
    const bad = join(tempDir(), 'bad.phaen-package');
    writeFileSync(bad, '{"format":"phaen.exchange","version":1,"manifest":');
    const db = join(oDir, 'phaen.sqlite');
    const before = sha256(db);
    const run = await phaen('import', db, bad);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(th('exchange.errors.damaged'));
    expect(sha256(db)).toBe(before);
    expect(readFileSync(db).length).toBeGreaterThan(0);
  });

  it('exits 3 when some files of a folder were refused (named) and the rest imported, 1 when none was', async () => {
    const sDir = join(tempDir(), 's');
    const secretariat = await openReplica(sDir, SECRETARIAT);
    const plan = createPlan(secretariat, bmaDraft);
    secretariat.close();
    const oDir = join(tempDir(), 'o');
    (await openReplica(oDir, office('1001'))).close();
    const db = join(oDir, 'phaen.sqlite');
    const onlyBad = tempDir();
    const deep = `{"format":"phaen.exchange","version":1,"manifest":{},"payload":${'['.repeat(2500)}${']'.repeat(2500)}}`;
    writeFileSync(join(onlyBad, 'deep.phaen-package'), deep);
    const before = sha256(db);
    const none = await phaen('import', db, onlyBad);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain(th('exchange.cli.rejected', { file: 'deep.phaen-package' }));
    expect(none.stderr).toContain(th('exchange.errors.too-deep'));
    expect(sha256(db)).toBe(before);

    const mixed = tempDir();
    expect((await phaen('export', join(sDir, 'phaen.sqlite'), plan.id, mixed)).code).toBe(0);
    writeFileSync(join(mixed, 'deep.phaen-package'), deep);
    // Beside it, the same package twice (already imported, no fault) and once more under its id with other
    // content (refused, naming the file it came first in).
    const [sent] = readdirSync(mixed).filter((f) => f !== 'deep.phaen-package');
    const text = readFileSync(join(mixed, sent!), 'utf8');
    // Named to come after it (the files of a folder go in name order).
    const [copy, edited] = ['สำเนา', 'แก้ไข'].map((s) => sent!.replace('.phaen-package', `.${s}.phaen-package`));
    writeFileSync(join(mixed, copy!), text);
    writeFileSync(
      join(mixed, edited!),
      reseal(text, (f) => Object.assign(f.manifest, { planTitle: 'ชื่อแผนที่แก้ในไฟล์' })),
    );
    const some = await phaen('import', db, mixed);
    expect(some.code).toBe(3);
    expect(some.stdout).toContain('นำเข้า');
    expect(some.stdout).toContain(
      th('exchange.cli.alreadyImported', { file: copy!, office: 'PR', count: 0, conflicts: 0 }),
    );
    expect(some.stderr).toContain(th('exchange.cli.rejected', { file: 'deep.phaen-package' }));
    expect(some.stderr).toContain(th('exchange.cli.rejected', { file: edited! }));
    expect(some.stderr).toContain(th('exchange.errors.reused-package-id'));
    expect(some.stderr).toContain(th('exchange.ui.import.earlier', { file: sent! }));
    expect(some.stderr).toContain(en('exchange.ui.import.earlier', { file: sent! }));
    const store = await openReplica(oDir, office('1001'));
    expect(getPlan(store, plan.id).title).toBe(bmaDraft.title);
    store.close();
  });

  it('shows the code of a key that is not the office’s, for the phone call, and where to confirm it', async () => {
    const sDir = join(tempDir(), 's');
    const { store: district, planId } = await assignedOffice(sDir, join(tempDir(), 'o'));
    createRows(district, planId, [{ entity: 'factor', values: { swot: 'S', category: 'S1', statement: 'จุดแข็ง' } }]);
    const genuine = exportText(district, planId);
    district.close();
    const secretariat = await openReplica(sDir, SECRETARIAT);
    expect(importTexts(secretariat, [genuine]).packages[0]!.status).toBe('imported');
    secretariat.close();
    const other = newSigningKey().key;
    const inbox = tempDir();
    writeFileSync(
      join(inbox, 'other-key.phaen-package'),
      reseal(genuine, (f) => void (f.manifest.packageId = randomUUID()), other),
    );
    const db = join(sDir, 'phaen.sqlite');
    const before = sha256(db);
    const refused = await phaen('import', db, inbox);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(th('exchange.errors.key-changed'));
    const fingerprint = keyFingerprint(other.publicKey);
    expect(refused.stderr).toContain(th('exchange.ui.keys.sender', { fingerprint }));
    expect(refused.stderr).toContain(en('exchange.ui.keys.sender', { fingerprint }));
    expect(refused.stderr).toContain(th('exchange.cli.confirmKeyInApp'));
    expect(refused.stderr).toContain(en('exchange.cli.confirmKeyInApp'));
    expect(sha256(db)).toBe(before);
  });

  it('names a refused operation’s row kind and field in Thai and English words, keeping the codes in the detail', async () => {
    const sDir = join(tempDir(), 's');
    const secretariat = await openReplica(sDir, SECRETARIAT);
    const plan = createPlan(secretariat, bmaDraft);
    const [issue] = createRows(secretariat, plan.id, [{ entity: 'strategicIssue', values: { name: 'การสื่อสาร' } }]);
    const [goal] = createRows(secretariat, plan.id, [
      { entity: 'goal', parentId: issue!.id, values: { name: 'ประชาชนรับรู้' } },
    ]);
    // A goal under a row that exists nowhere, sealed and signed again by the secretariat's own key.
    const orphan = reseal(exportText(secretariat, plan.id), (file) => {
      for (const group of file.payload.groups)
        for (const op of group.ops)
          if (op.rowId === goal!.id && op.field === 'parentId') op.value = crypto.randomUUID();
    });
    secretariat.close();
    const oDir = join(tempDir(), 'o');
    (await openReplica(oDir, office('1001'))).close();
    const file = join(tempDir(), 'orphan.phaen-package');
    writeFileSync(file, orphan);
    const db = join(oDir, 'phaen.sqlite');
    const before = sha256(db);

    const run = await phaen('import', db, file);
    expect(run.code).toBe(1);
    const named = run.stderr.split('\n').find((l) => l.includes('รายการแก้ไข'))!;
    expect(named).toContain('ช่อง “รายการแม่” ของเป้าประสงค์');
    expect(named).not.toMatch(/goal|parentId/);
    expect(run.stderr).toContain('field “Parent item” of Goal');
    expect(run.stderr).toContain(`goal.parentId of ${goal!.id}`);
    expect(sha256(db)).toBe(before);
  });

  it('refuses an output folder that does not exist or a path through a file, writing nothing and recording no export', async () => {
    const sDir = join(tempDir(), 's');
    const secretariat = await openReplica(sDir, SECRETARIAT);
    const plan = createPlan(secretariat, bmaDraft);
    secretariat.close();
    const db = join(sDir, 'phaen.sqlite');
    const dir = tempDir();
    writeFileSync(join(dir, 'a-file'), 'x');
    const before = sha256(db);
    const cases = [
      [join(dir, 'out') + sep, 'cli.file.noFolder', { folder: join(dir, 'out') }],
      [join(dir, 'out', 'p.phaen-package'), 'cli.file.noFolder', { folder: join(dir, 'out') }],
      [join(dir, 'a-file', 'p.phaen-package'), 'cli.file.notFolder', { file: join(dir, 'a-file', 'p.phaen-package') }],
    ] as const;
    for (const [out, key, values] of cases) {
      const run = await phaen('export', db, plan.id, out);
      expect(run.code, out).toBe(1);
      expect(run.stderr).toBe(`${th(key, values)}\n${en(key, values)}`);
    }
    expect(readdirSync(dir)).toEqual(['a-file']);
    expect(sha256(db)).toBe(before);
    // Nothing was counted as sent: the first package written is still number 1.
    expect((await phaen('export', db, plan.id, dir)).code).toBe(0);
    expect(readdirSync(dir).find((f) => f.endsWith('.phaen-package'))).toMatch(/-1\.phaen-package$/);
  });

  it('refuses to export or import from a copied data folder until told it is a copy (new identity) or was moved', async () => {
    const sDir = join(tempDir(), 's');
    const secretariat = await openReplica(sDir, SECRETARIAT);
    const plan = createPlan(secretariat, bmaDraft);
    const originalId = secretariat.officeId;
    secretariat.close();
    const copyDir = join(tempDir(), 'copy');
    cpSync(sDir, copyDir, { recursive: true });
    const copy = join(copyDir, 'phaen.sqlite');
    const before = sha256(copy);
    const out = tempDir();

    const refused = await phaen('export', copy, plan.id, out);
    expect(refused.code).toBe(1);
    const values = { file: copy, before: join(sDir, 'phaen.sqlite'), host: hostname() };
    expect(refused.stderr).toContain(th('cli.moved.refused', values));
    expect(refused.stderr).toContain(th('cli.moved.resolve'));
    expect(refused.stderr).toContain('--copy');
    expect(refused.stderr).not.toContain('not yet sent'); // a secretariat's copy sends every standing edit itself
    expect(readdirSync(out)).toEqual([]);
    expect(sha256(copy)).toBe(before);
    const inbox = tempDir();
    writeFileSync(join(inbox, 'any.phaen-package'), '{}');
    expect((await phaen('import', copy, inbox)).stderr).toContain(th('cli.moved.refused', values));
    expect(sha256(copy)).toBe(before);

    // A copy: a new installation id signs its packages; asked once only.
    const asCopy = await phaen('export', copy, plan.id, out, '--copy');
    expect(asCopy.code).toBe(0);
    expect(asCopy.stdout).toContain(th('cli.moved.newIdentity', { file: copy }));
    const sender = (name: string) =>
      (JSON.parse(readFileSync(join(out, name), 'utf8')) as { manifest: { sender: { actor: string } } }).manifest.sender
        .actor;
    const [first] = readdirSync(out);
    expect(sender(first!)).not.toBe(originalId);
    expect((await phaen('export', copy, plan.id, join(out, 'again.phaen-package'))).code).toBe(0);

    // Moved: the same identity goes on from the new place.
    const movedDir = join(tempDir(), 'moved');
    cpSync(sDir, movedDir, { recursive: true });
    const moved = join(movedDir, 'phaen.sqlite');
    const asMoved = await phaen('export', moved, plan.id, join(out, 'moved.phaen-package'), '--moved');
    expect(asMoved.code).toBe(0);
    expect(asMoved.stdout).toContain(th('cli.moved.recorded', { file: moved }));
    expect(sender('moved.phaen-package')).toBe(originalId);
    expect((await phaen('export', moved, plan.id, out, '--copy', '--moved')).code).toBe(2);
  });

  it('tells, when refusing a copied office folder and when making it a copy, how many edits only the original can send', async () => {
    const oDir = join(tempDir(), 'o');
    const { store: original, planId } = await assignedOffice(join(tempDir(), 's'), oDir);
    createRows(original, planId, [{ entity: 'factor', values: { swot: 'S', category: 'S1', statement: 'จุดแข็ง' } }]);
    // Nothing exported yet: every operation of the original's own is unsent, all on the one new row.
    const unsent = {
      ops: original.db.prepare('SELECT count(*) FROM ops WHERE actor = ?').pluck().get(original.officeId) as number,
      rows: 1,
    };
    original.close();
    const copyDir = join(tempDir(), 'copy');
    cpSync(oDir, copyDir, { recursive: true });
    const copy = join(copyDir, 'phaen.sqlite');
    const out = tempDir();

    const refused = await phaen('export', copy, planId, out);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(th('cli.moved.unsent', unsent));
    expect(refused.stderr).toContain(en('cli.moved.unsent', unsent));
    expect(en('cli.moved.unsent', unsent)).toContain(
      `Changes the original computer has not yet sent to the secretariat: ${unsent.ops}, in 1 of the plan's items`,
    );

    const asCopy = await phaen('export', copy, planId, out, '--copy');
    expect(asCopy.code).toBe(0);
    expect(asCopy.stdout).toContain(th('cli.moved.unsent', unsent));
    expect(asCopy.stdout).toContain(en('cli.moved.unsent', unsent));
  });

  it('says that the plan to export was deleted, or is not there, and lists the plans the database has', async () => {
    const sDir = join(tempDir(), 's');
    const secretariat = await openReplica(sDir, SECRETARIAT);
    const sample = importPlanFile(secretariat, parsePlanFile(readFileSync(SAMPLE_FILE, 'utf8'))).plan;
    expect(sample.isSample).toBe(true);
    const kept = createPlan(secretariat, bmaDraft);
    deletePlan(secretariat, sample.id);
    secretariat.close();
    const db = join(sDir, 'phaen.sqlite');
    const out = tempDir();

    const deleted = await phaen('export', db, sample.id, out);
    expect(deleted.code).toBe(1);
    expect(deleted.stderr).toContain(th('cli.plan.deleted', { id: sample.id }));
    expect(deleted.stderr).not.toContain(th('errors.not-found'));
    expect(deleted.stderr).toContain(`${kept.id}  ${bmaDraft.title}`);
    const unknown = crypto.randomUUID();
    expect((await phaen('export', db, unknown, out)).stderr).toContain(th('cli.plan.unknown', { id: unknown }));
    expect(readdirSync(out)).toEqual([]);
  });

  it('exports the sample plan like any other while it is there', async () => {
    const sDir = join(tempDir(), 's');
    const secretariat = await openReplica(sDir, SECRETARIAT);
    const sample = importPlanFile(secretariat, parsePlanFile(readFileSync(SAMPLE_FILE, 'utf8'))).plan;
    secretariat.close();
    const run = await phaen('export', join(sDir, 'phaen.sqlite'), sample.id, tempDir());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('says that a folder holds no package and exits 1 (nothing imported), leaving the database as it was', async () => {
    const oDir = join(tempDir(), 'o');
    (await openReplica(oDir, office('1001'))).close();
    const db = join(oDir, 'phaen.sqlite');
    const before = sha256(db);
    const folder = tempDir();
    // Files a shared folder may hold beside packages: neither is one.
    writeFileSync(join(folder, 'อ่านก่อน.txt'), 'ส่งแพ็กเกจไว้ที่นี่');
    mkdirSync(join(folder, '1001'));
    writeFileSync(join(folder, '1001', 'plan.json'), '{}');
    for (const dir of [tempDir(), folder]) {
      const run = await phaen('import', db, dir);
      expect(run.code).toBe(1);
      const values = { folder: dir, extension: '.phaen-package' };
      expect(run.stderr).toBe(`${th('exchange.cli.noPackages', values)}\n${en('exchange.cli.noPackages', values)}`);
      expect(run.stderr).toContain('ไม่พบแพ็กเกจ');
      expect(run.stdout).toBe('');
    }
    expect(sha256(db)).toBe(before);
  });

  it('explains its usage and refuses a missing database without creating one', async () => {
    expect((await phaen('import')).code).toBe(2);
    expect((await phaen('export', 'a.sqlite')).stderr).toContain(th('exchange.cli.usageExport'));
    const missing = join(tempDir(), 'none.sqlite');
    const run = await phaen('export', missing, crypto.randomUUID(), tempDir());
    expect(run.code).toBe(1);
    expect(readdirSync(join(missing, '..'))).toEqual([]);
  });
});
