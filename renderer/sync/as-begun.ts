import type { Table } from 'dexie';
import * as rows from '../store/annotation-rows';
import type { AnnotationChunk } from '../store/chunk-layout';
import type { PalimpsestDb } from '../store/db';
import { type Before, writingProject } from './store-library';

/// The library as it was when a join began, for the part the join has not
/// reached yet. Each write the researcher makes meanwhile hands over (in
/// Dexie's hooks) the version of the rows it replaces, and the first is
/// kept: a piece of the join then compares the library as it was, not as
/// it is when the piece comes, with the project. What the researcher
/// changed since the join began is so a change of theirs, which
/// `writeStore` leaves and the round trip after the join carries, as it
/// did when the join read the whole library at its start. Without it, a
/// piece would keep the project's version of a note edited meanwhile.
///
/// Dexie's hooks see this thread's writes only; the workers' (an import,
/// a restore) and other windows' are read as they are when the piece comes.
export class AsBegun implements Before {
  // A document's chunks replaced, by document and chunk key.
  private readonly chunksOf = new Map<string, Map<string, AnnotationChunk | null>>();
  // Rows of the other tables replaced, as `table:key`.
  private readonly rowsOf = new Map<string, object | null>();
  // Documents joined: their writes are the round trips' from now on.
  private readonly joined = new Set<string>();
  private readonly stops: (() => void)[] = [];

  constructor(db: PalimpsestDb) {
    this.stops.push(
      rows.onChunkReplaced(db, (key, documentId, before) => {
        if (writingProject() || this.joined.has(documentId)) return;
        let chunks = this.chunksOf.get(documentId);
        if (!chunks) this.chunksOf.set(documentId, (chunks = new Map()));
        if (!chunks.has(key)) chunks.set(key, before);
      }),
    );
    for (const table of [db.documents, db.links, db.actors, db.sets, db.tagTypes, db.relationTypes] as Table[]) {
      this.stops.push(this.watch(table));
    }
  }

  chunks(documentId: string): ReadonlyMap<string, AnnotationChunk | null> | undefined {
    return this.chunksOf.get(documentId);
  }

  row(table: string, id: string): object | null | undefined {
    return this.rowsOf.get(`${table}:${id}`);
  }

  /// Whether the researcher wrote to `documentId` (its row or its
  /// annotations) since the join began.
  wrote(documentId: string): boolean {
    return this.chunksOf.has(documentId) || this.rowsOf.has(`documents:${documentId}`);
  }

  /// `documentId` is joined: what is written to it from now on is no
  /// longer kept, and what was is let go.
  joinedDocument(documentId: string): void {
    this.joined.add(documentId);
    this.chunksOf.delete(documentId);
    this.rowsOf.delete(`documents:${documentId}`);
  }

  stop(): void {
    for (const stop of this.stops.splice(0)) stop();
  }

  // Keeps the first version of each row of `table` a write replaces
  // (`null` for a row it creates).
  private watch(table: Table): () => void {
    const keep = (key: unknown, before: object | null) => {
      if (writingProject()) return;
      const id = String(key);
      if (table.name === 'documents' && this.joined.has(id)) return;
      const at = `${table.name}:${id}`;
      if (!this.rowsOf.has(at)) this.rowsOf.set(at, before);
    };
    const created = (key: unknown) => keep(key, null);
    const updated = (_changes: unknown, key: unknown, row: object) => keep(key, row);
    const deleted = (key: unknown, row: object) => keep(key, row);
    table.hook('creating', created);
    table.hook('updating', updated);
    table.hook('deleting', deleted);
    return () => {
      table.hook('creating').unsubscribe(created);
      table.hook('updating').unsubscribe(updated);
      table.hook('deleting').unsubscribe(deleted);
    };
  }
}
