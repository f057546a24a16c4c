/**
 * The main-thread side of the PDF worker. A render runs in a worker thread so the main process never
 * stalls; starting one costs a few hundred milliseconds (loading pdfkit, fontkit, pdfmake and the lexicon),
 * so a finished worker is kept for the next render for a minute, without holding the process open, and an
 * export starts one (`warmWorker`) before it builds the document, which takes about as long on the main
 * thread. Cancelling terminates the worker; a worker that failed is not reused.
 */
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../core/errors.ts';
import type { EngineSettings, LaidOutLine } from './typeset.ts';
import type { RenderJob, WarmRequest, WorkerMessage } from './worker.ts';
import { workerScript } from '../../workerScript.ts';

const IDLE_MS = 60_000;

let idle: { worker: Worker; timer: NodeJS.Timeout } | null = null;
let nextId = 1;

function acquire(): Worker {
  if (idle) {
    const { worker, timer } = idle;
    idle = null;
    clearTimeout(timer);
    worker.ref();
    return worker;
  }
  const worker = new Worker(workerScript(import.meta.url, 'pdfWorker.js', 'worker.ts'));
  // A worker that fails while idle (a warm one still loading) is forgotten; a render has listeners of its own.
  const forget = () => {
    if (idle?.worker === worker) idle = null;
  };
  worker.once('exit', forget);
  worker.on('error', forget);
  return worker;
}

function release(worker: Worker): void {
  if (idle) {
    void worker.terminate(); // one warm worker is enough
    return;
  }
  worker.unref();
  const timer = setTimeout(() => {
    if (idle?.worker !== worker) return;
    idle = null;
    void worker.terminate();
  }, IDLE_MS);
  timer.unref();
  idle = { worker, timer };
}

/**
 * Have a worker load what a render with these settings needs (modules, lexicon with the users' words) while
 * the caller builds the document: the next render takes it. Without a render it ends after the idle minute.
 */
export function warmWorker(settings: EngineSettings): void {
  let worker: Worker;
  try {
    worker = acquire();
  } catch {
    return; // no worker to start: the render says why
  }
  const request: WarmRequest = { type: 'warm', settings };
  worker.postMessage(request);
  release(worker);
}

export interface WorkerResult {
  readonly pdf: Uint8Array;
  readonly lines: LaidOutLine[] | null;
}

export interface WorkerHooks {
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
}

const cancelled = () => new AppError('cancelled', 'PDF rendering cancelled');
const failed = (detail: string) => new AppError('internal', `PDF rendering failed: ${detail}`);

/** Render in a worker thread; rejects with AppError 'cancelled' when the signal fires, 'internal' on failure. */
export function renderInWorker(
  doc: RenderJob['doc'],
  settings: EngineSettings,
  hooks: WorkerHooks = {},
): Promise<WorkerResult> {
  const { signal, onProgress } = hooks;
  if (signal?.aborted) return Promise.reject(cancelled());
  const id = nextId++;
  const worker = acquire();
  return new Promise<WorkerResult>((resolve, reject) => {
    let settled = false;
    const finish = (keep: boolean, action: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (keep) release(worker);
      else void worker.terminate();
      action();
    };
    const onAbort = () => finish(false, () => reject(cancelled()));
    const onMessage = (message: WorkerMessage) => {
      if (message.id !== id) return;
      if (message.type === 'progress') onProgress?.(message.done, message.total);
      else if (message.type === 'done') finish(true, () => resolve({ pdf: message.pdf, lines: message.lines }));
      else finish(false, () => reject(failed(message.stack ?? message.message)));
    };
    const onError = (err: Error) => finish(false, () => reject(failed(err.stack ?? err.message)));
    const onExit = (code: number) => finish(false, () => reject(failed(`the worker exited with code ${code}`)));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    const job: RenderJob = { type: 'render', id, doc, settings };
    try {
      worker.postMessage(job);
    } catch (err) {
      // Not structured-cloneable: the worker never saw it and stays usable.
      finish(true, () => reject(failed(err instanceof Error ? err.message : String(err))));
    }
  });
}
