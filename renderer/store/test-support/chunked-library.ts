import type { Annotation } from '../../../shared/annotation/model';
import { randomAnnotations, scaledDocument } from '../../../shared/test-support/synthetic';
import { annotationsOf, chunkAndColumns, groupIntoChunks } from '../chunk-layout';

/// The library the table migrations write into an older schema: a
/// 20,000-character document with 1,300 annotations in four chunks (some
/// naming an author, some an actor, so every column has values) and a
/// document "other" with 40 in one; their chunk layouts (stamped with
/// `stamp` where the schema had stamps), chunks, and each chunk's table
/// columns. `seed` picks the annotations (the second document takes the
/// next seed).
export function chunkedLibrary(seed: number, stamp?: string) {
  const document = scaledDocument(20_000);
  const shared: Annotation[] = randomAnnotations(document, 1300, seed).map((a, i) => ({
    ...a,
    createdBy: i % 3 === 0 ? { id: `machine-${i % 2}`, name: i % 2 ? 'Ana' : 'Ben' } : null,
    actor: i % 5 === 0 ? 'Enver Hoxha' : a.actor,
  }));
  const other = randomAnnotations({ ...document, id: 'other' }, 40, seed + 1).map((a) => ({ ...a, documentId: 'other' }));
  const stamped = stamp === undefined ? {} : { stamp };
  const layouts = [
    { documentId: document.id, buckets: 4, count: shared.length, ...stamped },
    { documentId: 'other', buckets: 1, count: other.length, ...stamped },
  ];
  const chunks = [...groupIntoChunks(document.id, 4, shared), ...groupIntoChunks('other', 1, other)];
  const columns = chunks.map((c) => chunkAndColumns(c.documentId, c.bucket, annotationsOf(c), stamp).columns);
  return { document, shared, other, layouts, chunks, columns };
}
