import { useRef } from 'react';
import type { RevisionSummary } from '../../../work/import-protocol';
import { Dialog } from '../../ui/Dialog';

/// What importing a revision will do to the document's annotations, before
/// anything is stored.
export function RevisionDialog({ plan, onApply, onCancel }: { plan: RevisionSummary; onApply: () => void; onCancel: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const { counts } = plan;
  return (
    <Dialog ref={dialog} title={<>New revision: {plan.fileName}</>} onCancel={onCancel} testId="revision-preview">
      <p className="hint">
        The new text replaces the current one in the reader; the earlier versions stay available. Each annotation is placed again in the new text.
      </p>
      <ul className="preview-counts" data-testid="revision-counts">
        <li>
          <strong>{counts.unchanged}</strong> unchanged
        </li>
        <li>
          <strong>{counts.moved}</strong> moved (same words, new place)
        </li>
        <li>
          <strong>{counts.fuzzy}</strong> found in changed words
        </li>
        <li className={counts.orphaned ? 'warn' : ''}>
          <strong>{counts.orphaned}</strong> not found (kept, to re-attach)
        </li>
      </ul>
      {plan.encoding && plan.encoding !== 'utf-8' && (
        <p className="hint" data-testid="revision-encoding">
          Read as {plan.encoding}.
        </p>
      )}
      {plan.warnings.map((warning) => (
        <p className="warn" key={warning}>
          {warning}
        </p>
      ))}
      <p className="hint">Every annotation that moved, changed or was not found goes on a review list beside the text.</p>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="primary" data-testid="revision-confirm" onClick={onApply}>
          Use this revision
        </button>
      </div>
    </Dialog>
  );
}
