import type { ActorResolver } from '../actors/actor-index';
import type { Annotation } from '../annotation/model';
import { pageAt } from '../corpus/cite';
import type { DateSpan } from '../corpus/dates';
import type { PageStart } from '../corpus/document';
import type { DocumentMeta } from '../corpus/metadata';
import type { Link } from '../links/model';
import type { AnnotationSet } from '../sets/model';

/// One line of the corpus-wide annotation table: an annotation with what
/// the table shows and filters by, read out once.
export interface AnnotationRow {
  annotationId: string;
  documentId: string;
  /// The document's title; its id when it is not in the library.
  documentTitle: string;
  documentDate: DateSpan | null;
  /// Tag type ids, in the order the researcher added them.
  tags: readonly string[];
  /// The actor's canonical name when the tagged name resolves, else the
  /// name as tagged; `null` when none.
  actor: string | null;
  actorId: string | null;
  /// The name as the researcher tagged it.
  taggedActor: string | null;
  quote: string;
  note: string;
  /// Links from or to the annotation (one to itself counts once).
  linkCount: number;
  /// The relation type ids of those links, each once.
  relations: readonly string[];
  /// The sets the annotation is in.
  setIds: readonly string[];
  /// The source's page the passage starts on (PDFs); `null` without pages.
  page: string | null;
  /// In a shared project, who made the annotation (display name and the
  /// machine's id) and who last changed it; `null` in a library never shared.
  author: string | null;
  authorId: string | null;
  changedBy: string | null;
  /// Set on a row drawn before its quote and note are read (they are then
  /// empty); the table draws it again when they arrive.
  pending?: true;
}

/// What the rows are built from. A `LibraryDocument` will do as a document.
export interface RowSources {
  annotations: Iterable<Annotation>;
  documents: ReadonlyMap<string, { meta: Pick<DocumentMeta, 'title' | 'date'>; pages?: readonly PageStart[] }>;
  actors: ActorResolver;
  links?: Iterable<Link>;
  sets?: Iterable<AnnotationSet>;
}

/// The table's rows, one per annotation, in the order given.
export function buildRows(sources: RowSources): AnnotationRow[] {
  const links = new Map<string, { count: number; relations: Set<string> }>();
  const touch = (id: string, relation: string) => {
    const entry = links.get(id);
    if (entry) {
      entry.count++;
      entry.relations.add(relation);
    } else links.set(id, { count: 1, relations: new Set([relation]) });
  };
  for (const link of sources.links ?? []) {
    touch(link.from, link.relation);
    if (link.to !== link.from) touch(link.to, link.relation);
  }
  const sets = new Map<string, string[]>();
  for (const set of sources.sets ?? []) {
    // An id listed twice in a set is still one membership.
    for (const id of new Set(set.annotationIds)) {
      const list = sets.get(id);
      if (list) list.push(set.id);
      else sets.set(id, [set.id]);
    }
  }
  // A library tags few distinct names: resolve each once.
  const resolved = new Map<string, { name: string; id: string } | null>();
  const resolve = (name: string) => {
    let actor = resolved.get(name);
    if (actor === undefined) {
      const found = sources.actors.resolve(name);
      actor = found ? { name: found.name, id: found.id } : null;
      resolved.set(name, actor);
    }
    return actor;
  };
  const rows: AnnotationRow[] = [];
  for (const annotation of sources.annotations) {
    const document = sources.documents.get(annotation.documentId);
    const actor = annotation.actor === null ? null : resolve(annotation.actor);
    const link = links.get(annotation.id);
    rows.push({
      annotationId: annotation.id,
      documentId: annotation.documentId,
      documentTitle: document?.meta.title ?? annotation.documentId,
      documentDate: document?.meta.date ?? null,
      tags: annotation.tags,
      actor: actor?.name ?? annotation.actor,
      actorId: actor?.id ?? null,
      taggedActor: annotation.actor,
      quote: annotation.quote.exact,
      note: annotation.note,
      linkCount: link?.count ?? 0,
      relations: link ? [...link.relations] : [],
      setIds: sets.get(annotation.id) ?? [],
      page: document?.pages ? pageAt(document.pages, annotation.position.start) : null,
      author: annotation.createdBy?.name ?? null,
      authorId: annotation.createdBy?.id ?? null,
      changedBy: annotation.modifiedBy?.name ?? null,
    });
  }
  return rows;
}
