import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../main/core/errors.ts';
import { historyActions, type HistoryAction, type HistoryChange } from '../../../main/core/rowHistory.ts';
import type { Row } from '../../../main/core/rows.ts';
import { useApi } from '../ApiContext.tsx';
import { Modal } from '../components/Modal.tsx';
import { errorText, formatDateTime, shownValue } from '../format.ts';
import { usePlanData } from './PlanData.tsx';
import './rowHistory.css';

const LONGEST = 300;
const SHORT_CHANGE = 60;

type Loaded =
  { state: 'loading' } | { state: 'failed'; error: AppErrorShape } | { state: 'ready'; actions: HistoryAction[] };

/**
 * The op-log history of one row in a modal dialog, newest first: what was done, when (B.E.), by which
 * office, and for each field from what to what. Focus starts on Close; Esc closes. In a portal: list items
 * use content-visibility, whose paint containment would otherwise clip a fixed backdrop to the item.
 */
export function RowHistoryDialog({ row, what, onClose }: { row: Row; what: string; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const data = usePlanData();
  const close = useRef<HTMLButtonElement>(null);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  useEffect(() => {
    let live = true;
    void api['rows.history']({ id: row.id }).then((r) => {
      if (!live) return;
      setLoaded(
        r.ok ? { state: 'ready', actions: historyActions(row.entity, r.data) } : { state: 'failed', error: r.error },
      );
    });
    return () => {
      live = false;
    };
  }, [api, row.id, row.entity]);

  const office = (actor: string) => data.officeOf(actor) ?? t('rows.thisOffice');
  const change = (c: HistoryChange) => {
    const field = t(`history.field.${c.field}`, { defaultValue: c.field });
    const to = shownValue(t, i18n.language, c.field, c.value, LONGEST);
    if (!('previous' in c)) return t('history.set', { field, value: to });
    const from = shownValue(t, i18n.language, c.field, c.previous, LONGEST);
    // A sentence-long value reads better as before and after on lines of their own than as one long line.
    if (from.length + to.length <= SHORT_CHANGE) return t('history.changed', { field, from, to });
    return (
      <>
        {field}:<span className="history-long">{t('history.from', { value: from })}</span>
        <span className="history-long">{t('history.to', { value: to })}</span>
      </>
    );
  };

  return (
    <Modal title={t('history.title', { what })} className="history-dialog" initialFocus={close} onEscape={onClose}>
      {loaded.state === 'loading' && <p aria-busy="true">{t('history.loading')}</p>}
      {loaded.state === 'failed' && (
        <p className="notice notice-error" role="alert">
          {t('history.loadFailed', { reason: errorText(t, loaded.error) })}
        </p>
      )}
      {loaded.state === 'ready' && (
        // Focusable so a long history scrolls from the keyboard.
        <ol className="history-list" tabIndex={0} aria-label={t('history.listLabel')}>
          {loaded.actions.map((action) => (
            <li key={action.group}>
              <p className="history-head">
                <strong>{t(`history.kind.${action.kind}`)}</strong>{' '}
                <span className="muted">
                  {t('history.when', {
                    time: formatDateTime(action.at, i18n.language),
                    office: office(action.actor),
                  })}
                </span>
              </p>
              {action.reason && <p>{t('monitoring.revision.reasonIs', { reason: action.reason })}</p>}
              {action.changes.length > 0 && (
                <ul>
                  {action.changes.map((c) => (
                    <li key={c.field}>{change(c)}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
      <div className="actions">
        <button ref={close} type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </Modal>
  );
}
