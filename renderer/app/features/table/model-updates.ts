import type { DocumentColumns } from '../../../../shared/table/document-columns';
import type { TableModel } from '../../../../shared/table/model';
import type { RowSources } from '../../../../shared/table/rows';

/// What a write of rows' columns (not only their text) does to the table's model.
export type Heard =
  /// The model shown, with the written documents' rows set again.
  | { kind: 'patched'; model: TableModel }
  /// Rows were added, deleted or moved: build the model again from the records.
  | { kind: 'build' }
  /// A build is running: the write is patched onto its model when it lands.
  | { kind: 'later' };

/// How the table's model follows writes to the stored documents' records
/// while it is also built, in slices, from a snapshot of them: a write
/// heard during a build must reach the model that build makes, not only
/// the model shown meanwhile (which the build replaces). Tags, names and
/// authors written meanwhile are patched onto the built model when it
/// lands, document by document; rows added, deleted or moved start the
/// build again.
export class ModelUpdates {
  // The records the running build started from, by document; `null` when none runs.
  private snapshot: Map<string, DocumentColumns> | null = null;
  // Documents rewritten (the same rows) since the running build started.
  private readonly written = new Set<string>();

  /// A build starts from `runs` as they are now: returns its snapshot of them.
  start(runs: ReadonlyMap<string, DocumentColumns>): DocumentColumns[] {
    this.snapshot = new Map(runs);
    this.written.clear();
    return [...this.snapshot.values()];
  }

  /// The running build was given up (its inputs changed, or the table closed).
  cancel(): void {
    this.snapshot = null;
    this.written.clear();
  }

  /// A write of documents `changed` heard, `runs` being every stored
  /// document's record now; `model` is the model shown.
  heard(model: TableModel | undefined, changed: readonly string[], runs: ReadonlyMap<string, DocumentColumns>, sources: Pick<RowSources, 'actors'>): Heard {
    const snapshot = this.snapshot;
    if (snapshot) {
      // Patching the model shown would be lost when the build lands: the
      // build's model is patched instead, if the write kept its rows.
      const sameRows = changed.every((id) => {
        const [was, now] = [snapshot.get(id), runs.get(id)];
        return was !== undefined && now !== undefined && sameRowsOf(was, now);
      });
      if (!sameRows) return { kind: 'build' };
      for (const id of changed) this.written.add(id);
      return { kind: 'later' };
    }
    const patched = model?.patch(changed, runs, sources) ?? null;
    return patched ? { kind: 'patched', model: patched } : { kind: 'build' };
  }

  /// The running build made `model`: returns it with the writes heard
  /// meanwhile patched on (from `runs`, every stored document's record
  /// now), or `null` when it cannot be patched: then build again.
  landed(model: TableModel, runs: ReadonlyMap<string, DocumentColumns>, sources: Pick<RowSources, 'actors'>): TableModel | null {
    const written = [...this.written];
    this.cancel();
    return written.length ? model.patch(written, runs, sources) : model;
  }
}

// Whether two records of a document hold the same rows in the same order
// (their tags, names or authors may differ): what a patch needs.
function sameRowsOf(a: DocumentColumns, b: DocumentColumns): boolean {
  return a.count === b.count && a.ids === b.ids && a.chunkKeys.join('\u0000') === b.chunkKeys.join('\u0000');
}
