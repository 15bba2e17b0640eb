import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A modal dialog on the native <dialog> element: focus is trapped inside,
 * Escape closes it (through `onClose`), and it has an accessible name.
 */
export function Modal({ title, onClose, children, wide }: { title: string; onClose(): void; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) {
      dialog.showModal();
      // React's autoFocus runs while the dialog is still closed (and unfocusable): mark the field with data-autofocus instead.
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`till-modal${wide ? ' wide' : ''}`}
      aria-label={title}
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
