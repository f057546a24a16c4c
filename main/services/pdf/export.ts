import { randomUUID } from 'node:crypto';
import { AppError } from '../../core/errors.ts';
import type { PdfJobStatus, PdfResult } from '../../core/pdf/api.ts';
import { buildDocument, buildModel } from '../../core/pdf/index.ts';
import type { DocumentFormat, PdfKind, PdfOptions, Translate } from '../../core/pdf/options.ts';
import type { PlanSource } from '../../core/pdf/source.ts';
import { writeFileAtomic } from '../files.ts';
import { writeInWorker } from '../office/run.ts';
import { defaultFontsDir } from './engine/fontFiles.ts';
import { renderPdf } from './render.ts';

/**
 * PDF export as a job the UI can follow and cancel: build the document (core/pdf), typeset it off the main
 * thread (render.ts), then write it whole or not at all (temp file, fsync, rename: services/files.ts). A
 * failed or cancelled export leaves nothing behind and never touches a file already at the target. In the
 * browser bridge, which has no save dialog, the finished PDF is handed back for the page to download.
 * Word and Excel files are jobs of the same kind (`startJob`), written in the office worker (services/office).
 */

export type PdfTarget =
  { readonly kind: 'file'; readonly path: string } | { readonly kind: 'download'; readonly fileName: string };

export interface PdfJobRequest {
  readonly source: PlanSource;
  readonly kind: PdfKind;
  readonly options: PdfOptions;
  readonly t: Translate;
  readonly target: PdfTarget;
  /** Users' words for Thai line breaking (services/thaiWords.ts). */
  readonly userWords?: readonly string[];
  /** PDF (default) or Word: the same document, the same job, progress, cancel and atomic write. */
  readonly format?: DocumentFormat;
}

/** Any file as a job: its bytes, made with the job's signal (cancel) and progress; then written as a PDF is. */
export interface FileJob {
  readonly target: PdfTarget;
  /** The format's locale namespace for its messages (`<format>.panel.writeFailed`). */
  readonly format: DocumentFormat | 'xlsx';
  readonly make: (hooks: {
    readonly signal: AbortSignal;
    readonly onProgress: (done: number, total: number) => void;
  }) => Promise<Uint8Array>;
}

interface Job {
  status: PdfJobStatus;
  readonly abort: AbortController;
  finished?: Promise<void>;
}

/** Finished jobs are kept until the UI has read their outcome once, and never more than this many. */
const KEEP_FINISHED = 20;

export class PdfJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly log: (message: string) => void;
  private readonly fontsDir: string | undefined;

  constructor(options: { log?: (message: string) => void; fontsDir?: string } = {}) {
    this.log = options.log ?? (() => {});
    this.fontsDir = options.fontsDir;
  }

  start(request: PdfJobRequest): string {
    return this.startJob({
      target: request.target,
      format: request.format ?? 'pdf',
      make: (hooks) => this.render(request, hooks),
    });
  }

  startJob(file: FileJob): string {
    const id = randomUUID();
    const job: Job = { status: { state: 'running', done: 0, total: 0 }, abort: new AbortController() };
    this.jobs.set(id, job);
    this.prune();
    job.finished = this.run(job, file);
    return id;
  }

  /** The job's state; a finished job is forgotten once its outcome has been read. */
  progress(id: string): PdfJobStatus {
    const job = this.jobs.get(id);
    if (!job) throw new AppError('not-found', `no PDF export ${id}`);
    const status = { ...job.status };
    if (status.state !== 'running') this.jobs.delete(id);
    return status;
  }

  /** Stop a running export; nothing is written. A job already finished is left as it ended. */
  cancel(id: string): void {
    const job = this.jobs.get(id);
    if (!job) throw new AppError('not-found', `no PDF export ${id}`);
    if (job.status.state === 'running') job.abort.abort();
  }

  /** The job's outcome once it has finished (for callers without a UI to poll, and tests). */
  async settled(id: string): Promise<PdfJobStatus> {
    await this.jobs.get(id)?.finished;
    return this.progress(id);
  }

  private async run(job: Job, { target, format, make }: FileJob): Promise<void> {
    const { signal } = job.abort;
    try {
      // Let the request that started the job answer first: building a large plan's definition takes a moment.
      await new Promise((resolve) => setImmediate(resolve));
      if (signal.aborted) throw new AppError('cancelled', 'PDF export cancelled');
      const pdf = await make({
        signal,
        onProgress: (done, total) => {
          job.status = { ...job.status, done, total };
        },
      });
      // A cancel that arrived while the last page was drawn still means: write nothing.
      if (signal.aborted) throw new AppError('cancelled', 'PDF export cancelled');
      let result: PdfResult;
      if (target.kind === 'file') {
        try {
          writeFileAtomic(target.path, pdf);
        } catch (err) {
          // Most often the old PDF is open in a viewer (Windows locks it) or the folder is read-only: say so.
          const detail = `cannot write ${target.path}: ${err instanceof Error ? err.message : String(err)}`;
          throw new AppError('internal', detail, { _: `${format}.panel.writeFailed` });
        }
        result = { status: 'saved', fileName: target.path };
      } else {
        result = { status: 'download', fileName: target.fileName, base64: Buffer.from(pdf).toString('base64') };
      }
      job.status = { ...job.status, state: 'done', result };
    } catch (err) {
      if (err instanceof AppError && err.code === 'cancelled') {
        job.status = { ...job.status, state: 'cancelled' };
        return;
      }
      const error =
        err instanceof AppError
          ? err.toShape()
          : { code: 'internal' as const, detail: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
      this.log(`PDF export failed: ${error.detail}`);
      job.status = { ...job.status, state: 'failed', error };
    }
  }

  /**
   * The document's bytes. A PDF is typeset in the engine's worker, page by page (the progress); a Word file
   * is written in the office worker in one step (Word lays out its own pages, so there are none to count).
   */
  private async render(
    { source, kind, options, t, userWords, format }: PdfJobRequest,
    { signal, onProgress }: Parameters<FileJob['make']>[0],
  ): Promise<Uint8Array> {
    const input = { source, options, t };
    if (format === 'docx') {
      const fontsDir = this.fontsDir ?? defaultFontsDir();
      return writeInWorker({ type: 'docx', model: buildModel(kind, input), fontsDir }, signal);
    }
    const built = buildDocument(kind, input);
    return renderPdf(built.doc, {
      signal,
      numbering: built.numbering,
      onProgress,
      ...(this.fontsDir ? { fontsDir: this.fontsDir } : {}),
      ...(userWords ? { userWords } : {}),
    });
  }

  private prune(): void {
    const finished = [...this.jobs].filter(([, job]) => job.status.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(id);
  }
}
