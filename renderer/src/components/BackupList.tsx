import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../main/core/contract.ts';
import { formatDateTime } from '../format.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';

interface BackupListProps {
  backups: readonly BackupInfo[];
  onRestore(name: string): void;
}

/** Backups newest first, each restorable after a confirmation (a restore replaces what is on screen). */
export function BackupList({ backups, onRestore }: BackupListProps) {
  const { t, i18n } = useTranslation();
  const [pending, setPending] = useState<BackupInfo | null>(null);
  if (backups.length === 0) return <p className="muted">{t('backups.empty')}</p>;
  const sorted = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <>
      <ul className="backup-list">
        {sorted.map((b) => (
          <li key={b.name}>
            <span className="backup-date">{formatDateTime(b.createdAt, i18n.language)}</span>
            <span className="muted">
              {t(`backups.reason.${b.reason}`)} · {t('backups.size', { size: Math.max(1, Math.round(b.bytes / 1024)) })}
            </span>
            <button type="button" onClick={() => setPending(b)}>
              {t('backups.restore')}
            </button>
          </li>
        ))}
      </ul>
      {pending && (
        <ConfirmDialog
          title={t('backups.confirmTitle')}
          body={t('backups.confirmBody', { date: formatDateTime(pending.createdAt, i18n.language) })}
          confirmLabel={t('backups.restore')}
          onCancel={() => setPending(null)}
          onConfirm={() => {
            setPending(null);
            onRestore(pending.name);
          }}
        />
      )}
    </>
  );
}
