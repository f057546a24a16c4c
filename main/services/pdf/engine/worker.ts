/**
 * Worker thread entry: renders the documents it is sent, one at a time, posting progress and then the PDF
 * bytes or the error. The main side (pool.ts) keeps a finished worker warm for the next render and
 * terminates a worker to cancel its render. Asked to get ready (pool.ts `warmWorker`), it loads what every
 * render needs while the main thread is still building the document.
 */
import './compileCache.ts'; // first: before the engine's modules load
import { parentPort } from 'node:worker_threads';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { type EngineSettings, type LaidOutLine, prepareRender, typeset } from './typeset.ts';

export interface RenderJob {
  readonly type: 'render';
  readonly id: number;
  readonly doc: TDocumentDefinitions;
  readonly settings: EngineSettings;
}

/** Get ready for a render with these settings; nothing is posted back. */
export interface WarmRequest {
  readonly type: 'warm';
  readonly settings: EngineSettings;
}

export type WorkerMessage = { id: number } & (
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; pdf: Uint8Array; lines: LaidOutLine[] | null }
  | { type: 'error'; message: string; stack?: string }
);

const port = parentPort;
if (!port) throw new Error('engine/worker.ts runs as a worker thread only');
const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

port.on('message', (message: RenderJob | WarmRequest) => {
  if (message.type === 'warm') {
    try {
      prepareRender(message.settings);
    } catch {
      // The render with these settings meets the same failure and reports it.
    }
    return;
  }
  const { id, doc, settings } = message;
  typeset(doc, settings, (done, total) => post({ id, type: 'progress', done, total })).then(
    ({ pdf, lines }) => {
      const bytes = new Uint8Array(pdf); // an own buffer (Buffer may share a pool), transferred without a copy
      post({ id, type: 'done', pdf: bytes, lines }, [bytes.buffer]);
    },
    (err: unknown) => {
      const error = err instanceof Error ? err : new Error(String(err));
      post({ id, type: 'error', message: error.message, ...(error.stack ? { stack: error.stack } : {}) });
    },
  );
});
