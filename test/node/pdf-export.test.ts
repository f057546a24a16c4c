import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, type Output } from '../../main/core/contract.ts';
import type { AppErrorShape } from '../../main/core/errors.ts';
import { CHAPTERS, type PdfOptions } from '../../main/core/pdf/options.ts';
import { createHandlers } from '../../main/services/handlers.ts';
import { translator } from '../../main/services/locales.ts';
import { PdfJobs, type PdfJobRequest } from '../../main/services/pdf/export.ts';
import type { FileDialogs } from '../../main/services/session.ts';
import { Session } from '../../main/services/session.ts';
import { comparable, extractPages } from '../harness/pdf.ts';
import { RESOURCES, sampleSource } from '../harness/pdfPlan.ts';
import { sha256 } from '../harness/store.ts';
import { useTempDir } from '../harness/tmp.ts';
import { safeFileName } from '../../main/services/files.ts';

/** PDF export as a job: written whole or not at all, cancellable, and through the contract's channels. */

const tempDir = useTempDir();
const th = translator(RESOURCES, 'th');
const OPTIONS: PdfOptions = { language: 'th', thaiDigits: false, chapters: CHAPTERS, date: '2021-09-13' };

function request(path: string, overrides: Partial<PdfJobRequest> = {}): PdfJobRequest {
  return {
    source: sampleSource(),
    kind: 'plan',
    options: OPTIONS,
    t: th,
    target: { kind: 'file', path },
    ...overrides,
  };
}

/** pdf.js takes a plain Uint8Array, not a Node Buffer. */
const bytesOf = (buffer: Buffer) => new Uint8Array(buffer);
const isPdf = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';

describe('the export job', () => {
  it('writes the whole PDF at the chosen path and leaves no temporary file beside it', async () => {
    const dir = tempDir();
    const path = join(dir, 'แผน.pdf');
    const jobs = new PdfJobs();
    const id = jobs.start(request(path));
    expect(jobs.progress(id).state).toBe('running');
    const status = await jobs.settled(id);
    expect(status).toMatchObject({ state: 'done', result: { status: 'saved', fileName: path } });
    expect(status.total).toBeGreaterThan(10);
    expect(status.done).toBe(status.total);
    expect(readdirSync(dir)).toEqual(['แผน.pdf']);
    const pdf = bytesOf(readFileSync(path));
    expect(isPdf(pdf)).toBe(true);
    expect(comparable((await extractPages(pdf))[0]!)).toContain(comparable(sampleSource().plan.title));
    // A finished job reports its outcome once.
    expect(() => jobs.progress(id)).toThrow(/not-found/);
  });

  it('writes nothing when cancelled, and leaves a file already at the path as it was', async () => {
    const dir = tempDir();
    const path = join(dir, 'plan.pdf');
    writeFileSync(path, 'an earlier PDF');
    const before = sha256(path);
    const jobs = new PdfJobs();
    const id = jobs.start(request(path));
    // Cancel once drawing has started, mid-render.
    while (jobs.progress(id).total === 0 && jobs.progress(id).state === 'running')
      await new Promise((r) => setTimeout(r, 5));
    jobs.cancel(id);
    expect((await jobs.settled(id)).state).toBe('cancelled');
    expect(readdirSync(dir)).toEqual(['plan.pdf']);
    expect(sha256(path)).toBe(before);

    const early = jobs.start(request(join(dir, 'new.pdf')));
    jobs.cancel(early);
    expect((await jobs.settled(early)).state).toBe('cancelled');
    expect(readdirSync(dir)).toEqual(['plan.pdf']);
  });

  it('writes nothing when rendering fails, and leaves a file already at the path as it was', async () => {
    const dir = tempDir();
    const path = join(dir, 'plan.pdf');
    writeFileSync(path, 'an earlier PDF');
    const before = sha256(path);
    // A broken installation: the fonts folder is empty.
    const fonts = join(dir, 'fonts');
    mkdirSync(fonts);
    const jobs = new PdfJobs({ fontsDir: fonts });
    const status = await jobs.settled(jobs.start(request(path)));
    expect(status.state).toBe('failed');
    expect(status.error?.detail).toMatch(/font/i);
    expect(readdirSync(dir).sort()).toEqual(['fonts', 'plan.pdf']);
    expect(sha256(path)).toBe(before);
  });

  it('writes nothing when the file cannot be put in place, and leaves what is there untouched', async () => {
    const dir = tempDir();
    // A folder where the PDF should go: the rename fails after the whole PDF was written to the temp file.
    const path = join(dir, 'plan.pdf');
    mkdirSync(path);
    writeFileSync(join(path, 'inside.txt'), 'kept');
    const jobs = new PdfJobs();
    const status = await jobs.settled(jobs.start(request(path, { kind: 'summary' })));
    expect(status.state).toBe('failed');
    // The user is told what to do (close the file or choose another place), not only to try again.
    expect(status.error?.fields?._).toBe('pdf.panel.writeFailed');
    expect(readdirSync(dir)).toEqual(['plan.pdf']);
    expect(readdirSync(path)).toEqual(['inside.txt']);
  });
});

