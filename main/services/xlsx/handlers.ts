import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Handlers } from '../../core/contract.ts';
import { AppError } from '../../core/errors.ts';
import type { xlsxChannels } from '../../core/xlsx/api.ts';
import { planBook } from '../../core/xlsx/planBook.ts';
import { safeFileName } from '../files.ts';
import { translator } from '../locales.ts';
import { writeInWorker } from '../office/run.ts';
import type { PdfJobs, PdfTarget } from '../pdf/export.ts';
import { planSourceFromStore } from '../pdf/source.ts';
import type { FileDialogs, Session } from '../session.ts';
import { MAX_XLSX_BYTES, readXlsxGrids } from './read.ts';

type XlsxChannel = keyof typeof xlsxChannels;

/**
 * The Excel channels on the services. Export is a job like a PDF's (services/pdf/export.ts: progress, cancel,
 * written whole or not at all; followed with pdf.progress and pdf.cancel): the tables are built here in core,
 * the file is written by exceljs in the office worker, off the main thread. The sheet names and headers are
 * in the language chosen in settings, as the PDF's words are.
 */
export function xlsxHandlers({
  session,
  dialogs,
  resourcesDir,
  jobs,
}: {
  readonly session: Session;
  readonly dialogs: FileDialogs | null;
  readonly resourcesDir: string;
  readonly jobs: PdfJobs;
}): Pick<Handlers, XlsxChannel> {
  return {
    'xlsx.export': async ({ planId }) => {
      const store = session.store();
      const source = planSourceFromStore(store, resourcesDir, planId);
      const t = translator(resourcesDir, store.getSettings().language);
      const fileName = `${safeFileName(source.plan.title, 120)}.xlsx`;
      let target: PdfTarget = { kind: 'download', fileName };
      if (dialogs) {
        const path = await dialogs.saveFile(fileName, 'xlsx');
        if (!path) return { status: 'cancelled' };
        target = { kind: 'file', path };
      }
      const jobId = jobs.startJob({
        target,
        format: 'xlsx',
        make: ({ signal }) => writeInWorker({ type: 'xlsx', book: planBook(source, t) }, signal),
      });
      return { status: 'started', jobId };
    },
    'xlsx.open': async ({ base64, fileName }) => {
      let bytes: Uint8Array;
      let name = fileName ?? '';
      if (base64 !== undefined) bytes = Buffer.from(base64, 'base64');
      else {
        if (!dialogs) throw new AppError('invalid-input', 'no file content and no dialog to choose one');
        const path = await dialogs.openFile('xlsx');
        if (!path) return { status: 'cancelled' };
        // Checked before reading, so a huge file is refused without being loaded.
        if (statSync(path).size > MAX_XLSX_BYTES)
          throw new AppError('file-too-large', `${path}: over ${MAX_XLSX_BYTES} bytes`, { _: 'xlsx.import.tooLarge' });
        bytes = readFileSync(path);
        name = basename(path);
      }
      return { status: 'read', fileName: name, sheets: await readXlsxGrids(bytes) };
    },
  };
}
