import { useTranslation } from 'react-i18next';
import type { OfficeRef, PackageOutcome } from '../../../main/core/exchange/api.ts';
import { formatAmount, formatDateTime } from '../format.ts';
import { entityKindLabel, fieldLabel, officeLabel } from './labels.ts';

interface ImportOutcomesProps {
  outcomes: readonly PackageOutcome[];
  /**
   * Offered on an `unknown-office` refusal: accept that office for the plan, then import the files again; on a
   * `key-changed` one (publicKey given), register the package's key as the office's once confirmed by phone.
   */
  onAcknowledge?: ((office: OfficeRef, planId: string, publicKey?: string) => void) | undefined;
  /** Offered on a plan package's `key-changed` refusal: trust the secretariat's new key, then import again. */
  onAcceptSecretariatKey?: ((secretariat: OfficeRef, planId: string, publicKey: string) => void) | undefined;
  /** Offered on a `copied-installation` refusal: give this computer a new identity, then import again. */
  onNewIdentity?: (() => void) | undefined;
}

/**
 * What happened to each file of an import: brought in (from whom, how much changed, conflicts), already here,
 * or refused with the reason and what to do in the user's language. Names and titles from a package are
 * plain text: React renders them as text, never as markup.
 */
export function ImportOutcomes({
  outcomes,
  onAcknowledge,
  onAcceptSecretariatKey,
  onNewIdentity,
}: ImportOutcomesProps) {
  const { t, i18n } = useTranslation();
  const count = (status: PackageOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  return (
    <div className="import-outcomes" role="status" aria-live="polite">
      <p>
        <strong>
          {t('exchange.ui.import.summary', {
            imported: count('imported'),
            already: count('already-imported'),
            rejected: count('rejected'),
          })}
        </strong>
      </p>
      <ul aria-label={t('exchange.ui.import.listLabel')}>
        {outcomes.map((o, i) => (
          <li key={`${i}:${o.file}`} className={`outcome outcome-${o.status}`}>
            <p className="outcome-head">
              <span aria-hidden="true">{o.status === 'rejected' ? '✗' : '✓'}</span>{' '}
              <span className="outcome-file">{o.file}</span>
              {': '}
              <strong>{t(`exchange.ui.import.status.${o.status}`)}</strong>
            </p>
            {o.sender && (
              <p className="muted">
                {t(`exchange.ui.kind.${o.kind ?? 'contribution'}`)}{' '}
                {t('exchange.ui.import.from', {
                  office: officeLabel(t, o.sender),
                  time: o.exportedAt ? formatDateTime(o.exportedAt, i18n.language) : '',
                })}
                {o.planTitle && <> · {t('exchange.ui.import.plan', { title: o.planTitle })}</>}
              </p>
            )}
            {o.status === 'imported' && (
              <p>
                {t('exchange.ui.import.counts', {
                  newOps: formatAmount(o.newOps),
                  changed: formatAmount(o.changedCells),
                })}
                {o.conflicts > 0 && (
                  <strong className="outcome-conflicts">
                    {' · '}
                    {t('exchange.ui.import.conflicts', { count: o.conflicts })}
                  </strong>
                )}
              </p>
            )}
            {o.fingerprint && (o.kind === 'contribution' || o.reason === 'key-changed') && (
              <p className="muted key-fingerprint">{t('exchange.ui.keys.sender', { fingerprint: o.fingerprint })}</p>
            )}
            {o.status === 'rejected' && o.reason && (
              <p className="outcome-reason">{t(`exchange.errors.${o.reason}`)}</p>
            )}
            {o.status === 'rejected' && o.operation && (
              <p className="outcome-operation">
                {t('exchange.ui.import.refusedOperation', {
                  ...o.operation,
                  entity: entityKindLabel(t, o.operation.entity),
                  field: fieldLabel(t, o.operation.entity, o.operation.field),
                })}
                {o.problem && <> · {t(o.problem, o.problemValues ?? {})}</>}
              </p>
            )}
            {o.status === 'rejected' && o.earlier !== undefined && (
              <p className="outcome-earlier">{t('exchange.ui.import.earlier', { file: o.earlier })}</p>
            )}
            {(o.reason === 'unknown-office' || (o.reason === 'key-changed' && o.kind === 'contribution')) &&
              onAcknowledge && <AcknowledgeButton outcome={o} onAcknowledge={onAcknowledge} />}
            {o.reason === 'key-changed' &&
              o.kind === 'plan' &&
              o.sender &&
              o.planId &&
              o.senderKey &&
              onAcceptSecretariatKey && (
                <>
                  <p className="muted">{t('exchange.ui.secretariatKey.hint')}</p>
                  <button type="button" onClick={() => onAcceptSecretariatKey(o.sender!, o.planId!, o.senderKey!)}>
                    {t('exchange.ui.secretariatKey.confirm', {
                      office: officeLabel(t, o.sender),
                      fingerprint: o.fingerprint,
                    })}
                  </button>
                </>
              )}
            {o.reason === 'copied-installation' && onNewIdentity && (
              <button type="button" onClick={onNewIdentity}>
                {t('exchange.ui.import.newIdentity')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function AcknowledgeButton({
  outcome: { sender, planId, reason, senderKey, fingerprint },
  onAcknowledge,
}: {
  outcome: PackageOutcome;
  onAcknowledge: NonNullable<ImportOutcomesProps['onAcknowledge']>;
}) {
  const { t } = useTranslation();
  // Both are known once the manifest was read, which an unknown-office refusal needs.
  if (!sender || !planId) return null;
  if (reason === 'key-changed') {
    if (!senderKey) return null;
    return (
      <button type="button" onClick={() => onAcknowledge(sender, planId, senderKey)}>
        {t('exchange.ui.import.confirmKey', { office: officeLabel(t, sender), fingerprint })}
      </button>
    );
  }
  return (
    <button type="button" onClick={() => onAcknowledge(sender, planId)}>
      {t('exchange.ui.import.acknowledge', { office: officeLabel(t, sender) })}
    </button>
  );
}
