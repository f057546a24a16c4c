/**
 * Worker thread entry for Word and Excel files: it writes the one file it is sent (a document model as .docx,
 * a workbook built in core as .xlsx), posts the bytes or the error, and is then terminated by the main side
 * (run.ts), which also terminates it to cancel. Word's packing and the charts' PNG fallbacks (resvg) and
 * exceljs's writing take seconds for the 100-page plan: here they never hold up Electron's main thread.
 */
import { parentPort } from 'node:worker_threads';
import type { DocModel } from '../../core/doc/model.ts';
import type { XlsxBook } from '../../core/xlsx/book.ts';
import { rasteriser } from '../docx/images.ts';
import { renderDocx } from '../docx/render.ts';
import { writeXlsx } from '../xlsx/write.ts';

export type OfficeJob =
  | { readonly type: 'docx'; readonly model: DocModel; readonly fontsDir: string }
  | { readonly type: 'xlsx'; readonly book: XlsxBook };

export type OfficeMessage = { type: 'done'; bytes: Uint8Array } | { type: 'error'; message: string; stack?: string };

const port = parentPort;
if (!port) throw new Error('office/worker.ts runs as a worker thread only');

function write(job: OfficeJob): Promise<Uint8Array> {
  if (job.type === 'xlsx') return writeXlsx(job.book);
  return renderDocx(job.model, { rasterise: rasteriser(job.fontsDir), fontsDir: job.fontsDir });
}

port.once('message', (job: OfficeJob) => {
  write(job).then(
    (written) => {
      const bytes = new Uint8Array(written); // an own buffer (Buffer may share a pool), transferred without a copy
      port.postMessage({ type: 'done', bytes } satisfies OfficeMessage, [bytes.buffer]);
    },
    (err: unknown) => {
      const error = err instanceof Error ? err : new Error(String(err));
      port.postMessage({
        type: 'error',
        message: error.message,
        ...(error.stack ? { stack: error.stack } : {}),
      } satisfies OfficeMessage);
    },
  );
});
