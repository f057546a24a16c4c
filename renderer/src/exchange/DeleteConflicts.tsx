import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeleteConflict } from '../../../main/core/exchange/api.ts';
import type { OfficeIdentity } from '../../../main/core/exchange/identity.ts';
import type { Row } from '../../../main/core/rows.ts';
import { useApi } from '../ApiContext.tsx';
import { formatDateTime } from '../format.ts';
import { useShell } from '../shell.ts';
import { exchangeErrorText, fieldLabel, officeLabel, rowLabeler } from './labels.ts';

/** A new row right under the row whose delete it met (not further down). */
const underDeleted = (c: DeleteConflict) => c.rows.find((r) => r.id === c.rowId)?.parentId === c.deleted.rowId;

interface DeleteConflictsProps {
  planId: string;
  conflicts: readonly DeleteConflict[];
  identity: OfficeIdentity;
  /** The plan's live rows; the deleted rows each conflict names come with it. */
  rows: readonly Row[];
  /** After a resolution: the plan, its conflicts and counts changed. */
  onResolved(): void;
}

/**
 * Deletes that met an edit or a new row (core/exchange/deletes.ts): who deleted what, who added or changed what
 * under it, and when, with the two ways out: bring the deleted row back, or confirm the delete. Until then the
 * plan shows neither, and keeps both.
 */
export function DeleteConflicts({ planId, conflicts, identity, rows, onResolved }: DeleteConflictsProps) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const shell = useShell();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const label = useMemo(
    () =>
      rowLabeler(
        t,
        rows,
        conflicts.flatMap((c) => c.rows),
      ),
    [t, rows, conflicts],
  );
  const who = (office: DeleteConflict['deleted']['office']) => {
    const name = officeLabel(t, office);
    return office?.code === identity.code ? t('exchange.ui.conflicts.thisOffice', { office: name }) : name;
  };

  const resolve = async (conflict: DeleteConflict, keep: boolean, done: string) => {
    setBusy(true);
    const result = await api['exchange.resolveDelete']({ planId, rowId: conflict.rowId, keep });
    setBusy(false);
    if (!result.ok) return shell.notify({ text: exchangeErrorText(t, result.error), kind: 'error' });
    shell.notify({ text: done });
    onResolved();
  };

  return (
    <section className="card" aria-labelledby={`${id}-h`} id="delete-conflicts" tabIndex={-1}>
      <h2 id={`${id}-h`}>{t('exchange.ui.deletes.heading', { count: conflicts.length })}</h2>
      <p className="muted">{t('exchange.ui.deletes.hint')}</p>
      <ol className="conflict-list">
        {conflicts.map((c, index) => {
          const row = label(c.entity, c.rowId);
          const deleted = label(c.deleted.entity, c.deleted.rowId);
          const what =
            c.kind === 'orphan'
              ? t('exchange.ui.deletes.orphan', {
                  office: who(c.edited.office),
                  // Named under its deleted parent, not "of" it as well (a KPI's target, a link).
                  row: underDeleted(c) ? label.alone(c.entity, c.rowId) : row,
                  deleted,
                  deleter: who(c.deleted.office),
                })
              : t('exchange.ui.deletes.edited', {
                  office: who(c.edited.office),
                  field: fieldLabel(t, c.entity, c.edited.field),
                  row,
                  deleter: who(c.deleted.office),
                });
          return (
            <li key={c.rowId} className="conflict" aria-busy={busy} aria-labelledby={`${id}-${index}`}>
              <h3 id={`${id}-${index}`}>{what}</h3>
              <p className="muted">
                {t('exchange.ui.deletes.when', {
                  deletedAt: formatDateTime(c.deleted.at, i18n.language),
                  editedAt: formatDateTime(c.edited.at, i18n.language),
                })}
              </p>
              <div className="actions">
                <button
                  type="button"
                  disabled={busy}
                  aria-label={t('exchange.ui.deletes.restoreLabel', { deleted })}
                  onClick={() => void resolve(c, true, t('exchange.ui.deletes.restored', { deleted }))}
                >
                  {t('exchange.ui.deletes.restore')}
                </button>
                <button
                  type="button"
                  disabled={busy}
                  aria-label={t('exchange.ui.deletes.confirmLabel', { row })}
                  onClick={() => void resolve(c, false, t('exchange.ui.deletes.confirmed', { row }))}
                >
                  {t('exchange.ui.deletes.confirm')}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
