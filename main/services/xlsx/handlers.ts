import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Handlers } from '../../core/contract.ts';
import { AppError } from '../../core/errors.ts';
import type { xlsxChannels } from '../../core/xlsx/api.ts';
import { planBook } from '../../core/xlsx/planBook.ts';
import { safeFileName, writeFileAtomic } from '../files.ts';
import { translator } from '../locales.ts';
import { planSourceFromStore } from '../pdf/source.ts';
import type { FileDialogs, Session } from '../session.ts';
import { MAX_XLSX_BYTES, readXlsxGrids } from './read.ts';
import { writeXlsx } from './write.ts';

type XlsxChannel = keyof typeof xlsxChannels;

/**
 * The Excel channels on the services. A workbook of the largest plan is built and written in well under a
 * second (`npm run bench`), so export is one request, not a job with progress like the PDF's. The sheet
 * names and headers are in the language chosen in settings, as the PDF's words are.
 */
export function xlsxHandlers({
  session,
  dialogs,
  resourcesDir,
}: {
  readonly session: Session;
  readonly dialogs: FileDialogs | null;
  readonly resourcesDir: string;
}): Pick<Handlers, XlsxChannel> {
  return {
    'xlsx.export': async ({ planId }) => {
      const store = session.store();
      const source = planSourceFromStore(store, resourcesDir, planId);
      const t = translator(resourcesDir, store.getSettings().language);
      const bytes = await writeXlsx(planBook(source, t));
      const fileName = `${safeFileName(source.plan.title, 120)}.xlsx`;
      if (!dialogs) return { status: 'download', fileName, base64: Buffer.from(bytes).toString('base64') };
      const path = await dialogs.saveFile(fileName, 'xlsx');
      if (!path) return { status: 'cancelled' };
      try {
        writeFileAtomic(path, bytes);
      } catch (err) {
        // Most often the old file is open in Excel (Windows locks it): say so rather than "internal error".
        const detail = `cannot write ${path}: ${err instanceof Error ? err.message : String(err)}`;
        throw new AppError('read-only', detail, { _: 'pdf.panel.writeFailed' });
      }
      return { status: 'saved', fileName: path };
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
