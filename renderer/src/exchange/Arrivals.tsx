import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Arrival, ArrivalChange, ArrivalsView } from '../../../main/core/exchange/api.ts';
import type { AppErrorShape } from '../../../main/core/errors.ts';
import { useApi } from '../ApiContext.tsx';
import { formatAmount, formatDateTime } from '../format.ts';
import { STRUCTURE_FIELDS } from '../../../main/core/rowHistory.ts';
import { shownValue } from '../format.ts';
import { exchangeErrorText, fieldLabel, officeLabel, type RowLabeler } from './labels.ts';

/**
 * What arrived from whom: per office (assigned or accepted) how many packages and the latest, then every
 * package newest first; opening one lists what it changed, row by row, with the rows' names as the plan shows
 * them now.
 */
export function Arrivals({ view, label, self }: { view: ArrivalsView; label: RowLabeler; self: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  // An office's own assignment is shown as its work, not as a sender it waits for.
  const offices = view.offices.filter((o) => o.code !== self);
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('exchange.ui.arrivals.heading')}</h2>
      {offices.length === 0 ? (
        <p className="muted">{t('exchange.ui.arrivals.noOffices')}</p>
      ) : (
        <table className="arrival-offices">
          <caption className="visually-hidden">{t('exchange.ui.arrivals.officesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('exchange.ui.arrivals.office')}</th>
              <th scope="col">{t('exchange.ui.arrivals.standing')}</th>
              <th scope="col">{t('exchange.ui.arrivals.count')}</th>
              <th scope="col">{t('exchange.ui.arrivals.last')}</th>
              <th scope="col">{t('exchange.ui.keys.registered')}</th>
            </tr>
          </thead>
          <tbody>
            {offices.map((o) => (
              <tr key={o.code}>
                <th scope="row">{officeLabel(t, o)}</th>
                <td>
                  {t(
                    o.assigned
                      ? 'exchange.ui.arrivals.assigned'
                      : o.acknowledged
                        ? 'exchange.ui.arrivals.acknowledged'
                        : 'exchange.ui.arrivals.sender',
                  )}
                </td>
                <td>{o.arrivals}</td>
                <td>
                  {o.lastArrivalAt ? formatDateTime(o.lastArrivalAt, i18n.language) : t('exchange.ui.arrivals.notYet')}
                </td>
                <td className="key-fingerprint">{o.fingerprint ?? t('exchange.ui.keys.none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {view.arrivals.length > 0 && (
        <>
          <h3>{t('exchange.ui.arrivals.packages')}</h3>
          <ol className="arrival-list">
            {view.arrivals.map((a) => (
              <ArrivalItem key={a.id} arrival={a} label={label} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

type Changes =
  | { state: 'loading' }
  | { state: 'failed'; error: AppErrorShape }
  | { state: 'ready'; changes: ArrivalChange[]; total: number };

function ArrivalItem({ arrival: a, label }: { arrival: Arrival; label: RowLabeler }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [changes, setChanges] = useState<Changes | null>(null);

  const toggle = () => {
    setOpen(!open);
    if (changes) return;
    setChanges({ state: 'loading' });
    void api['exchange.arrivalChanges']({ arrivalId: a.id }).then((r) =>
      setChanges(r.ok ? { state: 'ready', ...r.data } : { state: 'failed', error: r.error }),
    );
  };

  return (
    <li className="arrival" aria-labelledby={`${id}-head`}>
      <p className="arrival-head" id={`${id}-head`}>
        <strong>{officeLabel(t, a.office)}</strong> · {t(`exchange.ui.kind.${a.kind}`)}
      </p>
      <p className="muted">
        {t('exchange.ui.arrivals.when', {
          exported: formatDateTime(a.exportedAt, i18n.language),
          imported: formatDateTime(a.importedAt, i18n.language),
        })}
      </p>
      <p>
        {t('exchange.ui.arrivals.counts', {
          ops: formatAmount(a.opCount),
          newOps: formatAmount(a.newOps),
          changed: formatAmount(a.changedCells),
        })}
        {a.conflicts > 0 && <strong> · {t('exchange.ui.import.conflicts', { count: a.conflicts })}</strong>}
      </p>
      <p className="muted arrival-file">{t('exchange.ui.arrivals.file', { file: a.fileName })}</p>
      <button
        type="button"
        className="link"
        aria-expanded={open}
        aria-controls={`${id}-changes`}
        aria-describedby={`${id}-head`}
        onClick={toggle}
      >
        {t(open ? 'exchange.ui.arrivals.hideChanges' : 'exchange.ui.arrivals.showChanges')}
      </button>
      {open && (
        <div id={`${id}-changes`} className="arrival-changes">
          {changes?.state === 'loading' && <p aria-busy="true">{t('common.busy')}</p>}
          {changes?.state === 'failed' && (
            <p className="notice notice-error" role="alert">
              {exchangeErrorText(t, changes.error)}
            </p>
          )}
          {changes?.state === 'ready' && <ChangeList changes={changes.changes} total={changes.total} label={label} />}
        </div>
      )}
    </li>
  );
}

interface RowChanges {
  entity: string;
  rowId: string;
  fields: ArrivalChange[];
  /** Structure operations of the row, said in one phrase (added, deleted, moved). */
  kind: 'added' | 'deleted' | 'restored' | 'moved' | null;
}

/** Operations grouped by row in the order they came; a new row's structure says "added", not four fields. */
function byRow(changes: readonly ArrivalChange[]): RowChanges[] {
  const rows = new Map<string, RowChanges>();
  for (const c of changes) {
    const key = `${c.entity}\u0000${c.rowId}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { entity: c.entity, rowId: c.rowId, fields: [], kind: null }));
    if (!STRUCTURE_FIELDS.has(c.field)) row.fields.push(c);
    else if (c.field === 'planId') row.kind = 'added';
    else if (c.field === 'deleted') row.kind = c.value === true ? 'deleted' : (row.kind ?? 'restored');
    else row.kind ??= 'moved';
  }
  return [...rows.values()];
}

function ChangeList({ changes, total, label }: { changes: ArrivalChange[]; total: number; label: RowLabeler }) {
  const { t, i18n } = useTranslation();
  if (total === 0) return <p className="muted">{t('exchange.ui.arrivals.noChanges')}</p>;
  return (
    <>
      {total > changes.length && (
        <p className="muted">
          {t('exchange.ui.arrivals.firstOnly', { shown: formatAmount(changes.length), total: formatAmount(total) })}
        </p>
      )}
      <ul className="change-list">
        {byRow(changes).map((row) => (
          <li key={`${row.entity}:${row.rowId}`}>
            <strong>{label(row.entity, row.rowId)}</strong>
            {row.kind && <span className="muted"> · {t(`exchange.ui.arrivals.rowKind.${row.kind}`)}</span>}
            {row.fields.length > 0 && (
              <ul>
                {row.fields.map((c, i) => (
                  <li key={`${c.field}:${i}`}>
                    {t('exchange.ui.arrivals.change', {
                      field: fieldLabel(t, row.entity, c.field),
                      value: shownValue(t, i18n.language, c.field, c.value),
                    })}
                    {!c.current && <span className="muted"> {t('exchange.ui.arrivals.superseded')}</span>}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