describe('the pdf channels', () => {
  async function app(dialogs: FileDialogs | null) {
    const session = await Session.start({ dataDir: tempDir(), backupIntervalMs: 0 });
    const handlers = createHandlers({ session, dialogs, resourcesDir: RESOURCES, version: 'test' });
    const call = async <T>(channel: string, payload: unknown = {}) =>
      (await dispatch(handlers, channel, payload)) as { ok: true; data: T } | { ok: false; error: AppErrorShape };
    const sample = await call<Output<'plans.openSample'>>('plans.openSample');
    if (!sample.ok) throw new Error(sample.error.detail);
    return { session, call, planId: sample.data.id };
  }

  async function finish(call: Awaited<ReturnType<typeof app>>['call'], jobId: string) {
    for (;;) {
      const progress = await call<Output<'pdf.progress'>>('pdf.progress', { jobId });
      if (!progress.ok) throw new Error(progress.error.detail);
      if (progress.data.state !== 'running') return progress.data;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('hand the PDF back for download where there is no save dialog (browser)', async () => {
    const { session, call, planId } = await app(null);
    const started = await call<Output<'pdf.start'>>('pdf.start', {
      planId,
      kind: 'summary',
      thaiDigits: true,
      chapters: [],
    });
    if (!started.ok || started.data.status !== 'started') throw new Error('expected a job');
    const done = await finish(call, started.data.jobId);
    session.close();
    if (done.result?.status !== 'download') throw new Error(`expected a download, got ${JSON.stringify(done)}`);
    expect(done.result.fileName).toMatch(/\(สรุป 1 หน้า\)\.pdf$/);
    const pdf = bytesOf(Buffer.from(done.result.base64, 'base64'));
    expect(isPdf(pdf)).toBe(true);
    expect((await extractPages(pdf)).join('')).toContain('๒๕๖๖');
  });

  it('save where the dialog says, start nothing when it is closed, and refuse an unknown plan before asking', async () => {
    const dir = tempDir();
    const asked: string[] = [];
    let answer: string | null = join(dir, 'chosen.pdf');
    const dialogs: FileDialogs = {
      saveFile: async (name, kind) => (asked.push(`${kind}:${name}`), answer),
      openFile: async () => null,
      openFolder: async () => null,
    };
    const { session, call, planId } = await app(dialogs);
    const input = { planId, kind: 'plan', thaiDigits: false, chapters: ['intro', 'plan'] };
    const started = await call<Output<'pdf.start'>>('pdf.start', input);
    if (!started.ok || started.data.status !== 'started') throw new Error('expected a job');
    expect(await finish(call, started.data.jobId)).toMatchObject({ state: 'done', result: { status: 'saved' } });
    const text = comparable((await extractPages(bytesOf(readFileSync(join(dir, 'chosen.pdf'))))).join(''));
    expect(text).toContain(comparable(`บทที่ 2 ${th('pdf.doc.chapter.plan')}`));
    expect(text).not.toContain(comparable(th('pdf.doc.chapter.evaluation')));
    expect(asked).toEqual([`pdf:${safeFileName(sampleSource().plan.title, 120)}.pdf`]);

    answer = null;
    expect(await call('pdf.start', input)).toEqual({ ok: true, data: { status: 'cancelled' } });
    const unknown = await call('pdf.start', { ...input, planId: crypto.randomUUID() });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(asked).toHaveLength(2);
    expect(await call('pdf.progress', { jobId: crypto.randomUUID() })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await call('pdf.start', { ...input, chapters: ['preface'] })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    session.close();
  });
});
