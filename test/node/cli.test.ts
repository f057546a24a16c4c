import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHAPTERS } from '../../main/core/pdf/options.ts';
import { translator } from '../../main/services/locales.ts';
import { comparable, extractPages } from '../harness/pdf.ts';
import { RESOURCES, SAMPLE_FILE, sampleSource } from '../harness/pdfPlan.ts';
import { sha256 } from '../harness/store.ts';
import { useTempDir } from '../harness/tmp.ts';

/** The built command line (bin/phaen.mjs → out/main/cli.js), run as a user would, under this Node. */

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin', 'phaen.mjs');
const tempDir = useTempDir();
const th = translator(RESOURCES, 'th');
const en = translator(RESOURCES, 'en');

beforeAll(() => {
  if (!existsSync(join(ROOT, 'out', 'main', 'cli.js'))) {
    throw new Error('out/main/cli.js is missing: build first (npx electron-vite build, part of npm test)');
  }
});

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
});
