import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { dispatch, type Output } from '../../main/core/contract.ts';
import { AppError, type AppErrorShape } from '../../main/core/errors.ts';
import { buildModel } from '../../main/core/pdf/index.ts';
import { CHAPTERS } from '../../main/core/pdf/options.ts';
import { planBook } from '../../main/core/xlsx/planBook.ts';
import { safeFileName } from '../../main/services/files.ts';
import { createHandlers } from '../../main/services/handlers.ts';
import { translator } from '../../main/services/locales.ts';
import { writeInWorker } from '../../main/services/office/run.ts';
import { Session, type FileDialogs } from '../../main/services/session.ts';
import { RESOURCES, sampleSource } from '../harness/pdfPlan.ts';
import { sha256 } from '../harness/store.ts';
import { useTempDir } from '../harness/tmp.ts';
import { readXlsxParts } from '../harness/xlsxParts.ts';

/**
 * Word and Excel files are written in a worker thread (services/office), and the Excel export is a job like
 * the PDF's: saved where the dialog says, written whole or not at all, handed back for download without a
 * dialog, and cancelled with pdf.cancel leaving nothing behind. Files are read back with mammoth and with the
 * test's own reading of the workbook's XML (not exceljs).
 */

const tempDir = useTempDir();
const th = translator(RESOURCES, 'th');
const FONTS = join(RESOURCES, 'fonts');

describe('the office worker', () => {
  it('writes the full plan as .docx and the tables as .xlsx off the main thread', async () => {
    const source = sampleSource();
    const options = { language: 'th', thaiDigits: false, chapters: CHAPTERS, date: '2026-12-07' } as const;
    const model = buildModel('plan', { source, options, t: th });
    const docx = await writeInWorker({ type: 'docx', model, fontsDir: FONTS });
    const file = join(tempDir(), 'plan.docx');
    writeFileSync(file, docx);
    // The cover sets the title in balanced lines, and era years are joined to their year: compare without spaces.
    const unspaced = (text: string) => text.replace(/\s+/g, '');
    expect(unspaced((await mammoth.extractRawText({ path: file })).value)).toContain(unspaced(source.plan.title));
    const xlsx = await writeInWorker({ type: 'xlsx', book: planBook(source, th) });
    expect(readXlsxParts(xlsx).sheets[0]!.name).toBe('ตัวชี้วัดและค่าเป้าหมาย');
  });

  it('stops writing when cancelled and says so with the cancelled code', async () => {
    const source = sampleSource();
    const options = { language: 'th', thaiDigits: false, chapters: CHAPTERS, date: '2026-12-07' } as const;
    const abort = new AbortController();
    const writing = writeInWorker(
      { type: 'docx', model: buildModel('plan', { source, options, t: th }), fontsDir: FONTS },
      abort.signal,
    );
    setTimeout(() => abort.abort(), 20);
    const error = await writing.catch((err: unknown) => err);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('cancelled');
  });
});

describe('the Excel export as a job', () => {
  const start = async (dialogs: FileDialogs | null) => {
    const session = await Session.start({ dataDir: tempDir(), backupIntervalMs: 0 });
    const handlers = createHandlers({ session, dialogs, resourcesDir: RESOURCES, version: 'test' });
    const call = async <T>(channel: string, payload: unknown = {}) => {
      const result = (await dispatch(handlers, channel, payload)) as
        { ok: true; data: T } | { ok: false; error: AppErrorShape };
      if (!result.ok) throw new Error(result.error.detail);
      return result.data;
    };
    const sample = await call<Output<'plans.openSample'>>('plans.openSample');
    const started = await call<Output<'xlsx.export'>>('xlsx.export', { planId: sample.id });
    const settled = async () => {
      if (started.status !== 'started') throw new Error('expected a job');
      for (;;) {
        const progress = await call<Output<'pdf.progress'>>('pdf.progress', { jobId: started.jobId });
        if (progress.state !== 'running') return progress;
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const cancel = () =>
      started.status === 'started' ? call<Output<'pdf.cancel'>>('pdf.cancel', { jobId: started.jobId }) : null;
    return { session, started, settled, cancel };
  };

  it('saves the workbook where the dialog says, whole, and hands it back for download without a dialog', async () => {
    const dir = tempDir();
    const asked: string[] = [];
    const dialogs: FileDialogs = {
      saveFile: async (name, kind) => (asked.push(`${kind}:${name}`), join(dir, 'ตาราง.xlsx')),
      openFile: async () => null,
      openFolder: async () => null,
    };
    const saved = await start(dialogs);
    const done = await saved.settled();
    saved.session.close();
    expect(done.result).toEqual({ status: 'saved', fileName: join(dir, 'ตาราง.xlsx') });
    expect(asked).toEqual([`xlsx:${safeFileName(sampleSource().plan.title, 120)}.xlsx`]);
    expect(readdirSync(dir)).toEqual(['ตาราง.xlsx']);
    expect(readXlsxParts(new Uint8Array(readFileSync(join(dir, 'ตาราง.xlsx')))).sheets).toHaveLength(5);

    const downloaded = await start(null);
    const handed = await downloaded.settled();
    downloaded.session.close();
    if (handed.result?.status !== 'download') throw new Error(`expected a download, got ${JSON.stringify(handed)}`);
    expect(handed.result.fileName).toBe(`${safeFileName(sampleSource().plan.title, 120)}.xlsx`);
    const bytes = new Uint8Array(Buffer.from(handed.result.base64, 'base64'));
    expect(readXlsxParts(bytes).sheets[1]!.name).toBe('โครงการและงบประมาณ');
  });

  it('starts nothing when the dialog is closed, and a cancelled export leaves the file already there as it was', async () => {
    const closed = await start({
      saveFile: async () => null,
      openFile: async () => null,
      openFolder: async () => null,
    });
    closed.session.close();
    expect(closed.started).toEqual({ status: 'cancelled' });

    const dir = tempDir();
    const path = join(dir, 'ตาราง.xlsx');
    writeFileSync(path, 'an earlier workbook');
    const before = sha256(path);
    const job = await start({ saveFile: async () => path, openFile: async () => null, openFolder: async () => null });
    await job.cancel();
    const done = await job.settled();
    job.session.close();
    expect(done.state).toBe('cancelled');
    expect(readdirSync(dir)).toEqual(['ตาราง.xlsx']);
    expect(sha256(path)).toBe(before);
  });
});
