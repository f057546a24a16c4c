import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PdfRequest } from '../../../main/core/pdf/api.ts';
import type { DocumentFormat } from '../../../main/core/pdf/options.ts';
import { useApi } from '../ApiContext.tsx';
import { useExportJob } from './useExportJob.ts';

/**
 * A document export (PDF or Word) as the UI shows it, for every place that offers one (the print panel, the
 * monitoring summary's progress report): the job itself is useExportJob's; this adds the Cancel button, the
 * progress bar and the sentence that says how it ended, in the document's own words.
 */
export interface DocumentExport {
  readonly running: boolean;
  start(request: PdfRequest): Promise<void>;
  /** Cancel, while an export runs: for the row of the button that starts it. */
  readonly cancel: React.ReactNode;
  /** The progress bar while running, and how the export ended. */
  readonly status: React.ReactNode;
}

export function useDocumentExport(): DocumentExport {
  const { t } = useTranslation();
  const api = useApi();
  const [format, setFormat] = useState<DocumentFormat>('pdf');
  const { job, running, outcome, start: startJob, cancel: cancelJob } = useExportJob();

  const start = (request: PdfRequest) => {
    const chosen = request.format ?? 'pdf';
    setFormat(chosen);
    return startJob(chosen, () => api['pdf.start'](request));
  };

  const progress = job?.status;
  const cancel = job && (
    <button type="button" onClick={cancelJob}>
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
            ? t(`${format}.panel.${outcome.kind}`, { fileName: outcome.fileName })
            : outcome.kind === 'failed'
              ? t(outcome.message)
              : t('pdf.panel.cancelled')}
        </p>
      )}
    </>
  );
  return { running, start, cancel, status };
}
