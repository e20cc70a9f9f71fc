import { useEffect, useRef, useState } from 'react';
import type { DocumentSummary } from '../../../data/documents';
import { useServices } from '../../context';
import { messageOf } from '../../../../shared/errors';
import { Dialog } from '../../ui/Dialog';

/// Asks before deleting an imported document, saying how many annotations
/// go with it; backs the library up first, so the backup holds them. The
/// deletion is an undoable step: Ctrl+Z puts the document back whole.
export function DeleteDocumentDialog({ document, onClose }: { document: DocumentSummary; onClose: () => void }) {
  const services = useServices();
  const dialog = useRef<HTMLDialogElement>(null);
  const [count, setCount] = useState<number | null>(null);
  const [deleting, setDeleting] = useState(false);
  useEffect(() => {
    services.documents
      .annotationCount(document.id)
      .then(setCount)
      .catch((error: unknown) =>
        services.notify({ kind: 'error', text: `The annotations of “${document.meta.title}” could not be counted: ${messageOf(error)}` }),
      );
  }, [services, document]);

  const remove = async () => {
    setDeleting(true);
    try {
      await services.backups.flush();
      const deleted = await services.annotations.deleteDocument(document.id);
      services.notify({
        kind: 'info',
        text: `Deleted “${document.meta.title}” and its ${annotations(deleted)}. Undo (Ctrl+Z) brings it all back; so does the backup written just before (Backups…).`,
      });
      dialog.current?.close();
    } catch (error) {
      services.notify({ kind: 'error', text: `“${document.meta.title}” was not deleted: ${messageOf(error)}` });
      setDeleting(false);
    }
  };

  return (
    <Dialog ref={dialog} title="Delete this document?" onClose={onClose} testId="delete-document">
      <p data-testid="delete-document-question">
        {count === null ? (
          'Counting its annotations…'
        ) : (
          <>
            “{document.meta.title}” will be deleted from the library, and <strong>{annotations(count)}</strong> with it
            {count > 0 ? ', with their links and their places in sets' : ''}.
          </>
        )}
      </p>
      <p className="hint">
        Undo (Ctrl+Z) brings it back whole, and a backup of the whole library is written first. The file you imported it from is not touched.
      </p>
      <div className="dialog-actions">
        <button type="button" onClick={() => dialog.current?.close()}>
          Cancel
        </button>
        <button type="button" className="danger" data-testid="delete-document-confirm" disabled={count === null || deleting} onClick={() => void remove()}>
          {deleting ? 'Deleting…' : 'Delete document'}
        </button>
      </div>
    </Dialog>
  );
}

function annotations(count: number): string {
  return `${count.toLocaleString('en')} annotation${count === 1 ? '' : 's'}`;
}
