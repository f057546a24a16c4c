import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from './Modal.tsx';

interface ConfirmDialogProps {
  title: string;
  body: string;
  confirmLabel: string;
  danger?: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/** A modal confirmation. Focus starts on Cancel (the safe choice); Esc cancels. */
export function ConfirmDialog({ title, body, confirmLabel, danger, onConfirm, onCancel }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const bodyId = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  return (
    <Modal title={title} role="alertdialog" initialFocus={cancel} describedBy={bodyId} onEscape={onCancel}>
      <p id={bodyId}>{body}</p>
      <div className="actions">
        <button ref={cancel} type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="button" className={danger ? 'danger' : 'primary'} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
