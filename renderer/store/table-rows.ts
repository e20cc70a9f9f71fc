import type { Actor } from '../../shared/actors/model';
import { type Annotation, type TagType, inTextOrder } from '../../shared/annotation/model';
import type { RelationType } from '../../shared/links/model';
import type { AnnotationSet } from '../../shared/sets/model';
import * as rows from './annotation-rows';
import type { LinkRow, PalimpsestDb } from './db';
import { allLinks } from './links';
import { SetStore } from './sets';

/// What the corpus-wide annotation table is built from, read at one moment.
export interface TableSources {
  /// Every annotation, document by document, each document's in text order.
  annotations: Annotation[];
  links: LinkRow[];
  /// By name.
  sets: AnnotationSet[];
  actors: Actor[];
  /// In the toolbar's order.
  tagTypes: TagType[];
  /// In their list's order.
  relationTypes: RelationType[];
}

/// Reads what the table shows, in one read transaction, so an annotation
/// deleted with its links is never seen half gone. Run it in a live query:
/// a write to any of these tables runs it again.
export async function loadTableSources(db: PalimpsestDb): Promise<TableSources> {
  return db.transaction('r', [...rows.tables(db), db.links, db.sets, db.actors, db.tagTypes, db.relationTypes], async () => {
    const [annotations, links, sets, actors, tagTypes, relationTypes] = await Promise.all([
      rows.all(db),
      allLinks(db),
      new SetStore(db).list(),
      db.actors.toArray(),
      db.tagTypes.orderBy('order').toArray(),
      db.relationTypes.orderBy('order').toArray(),
    ]);
    return { annotations: byDocumentInTextOrder(annotations), links, sets, actors, tagTypes, relationTypes };
  });
}

// Chunks hold a document's annotations by a hash of their id. The table's
// sorts are stable, so rows equal in the sorted column (all of one
// document's, sorted by date) keep this order: the order of the text.
function byDocumentInTextOrder(annotations: readonly Annotation[]): Annotation[] {
  const byDocument = new Map<string, Annotation[]>();
  for (const annotation of annotations) {
    const list = byDocument.get(annotation.documentId);
    if (list) list.push(annotation);
    else byDocument.set(annotation.documentId, [annotation]);
  }
  return [...byDocument.keys()].sort().flatMap((documentId) => inTextOrder(byDocument.get(documentId)!));
}
