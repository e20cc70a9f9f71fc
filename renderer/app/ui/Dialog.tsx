import { type ReactNode, type RefObject, useEffect, useId } from 'react';

/// The frame of a modal dialog: opened as it mounts, named by its `title`
/// (its heading); `onClose` once it is closed (Escape, or `close()` on
/// `ref`, which the dialog's own buttons call), `onCancel` when Escape is
/// pressed.
export function Dialog({
  ref,
  title,
  testId,
  className,
  onClose,
  onCancel,
  children,
}: {
  ref: RefObject<HTMLDialogElement | null>;
  title: ReactNode;
  testId: string;
  /// Classes beside `dialog`, for a dialog's own layout.
  className?: string;
  onClose?: () => void;
  onCancel?: () => void;
  children: ReactNode;
}) {
  const titleId = useId();
  useEffect(() => ref.current?.showModal(), [ref]);
  return (
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={onCancel}
      data-testid={testId}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}

/// The foot of a dialog's form: what stops it, if anything, said where the
/// researcher looks, then the submit button (`label`, disabled while
/// `busy`) and Cancel.
export function FormFoot({
  problem,
  busy,
  label,
  testId,
  onCancel,
}: {
  problem: string | null;
  busy: boolean;
  label: string;
  testId: string;
  onCancel: () => void;
}) {
  return (
    <>
      {problem && (
        <p role="alert" className="confirm">
          {problem}
        </p>
      )}
      <div className="dialog-actions">
        <button type="submit" disabled={busy} data-testid={testId}>
          {label}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
