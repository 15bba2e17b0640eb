import { useEffect, useRef, type ReactNode } from 'react';
import { focusFirstField, keepTabInside, returnFocus } from '../../components/focus';

/**
 * A modal dialog on the native <dialog> element: it opens on its first field,
 * Tab goes round inside it (the native dialog lets Tab out to the browser),
 * Escape closes it (through `onClose`), focus returns to where the work goes
 * on, and it has an accessible name.
 */
export function Modal({ title, onClose, children, wide }: { title: string; onClose(): void; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    // Where the work was: focus goes back there (or to where the work goes on) when the dialog closes.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) {
      dialog.showModal();
      // React's autoFocus runs while the dialog is still closed (and unfocusable): mark the field with data-autofocus instead.
      focusFirstField(dialog);
    }
    return () => {
      dialog?.close();
      returnFocus(opener);
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={`till-modal${wide ? ' wide' : ''}`}
      aria-label={title}
      onKeyDown={(e) => ref.current && keepTabInside(ref.current, e)}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2>{title}</h2>
      {children}
    </dialog>
  );
}

/** A modal dialog whose body is one form (`className="stack"`): submitting it calls `onSubmit` instead of reloading. */
export function ModalForm({
  title,
  onClose,
  wide,
  className,
  onSubmit,
  children,
}: {
  title: string;
  onClose(): void;
  wide?: boolean;
  className?: string;
  onSubmit(): void;
  children: ReactNode;
}) {
  return (
    <Modal title={title} onClose={onClose} wide={wide}>
      <form
        className={className ? `stack ${className}` : 'stack'}
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        {children}
      </form>
    </Modal>
  );
}

/** The human message of a failed call. */
export { errorText } from '../../components/FormParts';
