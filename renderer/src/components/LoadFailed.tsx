import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../main/core/errors.ts';
import { errorText } from '../format.ts';

/** A plan that could not be loaded (deleted, undone, database gone): say why and offer the way home. */
export function LoadFailed({ error }: { error: AppErrorShape }) {
  const { t } = useTranslation();
  return (
    <main className="page narrow">
      <p className="notice notice-error">{errorText(t, error)}</p>
      <a href="#/" className="button">
        {t('common.back')}
      </a>
    </main>
  );
}
