import { useSyncExternalStore } from 'react';

/// How far a document import has read: files done of all, and the folder
/// they come from, if one was chosen.
export interface DocumentsProgressState {
  done: number;
  total: number;
  from?: string;
  /// Files found so far while the folder `from` is looked through, before
  /// any is read.
  looking?: number;
}

/// The import's progress, held outside React's state: each file read
/// redraws the bar alone. As the library's state it redrew the whole
/// library once a file, 50–130 ms a time with the machine loaded
/// (docs/performance.md, folder11).
export class DocumentsProgressStore {
  private value: DocumentsProgressState | null = null;
  private readonly listeners = new Set<() => void>();

  /// The progress now; `null` when no import runs.
  readonly get = (): DocumentsProgressState | null => this.value;

  set(value: DocumentsProgressState | null): void {
    this.value = value;
    for (const listener of this.listeners) listener();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

/// The progress bar of a document import, with its Cancel.
export function DocumentsProgress({ store, cancelling, onCancel }: { store: DocumentsProgressStore; cancelling: boolean; onCancel: () => void }) {
  const progress = useSyncExternalStore(store.subscribe, store.get);
  if (!progress) return null;
  return (
    <div className="import-progress" role="status" data-testid="documents-progress">
      {progress.looking !== undefined ? (
        <>
          <div>
            Looking through {progress.from ?? 'the folder'}… {progress.looking.toLocaleString('en')} file{progress.looking === 1 ? '' : 's'} found
          </div>
          {/* No end known yet: a bar that only says it is under way. */}
          <progress aria-label="Looking through the folder" />
        </>
      ) : (
        <>
          <div>
            Reading {progress.from ? `documents from ${progress.from}` : 'documents'}: {progress.done} of {progress.total} file{progress.total === 1 ? '' : 's'}
          </div>
          <progress max={Math.max(progress.total, 1)} value={progress.done} aria-label="Reading documents" />
        </>
      )}
      <button type="button" data-testid="documents-cancel" disabled={cancelling} onClick={onCancel}>
        {cancelling ? 'Cancelling…' : 'Cancel'}
      </button>
    </div>
  );
}
