import { type Annotation, inTextOrder } from '../../annotation/model';
import { type ChunkColumns, chunkColumns } from '../columns';
import { type DocumentColumns, documentColumns } from '../document-columns';
import type { ChunkText } from '../texts';

/// Annotations as a library keeps them, in chunks by a hash of the id,
/// each with its columns and texts as stored beside it.
export class StoredChunks {
  private readonly chunks = new Map<string, { columns: ChunkColumns; texts: ChunkText }>();
  constructor(private readonly buckets: number) {}
  /// Stores `annotations` (of `documentIds` only, if given); returns the keys written.
  write(annotations: readonly Annotation[], documentIds?: readonly string[]): string[] {
    const groups = new Map<string, Annotation[]>();
    for (const a of annotations) {
      if (documentIds && !documentIds.includes(a.documentId)) continue;
      const key = `${a.documentId}|${[...a.id].reduce((h, c) => h + c.charCodeAt(0), 0) % this.buckets}`;
      groups.set(key, [...(groups.get(key) ?? []), a]);
    }
    const written = [...this.chunks.keys()].filter((key) => !documentIds || documentIds.includes(this.chunks.get(key)!.columns.documentId));
    for (const key of written) this.chunks.delete(key);
    for (const [key, group] of groups) {
      const sorted = [...group].sort((a, b) => (a.id < b.id ? -1 : 1));
      this.chunks.set(key, {
        columns: chunkColumns(key, sorted[0]!.documentId, sorted),
        texts: {
          quotes: sorted.map((a) => a.quote.exact),
          notes: sorted.map((a) => a.note),
          changedBy: sorted.map((a) => a.modifiedBy?.name ?? null),
          folded: [],
        },
      });
    }
    return [...new Set([...written, ...groups.keys()])];
  }
  /// Each document's record, as the writer stores it beside its chunks,
  /// by document, as `watchColumns` hands them out.
  runs(): Map<string, DocumentColumns> {
    const byDocument = new Map<string, ChunkColumns[]>();
    for (const c of this.columns()) byDocument.set(c.documentId, [...(byDocument.get(c.documentId) ?? []), c]);
    return new Map([...byDocument].map(([id, chunks]) => [id, documentColumns(id, chunks, 'stored')]));
  }
  columns(): ChunkColumns[] {
    // Any order: the model orders them.
    return [...this.chunks.values()].map((c) => c.columns).reverse();
  }
  texts(keys: readonly string[]): (ChunkText | undefined)[] {
    return keys.map((key) => {
      const texts = this.chunks.get(key)?.texts;
      return texts && { ...texts, folded: [] };
    });
  }
}

/// As the table read annotations before stored columns: by document id,
// each document's in text order.
export function inReadOrder(annotations: readonly Annotation[]): Annotation[] {
  const ids = [...new Set(annotations.map((a) => a.documentId))].sort();
  return ids.flatMap((id) => inTextOrder(annotations.filter((a) => a.documentId === id)));
}
