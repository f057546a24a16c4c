import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ThaiText } from '../thai/ThaiText.tsx';

export interface ToastMessage {
  /** A function of `t` where the text should follow a language switch while it shows. */
  text: string | ((t: TFunction) => string);
  kind?: 'info' | 'error';
  /** Offer an Undo button (after a delete). */
  undo?: boolean;
  /** The plan the message is about: its Undo acts on that plan's history, and it never shows on another plan. */
  planId?: string;
}

interface ToastProps {
  toast: ToastMessage | null;
  onUndo(): void;
  onClose(): void;
}

/** Long enough to read a line and reach the Undo button (Ctrl+Z works after it closes); errors stay longer. */
const SHOWN_MS = { info: 8000, undo: 12_000, error: 15_000 };

/**
 * A message in the corner under the side navigation, where it covers no field. It closes by itself, but not
 * while the pointer or the keyboard is on it (a slow reader, or someone tabbing to Undo).
 */
export function Toast({ toast, onUndo, onClose }: ToastProps) {
  const { t } = useTranslation();
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (!toast || held) return;
    const ms = toast.kind === 'error' ? SHOWN_MS.error : toast.undo ? SHOWN_MS.undo : SHOWN_MS.info;
    const timer = setTimeout(onClose, ms);
    return () => clearTimeout(timer);
  }, [toast, held, onClose]);
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast && (
        <div
          className={toast.kind === 'error' ? 'toast toast-error' : 'toast'}
          onPointerEnter={() => setHeld(true)}
          onPointerLeave={() => setHeld(false)}
          onFocus={() => setHeld(true)}
          onBlur={() => setHeld(false)}
        >
          <span>
            <ThaiText text={typeof toast.text === 'string' ? toast.text : toast.text(t)} />
          </span>
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
