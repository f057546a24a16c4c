import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../main/core/contract.ts';
import { useApi } from '../ApiContext.tsx';
import { BackupList } from '../components/BackupList.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { errorText } from '../format.ts';
import { DbScreen, useStatusCall } from './DbScreen.tsx';

interface DbFailedProps {
  status: AppStatus & { database: { state: 'failed' } };
  onStatus(status: AppStatus): void;
}

/**
 * The database did not open. Explain why in plain words and offer only ways out that leave the file as it
 * is: restore a backup (main keeps the failed file aside), start a new empty database (after a question
 * that names the file left behind), or open another file. A file held by another window is fine, only in
 * use: the one way out is to close that window and try again, since any other choice would leave that
 * window saving into a file the next start no longer opens. A read-only file or folder is not offered a restore
 * (or a new database beside it), which would have to write there and fail: only trying again once the user has
 * cleared the read-only setting, or another file.
 */
export function DbFailed({ status, onStatus }: DbFailedProps) {
  const { t } = useTranslation();
  const api = useApi();
  const { error, run } = useStatusCall(onStatus);
  const { database } = status;
  const [askFresh, setAskFresh] = useState(false);
  const held = database.reason === 'locked';
  const readOnly = database.reason === 'read-only';

  return (
    <DbScreen id="db-failed-heading" heading={t('dbFailed.heading')}>
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
      {readOnly && <p>{t('dbFailed.noRestoreReadOnly')}</p>}
      {held || readOnly ? (
        <div className="actions">
          <button type="button" className="primary" onClick={() => void run(api['database.retry']({}))}>
            {t('dbFailed.retry')}
          </button>
          {readOnly && status.hasDialogs && (
            <button type="button" onClick={() => void run(api['database.useAnother']({ fresh: false }))}>
              {t('dbFailed.openOther')}
            </button>
          )}
        </div>
      ) : (
        <>
          <section aria-labelledby="db-failed-backups">
            <h2 id="db-failed-backups">{t('dbFailed.backupsHeading')}</h2>
            <BackupList backups={status.backups} onRestore={(name) => void run(api['backups.restore']({ name }))} />
          </section>
          <section aria-labelledby="db-failed-other">
            <h2 id="db-failed-other">{t('dbFailed.other')}</h2>
            <div className="actions">
              <button type="button" onClick={() => setAskFresh(true)}>
                {t('dbFailed.fresh')}
              </button>
              {status.hasDialogs && (
                <button type="button" onClick={() => void run(api['database.useAnother']({ fresh: false }))}>
                  {t('dbFailed.openOther')}
                </button>
              )}
            </div>
          </section>
        </>
      )}
      {askFresh && (
        <ConfirmDialog
          title={t('dbFailed.freshConfirmTitle')}
          body={t('dbFailed.freshConfirmBody', { path: database.path })}
          confirmLabel={t('dbFailed.fresh')}
          onCancel={() => setAskFresh(false)}
          onConfirm={() => {
            setAskFresh(false);
            void run(api['database.useAnother']({ fresh: true }));
          }}
        />
      )}
    </DbScreen>
  );
}
