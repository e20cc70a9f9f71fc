import { type ChunkColumns, sameColumns } from '../../../../shared/table/columns';
import type { TableModel } from '../../../../shared/table/model';
import type { RowSources } from '../../../../shared/table/rows';

/// What a write of rows' columns (not only their text) does to the table's model.
export type Heard =
  /// The model shown, with the written chunks' rows set again.
  | { kind: 'patched'; model: TableModel }
  /// Rows were added, deleted or moved: build the model again from the columns.
  | { kind: 'build' }
  /// A build is running: the write is patched onto its model when it lands.
  | { kind: 'later' };

/// How the table's model follows writes to the stored columns while it is
/// also built, in slices, from a snapshot of them: a write heard during a
/// build must reach the model that build makes, not only the model shown
/// meanwhile (which the build replaces). Tags, names and authors written
/// meanwhile are patched onto the built model when it lands; rows added,
/// deleted or moved start the build again.
export class ModelUpdates {
  // The columns the running build started from, by key; `null` when none runs.
  private snapshot: Map<string, ChunkColumns> | null = null;
  // Chunks rewritten (the same rows) since the running build started.
  private readonly written = new Set<string>();

  /// A build starts from `chunks` as they are now: returns its snapshot of them.
  start(chunks: ReadonlyMap<string, ChunkColumns>): ChunkColumns[] {
    this.snapshot = new Map(chunks);
    this.written.clear();
    return [...this.snapshot.values()];
  }

  /// The running build was given up (its inputs changed, or the table closed).
  cancel(): void {
    this.snapshot = null;
    this.written.clear();
  }

  /// A write of chunks `changed` heard, `chunks` being every stored chunk
  /// now; `model` is the model shown.
  heard(model: TableModel | undefined, changed: readonly string[], chunks: ReadonlyMap<string, ChunkColumns>, sources: Pick<RowSources, 'actors'>): Heard {
    const snapshot = this.snapshot;
    if (snapshot) {
      // Patching the model shown would be lost when the build lands: the
      // build's model is patched instead, if the write kept its rows.
      const sameRows = changed.every((key) => {
        const [was, now] = [snapshot.get(key), chunks.get(key)];
        return was !== undefined && now !== undefined && sameRowsOf(was, now);
      });
      if (!sameRows) return { kind: 'build' };
      for (const key of changed) this.written.add(key);
      return { kind: 'later' };
    }
    const patched = model?.patch(changed, chunks, sources) ?? null;
    return patched ? { kind: 'patched', model: patched } : { kind: 'build' };
  }

  /// The running build made `model`: returns it with the writes heard
  /// meanwhile patched on (from `chunks`, every stored chunk now), or
  /// `null` when it cannot be patched: then build again.
  landed(model: TableModel, chunks: ReadonlyMap<string, ChunkColumns>, sources: Pick<RowSources, 'actors'>): TableModel | null {
    const written = [...this.written];
    this.cancel();
    return written.length ? model.patch(written, chunks, sources) : model;
  }
}

// Whether two records of a chunk hold the same rows in the same text
// order (their tags, names or authors may differ): what a patch needs.
function sameRowsOf(a: ChunkColumns, b: ChunkColumns): boolean {
  const rowsOnly = (c: ChunkColumns) => ({
    ...c,
    tagLists: [],
    tagsOf: new Uint32Array(0),
    names: [],
    nameOf: new Int32Array(0),
    authorIds: [],
    authorNames: [],
    authorOf: new Int32Array(0),
  });
  return sameColumns(rowsOnly(a), rowsOnly(b));
}
