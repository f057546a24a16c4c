/**
 * The main-thread side of the office worker (worker.ts): one worker per file, started for the export and
 * terminated when it ends, so nothing stays loaded between exports (they are rare, and loading docx, resvg
 * and exceljs takes a fraction of the file's time). Cancelling terminates it at once.
 */
import { Worker } from 'node:worker_threads';
import { AppError } from '../../core/errors.ts';
import type { OfficeJob, OfficeMessage } from './worker.ts';
import { workerScript } from '../workerScript.ts';

/** The file's bytes, written in a worker thread; rejects with AppError 'cancelled' when the signal fires. */
export function writeInWorker(job: OfficeJob, signal?: AbortSignal): Promise<Uint8Array> {
  const cancelled = () => new AppError('cancelled', `${job.type} export cancelled`);
  const failed = (detail: string) => new AppError('internal', `${job.type} export failed: ${detail}`);
  if (signal?.aborted) return Promise.reject(cancelled());
  const worker = new Worker(workerScript(import.meta.url, 'officeWorker.js', 'worker.ts'));
  return new Promise<Uint8Array>((resolve, reject) => {
    let settled = false;
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      action();
    };
    const onAbort = () => finish(() => reject(cancelled()));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: OfficeMessage) =>
      finish(() =>
        message.type === 'done' ? resolve(message.bytes) : reject(failed(message.stack ?? message.message)),
      ),
    );
    worker.on('error', (err) => finish(() => reject(failed(err.stack ?? err.message))));
    worker.on('exit', (code) => finish(() => reject(failed(`the worker exited with code ${code}`))));
    try {
      worker.postMessage(job);
    } catch (err) {
      finish(() => reject(failed(err instanceof Error ? err.message : String(err))));
    }
  });
}
