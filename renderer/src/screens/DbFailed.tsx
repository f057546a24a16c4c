import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../main/core/contract.ts';
import type { AppErrorShape, Result } from '../../../main/core/errors.ts';
import { useApi } from '../ApiContext.tsx';
import { BackupList } from '../components/BackupList.tsx';
import { errorText } from '../format.ts';

interface DbFailedProps {
  status: AppStatus & { database: { state: 'failed' } };
  onStatus(status: AppStatus): void;
}

/**
 * The database did not open. Explain why in plain words and offer only ways out that leave the file as it
 * is: restore a backup (main keeps the failed file aside), start a new empty database, or open another file.
 */
export function DbFailed({ status, onStatus }: DbFailedProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [error, setError] = useState<AppErrorShape | null>(null);
  const { database } = status;

  const run = async (call: Promise<Result<AppStatus>>) => {
    const result = await call;
    if (result.ok) onStatus(result.data);
    else setError(result.error);
  };

  return (
    <>
      <header className="app-header">
        <span className="brand">{t('app.name')}</span>
      </header>
      <main className="page narrow card" aria-labelledby="db-failed-heading">
        <h1 id="db-failed-heading">{t('dbFailed.heading')}</h1>
        <p className="notice notice-error">{t(`dbFailed.reason.${database.reason}`)}</p>
        <dl className="facts">
          <dt>{t('dbFailed.file')}</dt>
          <dd>
            <code>{database.path}</code>
          </dd>
        </dl>
        <p>{t('dbFailed.safe')}</p>
        <details>
          <summary>{t('dbFailed.detail')}</summary>
          <code>{database.detail}</code>
        </details>
        {error && (
          <p className="notice notice-error" role="alert">
            {errorText(t, error)}
          </p>
        )}
        <section aria-labelledby="db-failed-backups">
          <h2 id="db-failed-backups">{t('dbFailed.backupsHeading')}</h2>
          <BackupList backups={status.backups} onRestore={(name) => void run(api['backups.restore']({ name }))} />
        </section>
        <section aria-labelledby="db-failed-other">
          <h2 id="db-failed-other">{t('dbFailed.other')}</h2>
          <div className="actions">
            <button type="button" onClick={() => void run(api['database.useAnother']({ fresh: true }))}>
              {t('dbFailed.fresh')}
            </button>
            {status.hasDialogs && (
              <button type="button" onClick={() => void run(api['database.useAnother']({ fresh: false }))}>
                {t('dbFailed.openOther')}
              </button>
            )}
          </div>
        </section>
      </main>
    </>
  );
}
