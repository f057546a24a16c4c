import { useCallback, useEffect, useRef, useState } from 'react';
import type { PdfJobStatus, PdfStarted } from '../../../main/core/pdf/api.ts';
import type { AppErrorShape, Result } from '../../../main/core/errors.ts';
import { useApi } from '../ApiContext.tsx';
import { downloadBase64 } from './download.ts';

/**
 * An export main runs as a job (services/pdf/export.ts: a PDF, a Word file or an Excel workbook): started by
 * its own channel, then followed with pdf.progress until it ends, and cancelled with pdf.cancel. A finished
 * download (browser mode) is offered to the user here. One hook for the print panel and the Excel button.
 */

export type ExportFormat = 'pdf' | 'docx' | 'xlsx';

const MIME: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
/** How often the page asks main how far the export has got. */
const POLL_MS = 200;

/** `message`: the failure's own locale key when main gave one (a file it could not write), else the format's. */
export type ExportOutcome =
  { kind: 'saved' | 'downloaded'; fileName: string } | { kind: 'cancelled' } | { kind: 'failed'; message: string };
const failed = (format: ExportFormat, error?: AppErrorShape): ExportOutcome => ({
  kind: 'failed',
  message: error?.fields?._ ?? `${format}.panel.failed`,
});

export function useExportJob() {
  const api = useApi();
  const [job, setJob] = useState<{ id: string; status: PdfJobStatus } | null>(null);
  const [starting, setStarting] = useState(false);
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const poll = useCallback(
    (id: string, format: ExportFormat) => {
      timer.current = setTimeout(async () => {
        const result = await api['pdf.progress']({ jobId: id });
        if (!result.ok) {
          setJob(null);
          setOutcome(failed(format, result.error));
          return;
        }
        const status = result.data;
        if (status.state === 'running') {
          setJob({ id, status });
          poll(id, format);
          return;
        }
        setJob(null);
        if (status.state === 'cancelled') setOutcome({ kind: 'cancelled' });
        else if (status.state === 'failed' || !status.result) setOutcome(failed(format, status.error));
        else if (status.result.status === 'download') {
          downloadBase64(status.result.fileName, status.result.base64, MIME[format]);
          setOutcome({ kind: 'downloaded', fileName: status.result.fileName });
        } else setOutcome({ kind: 'saved', fileName: status.result.fileName });
      }, POLL_MS);
    },
    [api],
  );

  /** `begin` calls the format's start channel (main may first ask where to save; closed, nothing starts). */
  const start = async (format: ExportFormat, begin: () => Promise<Result<PdfStarted>>) => {
    setOutcome(null);
    setStarting(true);
    const result = await begin();
    setStarting(false);
    if (!result.ok) return setOutcome(failed(format, result.error));
    if (result.data.status === 'cancelled') return;
    const id = result.data.jobId;
    setJob({ id, status: { state: 'running', done: 0, total: 0 } });
    poll(id, format);
  };

  const cancel = () => {
    if (job) void api['pdf.cancel']({ jobId: job.id });
  };

  return { job, running: starting || job?.status.state === 'running', outcome, start, cancel };
}
