import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { errorText } from '../format.ts';
import type { SaveState } from '../useAutosave.ts';

/** The one place that says whether edits are saved: autosave has no button, so this line must be truthful. */
function saveText(t: TFunction, state: SaveState): string {
  switch (state.kind) {
    case 'idle':
      return t('editor.autosave');
    case 'saving':
      return t('editor.saving');
    case 'saved':
      return t('editor.saved');
    case 'invalid':
      return state.count ? t('editor.notSavedCount', { count: state.count }) : t('editor.notSaved');
    case 'failed':
      return t('editor.saveFailed', { message: errorText(t, state.error) });
  }
}

export function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  return (
    <p className={`save-status save-${state.kind}`} role="status" aria-live="polite">
      {saveText(t, state)}
      {state.kind === 'invalid' && state.at && (
        <>
          {' '}
          <a className="link" href={state.at}>
            {t('editor.showUnsaved')}
          </a>
        </>
      )}
    </p>
  );
}
