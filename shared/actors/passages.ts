import type { Annotation } from '../annotation/model';
import { type DateSpan, compareDates } from '../corpus/dates';
import type { DocumentMeta } from '../corpus/metadata';
import type { ActorResolver } from './actor-index';

/// What the actor page needs of a document: its date (a `LibraryDocument`
/// will do).
export interface DatedDocument {
  meta: Pick<DocumentMeta, 'date'>;
}

/// What the actor page needs of an annotation (an `Annotation` will do).
export type PassageAnnotation = Pick<Annotation, 'id' | 'documentId' | 'actor' | 'position'>;

/// One passage on an actor's page.
export interface ActorPassage<A extends PassageAnnotation = Annotation> {
  annotation: A;
  /// The date of the passage's document; `null` when it has none or is not
  /// in the library.
  date: DateSpan | null;
}

/// The passages whose tagged name resolves to the actor `actorId`, in the
/// order the actor's page reads them: by their document's date (earliest
/// first by `compareDates`, so "1962" before "19 January 1962"; undated
/// documents, and those missing from `documentsById`, last), the passages
/// of one document together (documents of one date by id), and within a
/// document in text order (by start, an enclosing passage before what it
/// encloses).
export function actorPassages<A extends PassageAnnotation>(
  actorId: string,
  annotations: Iterable<A>,
  documentsById: ReadonlyMap<string, DatedDocument>,
  index: ActorResolver,
): ActorPassage<A>[] {
  // A library tags few distinct names: resolve each once.
  const resolved = new Map<string, boolean>();
  const passages: ActorPassage<A>[] = [];
  for (const annotation of annotations) {
    const name = annotation.actor;
    if (name === null) continue;
    let hit = resolved.get(name);
    if (hit === undefined) {
      hit = index.resolve(name)?.id === actorId;
      resolved.set(name, hit);
    }
    if (hit) passages.push({ annotation, date: documentsById.get(annotation.documentId)?.meta.date ?? null });
  }
  return passages.sort(
    (a, b) =>
      compareDates(a.date, b.date) ||
      compareText(a.annotation.documentId, b.annotation.documentId) ||
      a.annotation.position.start - b.annotation.position.start ||
      b.annotation.position.end - a.annotation.position.end ||
      compareText(a.annotation.id, b.annotation.id),
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
