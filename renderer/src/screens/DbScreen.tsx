import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../main/core/contract.ts';
import type { AppErrorShape, Result } from '../../../main/core/errors.ts';

/**
 * An answer on a screen shown before the database is open for editing (DbFailed, DbMoved): the new status on
 * success, or the error to show on the screen.
 */
export function useStatusCall(onStatus: (status: AppStatus) => void) {
  const [error, setError] = useState<AppErrorShape | null>(null);
  const run = async (call: Promise<Result<AppStatus>>) => {
    const result = await call;
    if (result.ok) onStatus(result.data);
    else setError(result.error);
  };
  return { error, run };
}

/** The frame of those screens: the app's name, and one card under its heading. */
export function DbScreen({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <header className="app-header">
        <span className="brand">{t('app.name')}</span>
      </header>
      <main className="page narrow card" aria-labelledby={id}>
        <h1 id={id}>{heading}</h1>
        {children}
      </main>
    </>
  );
}
