import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExchangeStatus } from '../../../main/core/exchange/api.ts';
import { useApi } from '../ApiContext.tsx';
import { formatDateTime } from '../format.ts';
import { routeHash } from '../route.ts';

/**
 * The plan page's way to its exchange screen, saying what waits there: what the shared folder brought when the
 * app started, conflicts to settle, changes to send.
 */
export function ExchangeCard({ planId }: { planId: string }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [status, setStatus] = useState<ExchangeStatus | null>(null);
  useEffect(() => {
    void api['exchange.status']({ planId }).then((r) => r.ok && setStatus(r.data));
  }, [api, planId]);
  const role = status?.identity?.role ?? 'none';
  const atStart = status?.folder.atStart ?? null;
  const arrived = atStart?.packages.filter((p) => p.status === 'imported' && p.planId === planId).length ?? 0;
  // A refused file may be unreadable, so of no known plan: it is told on every plan's page.
  const refused =
    atStart?.packages.filter((p) => p.status === 'rejected' && (p.planId ?? planId) === planId).length ?? 0;

  return (
    <section className="card" aria-labelledby="exchange-card-heading">
      <h2 id="exchange-card-heading">{t('exchange.ui.card.heading')}</h2>
      <p className="muted">{t(`exchange.ui.card.hint.${role}`)}</p>
      {atStart !== null && arrived > 0 && (
        <p role="status">
          <strong>
            {t('exchange.ui.card.arrivedAtStart', {
              count: arrived,
              at: formatDateTime(atStart.at, i18n.language),
            })}
          </strong>
        </p>
      )}
      {refused > 0 && <p className="notice">{t('exchange.ui.card.refusedAtStart', { count: refused })}</p>}
      {status !== null && status.conflicts > 0 && (
        <p>
          <strong>{t('exchange.ui.card.conflicts', { count: status.conflicts })}</strong>
        </p>
      )}
      {status !== null && role === 'contributor' && status.unconfirmedOps > 0 && (
        <p>{t('exchange.ui.send.unconfirmed', { count: status.unconfirmedOps })}</p>
      )}
      <a className="button" href={routeHash({ name: 'exchange', id: planId })}>
        {t('exchange.ui.card.open')}
      </a>
    </section>
  );
}
