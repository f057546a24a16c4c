import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allCommands, COMMAND_NAMES } from '../../main/cli/index.ts';
import { CHAPTERS } from '../../main/core/pdf/options.ts';
import { translator } from '../../main/services/locales.ts';
import { createPlan } from '../../main/services/plans.ts';
import { SECRETARIAT, openReplica } from '../harness/exchange.ts';
import { comparable, extractPages, popplerText } from '../harness/pdf.ts';
import { RESOURCES, SAMPLE_FILE, sampleSource } from '../harness/pdfPlan.ts';
import { bmaDraft, sha256 } from '../harness/store.ts';
import { useTempDir } from '../harness/tmp.ts';
import { BIN, ROOT, requireBuiltCli } from '../harness/cli.ts';

/** The built command line (bin/phaen.mjs → out/main/cli.js), run as a user would, under this Node. */

const tempDir = useTempDir();
const th = translator(RESOURCES, 'th');
const en = translator(RESOURCES, 'en');

requireBuiltCli();

function phaen(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const pdfBytes = (path: string) => new Uint8Array(readFileSync(path));

describe('phaen pdf', () => {
  it('prints the sample plan file to a PDF with its title and every chapter heading', async () => {
    const out = join(tempDir(), 'แผน.pdf');
    const run = phaen('pdf', SAMPLE_FILE, out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(out);
    const text = comparable((await extractPages(pdfBytes(out))).join('\n'));
    expect(text).toContain(comparable(sampleSource().plan.title));
    for (const [n, id] of CHAPTERS.filter((c) => c !== 'annexes').entries()) {
      expect(text).toContain(comparable(`บทที่ ${n + 1} ${th(`pdf.doc.chapter.${id}`)}`));
    }
    expect(text).not.toContain(comparable(th('pdf.doc.captions.tables')));
  });

  it('adds the lists of tables and figures to the front matter when asked', async () => {
    const out = join(tempDir(), 'lists.pdf');
    expect(phaen('pdf', SAMPLE_FILE, out, '--lists').code).toBe(0);
    const text = comparable((await extractPages(pdfBytes(out))).join('\n'));
    expect(text).toContain(comparable(th('pdf.doc.captions.tables')));
    expect(text).toContain(comparable(th('pdf.doc.captions.figures')));
  });

  it('prints a handout in Thai digits when asked', async () => {
    const out = join(tempDir(), 'summary.pdf');
    expect(phaen('pdf', SAMPLE_FILE, out, '--handout', 'summary', '--thai-digits').code).toBe(0);
    const pages = await extractPages(pdfBytes(out));
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('๒๕๖๖');
  });

  it('takes extra Thai words from --words, and refuses a words file it cannot read without writing', async () => {
    const dir = tempDir();
    const words = join(dir, 'คำ.txt');
    writeFileSync(words, 'คลองเตย\nเเจ้งวัฒนะ\nnot a Thai word\n');
    const out = join(dir, 'summary.pdf');
    const run = phaen('pdf', SAMPLE_FILE, out, '--handout', 'summary', '--words', words);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect((await extractPages(pdfBytes(out))).length).toBe(1);

    const missing = join(dir, 'missing.txt');
    const failed = phaen('pdf', SAMPLE_FILE, join(dir, 'other.pdf'), '--words', missing);
    expect(failed.code).not.toBe(0);
    expect(failed.stderr).toContain(th('pdf.cli.unreadable', { file: missing }));
    expect(failed.stderr).toContain(en('pdf.cli.unreadable', { file: missing }));
    expect(readdirSync(dir).sort()).toEqual(['summary.pdf', 'คำ.txt']);
  });

  it('refuses a file that is not a plan, in Thai and English, exits non-zero and writes nothing', () => {
    const dir = tempDir();
    const input = join(dir, 'broken.json');
    writeFileSync(input, '{"format": "phaen.plan", "version": 1, "plan": ');
    const out = join(dir, 'out.pdf');
    const run = phaen('pdf', input, out);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(th('pdf.cli.invalidPlan', { file: input }));
    expect(run.stderr).toContain(en('pdf.cli.invalidPlan', { file: input }));
    expect(readdirSync(dir)).toEqual(['broken.json']);

    // An existing PDF at the output path is left as it was.
    writeFileSync(out, 'earlier');
    const before = sha256(out);
    writeFileSync(input, JSON.stringify({ ...JSON.parse(readFileSync(SAMPLE_FILE, 'utf8')), plan: { title: '' } }));
    expect(phaen('pdf', input, out).code).not.toBe(0);
    expect(sha256(out)).toBe(before);
  });

  it('says which row and field of a refused plan file breaks a rule, and how many more, in Thai and English', () => {
    const dir = tempDir();
    const input = join(dir, 'negative.json');
    const file = JSON.parse(readFileSync(SAMPLE_FILE, 'utf8'));
    const budgets = file.rows.filter((r: { entity: string }) => r.entity === 'projectBudget').slice(1, 4);
    for (const budget of budgets) budget.data.amount = -1;
    writeFileSync(input, JSON.stringify(file));
    const project = file.rows.find((r: { id: string }) => r.id === budgets[0].parentId).data.name;
    const run = phaen('pdf', input, join(dir, 'out.pdf'));
    expect(run.code).not.toBe(0);
    expect(readdirSync(dir)).toEqual(['negative.json']);
    for (const t of [th, en]) {
      const where = t('planFile.where.yearNamed', {
        field: t('history.field.amount'),
        year: budgets[0].data.year,
        entity: t('exchange.ui.entity.project'),
        name: project,
      });
      const more = t('planFile.more', { count: 2 });
      expect(run.stderr).toContain(t('planFile.problem', { where, message: t('strategies.negative'), more }));
    }
    // The Thai line as a reader sees it, and the English detail with the stored field's path for the log.
    expect(run.stderr).toContain(`ปี 2567 ของโครงการ “${project}”: งบประมาณต้องไม่ติดลบ (และอีก 2 รายการ)`);
    expect(run.stderr).toMatch(/plan file: .*"rows\.\d+\.data\.amount":"strategies\.negative"/);
  });

  it('explains its usage for missing arguments, unknown options and unknown commands', () => {
    for (const args of [
      ['pdf', SAMPLE_FILE],
      ['pdf', SAMPLE_FILE, 'x.pdf', '--handout', 'poster'],
      ['pdf', SAMPLE_FILE, 'x.pdf', '--colour'],
      ['print'],
    ]) {
      const run = phaen(...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain(th('pdf.cli.usage'));
      expect(run.stderr).toContain(en('pdf.cli.usage'));
    }
  });

  it('prints from the build’s startup snapshot the very PDF the ordinary start prints', async () => {
    const snapshot = join(ROOT, 'out', 'main', `cli-${process.version}-${process.platform}-${process.arch}.blob`);
    expect(existsSync(snapshot), 'npm run build makes the snapshot for this Node').toBe(true);
    const dir = tempDir();
    const print = (out: string, env: Record<string, string>) => {
      const run = spawnSync(process.execPath, [BIN, 'pdf', SAMPLE_FILE, join(dir, out), '--thai-digits'], {
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, ...env },
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      return pdfBytes(join(dir, out));
    };
    const ordinary = print('ordinary.pdf', { PHAEN_NO_SNAPSHOT: '1' });
    const snapshotted = print('snapshot.pdf', {});
    // The same bytes but for the creation date and the file identifier.
    expect(snapshotted.length).toBe(ordinary.length);
    expect(popplerText(snapshotted, 'layout')).toBe(popplerText(ordinary, 'layout'));
    expect(await extractPages(snapshotted)).toEqual(await extractPages(ordinary));
  }, 120_000);

  it('runs each command under the name it is listed by, and lists every command for an unknown one', async () => {
    const commands = await allCommands();
    expect(commands.map((c) => c.name)).toEqual(COMMAND_NAMES);
    const run = phaen('print');
    for (const c of commands) expect(run.stderr).toContain(en(c.usage));
  });
});

/** A Node older than 22.14 on this machine outside the project (README: Node 20 is enough to install), if any. */
function olderNode(): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/bin', '/usr/local/bin'];
  for (const dir of dirs.filter((d) => d && !d.includes('node_modules'))) {
    const node = join(dir, process.platform === 'win32' ? 'node.exe' : 'node');
    if (!existsSync(node)) continue;
    const [major, minor] = spawnSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8' })
      .stdout.trim()
      .split('.')
      .map(Number);
    if (major! < 22 || (major === 22 && minor! < 14)) return node;
  }
  return undefined;
}

const older = olderNode();
describe.skipIf(!older)(`phaen run with an older Node (${older})`, () => {
  it('runs itself on the project’s own Node 22: exports a package from a real database', async () => {
    const sDir = join(tempDir(), 's');
    const secretariat = await openReplica(sDir, SECRETARIAT);
    const plan = createPlan(secretariat, bmaDraft);
    secretariat.close();
    const outDir = tempDir();
    const run = spawnSync(older!, [BIN, 'export', join(sDir, 'phaen.sqlite'), plan.id, outDir], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readdirSync(outDir)).toEqual([expect.stringMatching(/\.phaen-package$/)]);
  });
});
