import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../main/core/contract.ts';
import { useApi } from '../ApiContext.tsx';
import { BackupList } from '../components/BackupList.tsx';
import { errorText } from '../format.ts';
import { useShell } from '../shell.ts';

/** The home page's backups section: list, back up now, restore. */
export function Backups() {
  const { t } = useTranslation();
  const api = useApi();
  const shell = useShell();
  const [backups, setBackups] = useState<BackupInfo[]>([]);

  const load = useCallback(async () => {
    const result = await api['backups.list']({});
    if (result.ok) setBackups(result.data);
  }, [api]);
  useEffect(() => void load(), [load]);

  const backUpNow = async () => {
    const result = await api['backups.create']({});
    shell.notify(result.ok ? { text: t('backups.created') } : { text: errorText(t, result.error), kind: 'error' });
    await load();
  };

  const restore = async (name: string) => {
    const result = await api['backups.restore']({ name });
    if (!result.ok) return shell.notify({ text: errorText(t, result.error), kind: 'error' });
    shell.notify({ text: t('backups.restored') });
    shell.setStatus(result.data);
  };

  return (
    <section className="card" aria-labelledby="backups-heading">
      <div className="section-head">
        <h2 id="backups-heading">{t('backups.heading')}</h2>
        <button type="button" onClick={() => void backUpNow()}>
          {t('backups.createNow')}
        </button>
      </div>
      <p className="muted">{t('backups.intro')}</p>
      <BackupList backups={backups} onRestore={(name) => void restore(name)} />
    </section>
  );
}
