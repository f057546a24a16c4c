import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PdfJobStatus, PdfRequest } from '../../../main/core/pdf/api.ts';
import type { DocumentFormat } from '../../../main/core/pdf/options.ts';
import type { AppErrorShape } from '../../../main/core/errors.ts';
import { useApi } from '../ApiContext.tsx';
import { downloadBase64 } from './download.ts';

/**
 * A document export as the UI follows it, for every place that offers one (the print panel, the monitoring
 * summary's progress report): start it in main (pdf.start: main asks where to save, or hands the file back
 * for a download in the browser), poll its progress, cancel it, and say how it ended.
 */

const MIME: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};
/** How often the UI asks main how far the export has got. */
const POLL_MS = 200;

/** `message`: the failure's own locale key when main gave one (a file it could not write), else the general one. */
type Outcome =
  { kind: 'saved' | 'downloaded'; fileName: string } | { kind: 'cancelled' } | { kind: 'failed'; message: string };
const failed = (format: DocumentFormat, error?: AppErrorShape): Outcome => ({
  kind: 'failed',
  message: error?.fields?._ ?? `${format}.panel.failed`,
});

export interface ExportJob {
  readonly running: boolean;
  start(request: PdfRequest): Promise<void>;
  /** Cancel, while an export runs: for the row of the button that starts it. */
  readonly cancel: React.ReactNode;
  /** The progress bar while running, and how the export ended. */
  readonly status: React.ReactNode;
}

export function useExportJob(): ExportJob {
  const { t } = useTranslation();
  const api = useApi();
  const [job, setJob] = useState<{ id: string; status: PdfJobStatus } | null>(null);
  const [format, setFormat] = useState<DocumentFormat>('pdf');
  const [starting, setStarting] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const poll = (id: string, format: DocumentFormat) => {
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
  };

  const start = async (request: PdfRequest) => {
    const format = request.format ?? 'pdf';
    setFormat(format);
    setOutcome(null);
    setStarting(true);
    const result = await api['pdf.start'](request);
    setStarting(false);
    if (!result.ok) return setOutcome(failed(format, result.error));
    if (result.data.status === 'cancelled') return;
    const id = result.data.jobId;
    setJob({ id, status: { state: 'running', done: 0, total: 0 } });
    poll(id, format);
  };

  const progress = job?.status;
  const cancel = job && (
    <button type="button" onClick={() => void api['pdf.cancel']({ jobId: job.id })}>
      {t('pdf.panel.cancel')}
    </button>
  );
  const status = (
    <>
      {progress && (
        <div className="pdf-progress">
          <progress
            aria-label={t('pdf.panel.progressLabel')}
            max={progress.total || undefined}
            value={progress.total ? progress.done : undefined}
          />
          <p role="status">
            {progress.total
              ? t('pdf.panel.pages', { done: progress.done, total: progress.total })
              : t('pdf.panel.laying')}
          </p>
        </div>
      )}
      {outcome && (
        <p
          role={outcome.kind === 'failed' ? 'alert' : 'status'}
          className={outcome.kind === 'failed' ? 'notice notice-error' : 'notice'}
        >
          {outcome.kind === 'saved' || outcome.kind === 'downloaded'
            ? t(`${format === 'docx' ? 'docx' : 'pdf'}.panel.${outcome.kind}`, { fileName: outcome.fileName })
            : outcome.kind === 'failed'
              ? t(outcome.message)
              : t('pdf.panel.cancelled')}
        </p>
      )}
    </>
  );
  return { running: job?.status.state === 'running' || starting, start, cancel, status };
}
