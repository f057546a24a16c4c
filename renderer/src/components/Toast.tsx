import { useTranslation } from 'react-i18next';

export interface ToastMessage {
  text: string;
  kind?: 'info' | 'error';
  /** Offer an Undo button (after a delete). */
  undo?: boolean;
}

interface ToastProps {
  toast: ToastMessage | null;
  onUndo(): void;
  onClose(): void;
}

/** A banner that stays until closed: an Undo offer must not vanish before a slow reader gets to it. */
export function Toast({ toast, onUndo, onClose }: ToastProps) {
  const { t } = useTranslation();
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast && (
        <div className={toast.kind === 'error' ? 'toast toast-error' : 'toast'}>
          <span>{toast.text}</span>
          {toast.undo && (
            <button type="button" className="primary" onClick={onUndo}>
              {t('undo.button')}
            </button>
          )}
          <button type="button" className="link" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      )}
    </div>
  );
}
