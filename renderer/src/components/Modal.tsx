import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';

interface ModalProps {
  title: string;
  role?: 'dialog' | 'alertdialog';
  className?: string;
  /** The control focused on opening: the safe choice of a question, Close of a read-only dialog. */
  initialFocus: RefObject<HTMLElement | null>;
  /** Id of the text that says what the dialog is about, for screen readers. */
  describedBy?: string;
  onEscape(): void;
  children: ReactNode;
}

/**
 * A modal dialog over a backdrop, under its title. Focus starts on `initialFocus`, Tab stays inside (buttons
 * and scrollable regions), Esc calls `onEscape`, and focus returns to where it was when the dialog closes.
 *
 * It renders into document.body, not in place: a dialog opened from inside a row would otherwise be clipped by
 * the row's `content-visibility: auto` (paint containment also contains fixed-position descendants), leaving
 * its buttons invisible and unclickable.
 */
export function Modal({
  title,
  role = 'dialog',
  className,
  initialFocus,
  describedBy,
  onEscape,
  children,
}: ModalProps) {
  const id = useId();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    initialFocus.current?.focus();
    return () => previous?.focus();
  }, [initialFocus]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onEscape();
    } else if (e.key === 'Tab') {
      const focusable = [...(box.current?.querySelectorAll<HTMLElement>('button, [tabindex="0"]') ?? [])];
      const first = focusable[0];
      const last = focusable.at(-1);
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last?.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first?.focus();
      }
    }
  };

  return createPortal(
    <div className="backdrop">
      <div
        ref={box}
        className={className ? `dialog ${className}` : 'dialog'}
        role={role}
        aria-modal="true"
        aria-labelledby={`${id}-t`}
        aria-describedby={describedBy}
        onKeyDown={onKeyDown}
      >
        <h2 id={`${id}-t`}>{title}</h2>
        {children}
      </div>
    </div>,
    document.body,
  );
}
