import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../ApiContext.tsx';
import { useExportJob } from '../pdf/useExportJob.ts';
import { useShell } from '../shell.ts';

/**
 * The plan's tables as an Excel workbook (core/xlsx/planBook.ts): main asks where to save it (Electron) and
 * writes it as a job off its main thread, shown here with a progress bar and Cancel as the print panel shows a
 * PDF's; in the browser the finished file is offered as a download. `beforeExport` lets the page store what is
 * still being typed.
 */
export function XlsxExportButton({ planId, beforeExport }: { planId: string; beforeExport?: () => Promise<void> }) {
  const { t } = useTranslation();
  const api = useApi();
  const shell = useShell();
  const { job, running, outcome, start, cancel } = useExportJob();
  useEffect(() => {
    if (outcome?.kind === 'saved') shell.notify({ text: t('xlsx.export.saved', { fileName: outcome.fileName }) });
    else if (outcome?.kind === 'cancelled') shell.notify({ text: t('xlsx.export.cancelled') });
    else if (outcome?.kind === 'failed') shell.notify({ text: t(outcome.message), kind: 'error' });
    // Only a new outcome is told, not the same one again when the language or the shell changes.
  }, [outcome]);
  const run = () =>
    start('xlsx', async () => {
      await beforeExport?.();
      return api['xlsx.export']({ planId });
    });
  return (
    <>
      <button type="button" disabled={running} aria-busy={running} onClick={() => void run()}>
        {t('xlsx.export.button')}
      </button>
      {job && (
        <>
          <progress aria-label={t('xlsx.export.progressLabel')} />
          <button type="button" onClick={cancel}>
            {t('xlsx.export.cancel')}
          </button>
        </>
      )}
    </>
  );
}
