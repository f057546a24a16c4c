import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../ApiContext.tsx';
import { downloadBase64 } from '../pdf/download.ts';
import { useShell } from '../shell.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The plan's tables as an Excel workbook (core/xlsx/planBook.ts): main asks where to save it (Electron) or
 * hands it back for a download (browser). `beforeExport` lets the page store what is still being typed.
 */
export function XlsxExportButton({ planId, beforeExport }: { planId: string; beforeExport?: () => Promise<void> }) {
  const { t } = useTranslation();
  const api = useApi();
  const shell = useShell();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    await beforeExport?.();
    const result = await api['xlsx.export']({ planId });
    setBusy(false);
    if (!result.ok)
      return shell.notify({ text: t(result.error.fields?._ ?? `errors.${result.error.code}`), kind: 'error' });
    if (result.data.status === 'download') downloadBase64(result.data.fileName, result.data.base64, XLSX_TYPE);
    else if (result.data.status === 'saved')
      shell.notify({ text: t('xlsx.export.saved', { fileName: result.data.fileName }) });
  };
  return (
    <button type="button" disabled={busy} aria-busy={busy} onClick={() => void run()}>
      {t('xlsx.export.button')}
    </button>
  );
}
