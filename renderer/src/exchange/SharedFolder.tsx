import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FolderStatus, ImportReport } from '../../../main/core/exchange/api.ts';
import type { Result } from '../../../main/core/errors.ts';
import { useApi } from '../ApiContext.tsx';
import { formatDateTime } from '../format.ts';
import { useShell } from '../shell.ts';
import { ImportOutcomes } from './ImportOutcomes.tsx';
import { exchangeErrorText } from './labels.ts';

interface SharedFolderProps {
  folder: FolderStatus;
  hasDialogs: boolean;
  onFolder(folder: FolderStatus): void;
  onImported(report: Extract<ImportReport, { status: 'done' }>): void;
}

/**
 * Shared-folder mode: a folder a sync engine (OneDrive, Google Drive, Nextcloud, Syncthing, a network share)
 * carries between offices. Only the desktop app can use one: a web page cannot read or write a folder of
 * this computer, so the browser says why instead of offering a button that cannot work.
 */
export function SharedFolder({ folder, hasDialogs, onFolder, onImported }: SharedFolderProps) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const shell = useShell();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<Extract<ImportReport, { status: 'done' }> | null>(null);

  const run = async <T,>(call: () => Promise<Result<T>>, then: (data: T) => void) => {
    setBusy(true);
    const result = await call();
    setBusy(false);
    if (result.ok) then(result.data);
    else shell.notify({ text: exchangeErrorText(t, result.error), kind: 'error' });
  };
  const sync = () =>
    run(
      () => api['exchange.folder.sync']({}),
      (data) => {
        if (data.status !== 'done') return;
        setReport(data);
        onImported(data);
      },
    );

  // A newly chosen folder may already hold the other offices' packages: look at once.
  const chosen = (next: FolderStatus) => {
    onFolder(next);
    if (next.path !== null && next.path !== folder.path) void sync();
  };

  return (
    <section className="card" aria-labelledby={`${id}-h`} aria-busy={busy}>
      <h2 id={`${id}-h`}>{t('exchange.ui.folder.heading')}</h2>
      <p className="muted">{t('exchange.ui.folder.hint')}</p>
      {!hasDialogs ? (
        <p className="notice">{t('exchange.ui.folder.browser')}</p>
      ) : (
        <>
          <dl className="facts">
            <dt>{t('exchange.ui.folder.path')}</dt>
            <dd className="folder-path">{folder.path ?? t('exchange.ui.folder.none')}</dd>
            {folder.path !== null && (
              <>
                <dt>{t('exchange.ui.folder.lastSync')}</dt>
                <dd>
                  {folder.lastSyncAt ? formatDateTime(folder.lastSyncAt, i18n.language) : t('exchange.ui.folder.never')}
                </dd>
              </>
            )}
          </dl>
          <div className="actions">
            {folder.path !== null && (
              <button type="button" className="primary" disabled={busy} onClick={() => void sync()}>
                {t('exchange.ui.folder.sync')}
              </button>
            )}
            <button
              type="button"
              disabled={busy}
              onClick={() => void run(() => api['exchange.folder.choose']({}), chosen)}
            >
              {t(folder.path === null ? 'exchange.ui.folder.choose' : 'exchange.ui.folder.change')}
            </button>
            {folder.path !== null && (
              <button
                type="button"
                disabled={busy}
                onClick={() => void run(() => api['exchange.folder.clear']({}), onFolder)}
              >
                {t('exchange.ui.folder.clear')}
              </button>
            )}
          </div>
          {report ? (
            report.packages.length === 0 ? (
              <p role="status">{t('exchange.ui.folder.nothingNew')}</p>
            ) : (
              <ImportOutcomes outcomes={report.packages} />
            )
          ) : (
            // Until the user syncs: what the app's own sync at start brought in or refused.
            folder.atStart !== null &&
            folder.atStart.packages.length > 0 && (
              <>
                <p>{t('exchange.ui.folder.atStart', { at: formatDateTime(folder.atStart.at, i18n.language) })}</p>
                <ImportOutcomes outcomes={folder.atStart.packages} />
              </>
            )
          )}
        </>
      )}
    </section>
  );
}
