import { useState, type ReactNode } from 'react';
import { useT } from '../i18n';

/** A form's or screen's error, announced to screen readers. Renders nothing without an error. */
export function ErrorAlert({ error }: { error: string | null | undefined }) {
  if (!error) return null;
  return (
    <p role="alert" className="error">
      {error}
    </p>
  );
}

/**
 * The foot of a form: its error (if any), then the submit button and, with
 * `onCancel`, a Cancel button (labelled "Batal"/"Cancel" unless `cancelLabel` says otherwise).
 */
export function FormActions({
  error,
  submitLabel,
  submitClassName = 'primary',
  submitDisabled,
  onCancel,
  cancelLabel,
  cancelDisabled,
}: {
  error?: string | null;
  submitLabel: ReactNode;
  submitClassName?: string;
  submitDisabled?: boolean;
  onCancel?: () => void;
  cancelLabel?: ReactNode;
  cancelDisabled?: boolean;
}) {
  const t = useT();
  return (
    <>
      <ErrorAlert error={error} />
      <div className="row">
        <button type="submit" className={submitClassName} disabled={submitDisabled}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel} disabled={cancelDisabled}>
            {cancelLabel ?? t('common.cancel')}
          </button>
        )}
      </div>
    </>
  );
}

/** The human message of a failed call. */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * A form's busy flag and error: `run(work)` marks the form busy, clears the
 * error, runs the work and shows its failure as the error.
 */
export function useSaving() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return { error, setError, busy, run };
}

/** A form in a panel, named by its title (shown as its heading unless `showTitle` is false); submitting calls `onSubmit`. */
export function PanelForm({ title, showTitle = true, onSubmit, children }: { title: string; showTitle?: boolean; onSubmit(): void; children: ReactNode }) {
  return (
    <form
      className="panel stack"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {showTitle && <h2>{title}</h2>}
      {children}
    </form>
  );
}
