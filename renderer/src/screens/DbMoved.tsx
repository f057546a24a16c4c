import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../main/core/contract.ts';
import { useApi } from '../ApiContext.tsx';
import { errorText } from '../format.ts';
import { DbScreen, useStatusCall } from './DbScreen.tsx';

interface DbMovedProps {
  status: AppStatus;
  movedFrom: { path: string; host: string; unsent: { ops: number; rows: number } };
  onStatus(status: AppStatus): void;
}

/**
 * The database was last opened in another folder or on another computer. Asked before any edit: a copy that
 * went on under the original's office id would have its edits taken for the original's, and lost in exchange.
 */
export function DbMoved({ status, movedFrom, onStatus }: DbMovedProps) {
  const { t } = useTranslation();
  const api = useApi();
  const { error, run } = useStatusCall(onStatus);
  const answer = (newIdentity: boolean) => run(api['database.confirmMove']({ newIdentity }));

  return (
    <DbScreen id="db-moved-heading" heading={t('dbMoved.heading')}>
      <dl className="facts">
        <dt>{t('dbMoved.now')}</dt>
        <dd>
          <code>{status.database.path}</code>
        </dd>
        <dt>{t('dbMoved.before')}</dt>
        <dd>
          <code>{movedFrom.path}</code> ({t('dbMoved.computer', { host: movedFrom.host })})
        </dd>
      </dl>
      <p>{t('dbMoved.why')}</p>
      {/* Only the original can send its own edits: a copy with a new identity sends its own only. */}
      {movedFrom.unsent.ops > 0 && <p className="notice">{t('dbMoved.unsent', { ...movedFrom.unsent })}</p>}
      {error && (
        <p className="notice notice-error" role="alert">
          {errorText(t, error)}
        </p>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={() => void answer(true)}>
          {t('dbMoved.copy')}
        </button>
        <button type="button" onClick={() => void answer(false)}>
          {t('dbMoved.moved')}
        </button>
      </div>
      <p className="muted">{t('dbMoved.nothingLost')}</p>
    </DbScreen>
  );
}
