import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExchangeStatus } from '../../../main/core/exchange/api.ts';
import type { OfficeIdentity } from '../../../main/core/exchange/identity.ts';
import { useApi } from '../ApiContext.tsx';
import { downloadText } from '../download.ts';
import { useShell } from '../shell.ts';
import { exchangeErrorText } from './labels.ts';

interface SendProps {
  status: ExchangeStatus;
  identity: OfficeIdentity;
  /** After a package was written or downloaded: its number and date changed. */
  onSent(): void;
}

/**
 * The package this installation sends for the plan: the secretariat's plan (or update) package with the
 * assignments, or an office's contribution. Electron saves where main's dialog says; the browser downloads it.
 * With a shared folder, it can go straight there.
 */
export function SendPackage({ status, identity, onSent }: SendProps) {
  const { t } = useTranslation();
  const api = useApi();
  const shell = useShell();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const role = identity.role;

  const send = async (to: 'file' | 'folder') => {
    setBusy(true);
    const result = await api['exchange.export']({ planId: status.planId, to });
    setBusy(false);
    if (!result.ok) return shell.notify({ text: exchangeErrorText(t, result.error), kind: 'error' });
    if (result.data.status === 'cancelled') return;
    if (result.data.status === 'download') downloadText(result.data.fileName, result.data.content);
    const what = t(`exchange.ui.kind.${result.data.kind}`);
    shell.notify({
      text: t(`exchange.ui.send.done.${to}`, { what, fileName: result.data.fileName, count: result.data.opCount }),
    });
    onSent();
  };

  return (
    <section className="card" aria-labelledby={`${id}-h`} aria-busy={busy}>
      <h2 id={`${id}-h`}>{t(`exchange.ui.send.heading.${role}`)}</h2>
      <p className="muted">{t(`exchange.ui.send.hint.${role}`)}</p>
      {role === 'contributor' && (
        <p>
          {status.unconfirmedOps === 0
            ? t('exchange.ui.send.nothingNew')
            : t('exchange.ui.send.unconfirmed', { count: status.unconfirmedOps })}
        </p>
      )}
      {role === 'secretariat' && status.assignments.length === 0 && (
        <p className="notice">{t('exchange.ui.send.noAssignments')}</p>
      )}
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void send('file')}>
          {t(`exchange.ui.send.button.${role}`)}
        </button>
        {status.folder.path !== null && (
          <button type="button" disabled={busy} onClick={() => void send('folder')}>
            {t('exchange.ui.send.toFolder')}
          </button>
        )}
      </div>
    </section>
  );
}
