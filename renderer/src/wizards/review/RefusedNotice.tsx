import { useTranslation } from 'react-i18next';
import type { UnsavedInput } from '../../../../main/core/settings.ts';
import { refusedState } from '../../plan/PlanData.tsx';

/**
 * Beside the completeness list: how many fields hold typed values that were refused and so are not in the plan,
 * with the way to the first (as the status line gives it). The list judges what is stored; this says what is not.
 */
export function RefusedNotice({ unsaved }: { unsaved: Readonly<Record<string, UnsavedInput>> }) {
  const { t } = useTranslation();
  const refused = refusedState(unsaved);
  if (refused?.kind !== 'invalid') return null;
  return (
    <p className="notice review-warning" role="status">
      {t('wizard.unsavedFields', { count: refused.count })}{' '}
      {refused.at && (
        <a className="link" href={refused.at}>
          {t('editor.showUnsaved')}
        </a>
      )}
    </p>
  );
}
