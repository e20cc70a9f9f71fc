import type { Actor } from '../actors/model';
import type { Annotation, Author, TagType } from '../annotation/model';
import type { LibraryDocument } from '../corpus/document';
import type { Link, RelationType } from '../links/model';
import type { AnnotationSet } from '../sets/model';
import { CodePoints } from './code-points';
import { annotationPrefix, authorPrefix, documentPrefix, palimpsestContext, w3cContext } from './w3c-terms';

export type { ForeignAnnotation } from './w3c-read';
export { w3cContext } from './w3c-terms';

/// W3C Web Annotation (https://www.w3.org/TR/annotation-model/) export, by
/// the letter of the model: Palimpsest's tags are bodies with purpose
/// `tagging`, the actor a body with purpose `identifying`, the note a body
/// with purpose `commenting`; positions count Unicode code points; every
/// term is in the W3C context or in Palimpsest's own (w3c-terms.ts). Links
/// are annotations with motivation `linking` whose targets are the two
/// annotations; a whole-library export also carries tag types with their
/// colours, relation types, actors with their aliases, and sets. Reading
/// is w3c-read.ts, through the one reader, read.ts.

/// What a whole-library export carries beside the annotations.
export interface W3cLibrary {
  relationTypes: readonly RelationType[];
  links: readonly Link[];
  actors: readonly Actor[];
  sets: readonly AnnotationSet[];
}

/// Builds an AnnotationCollection of `annotations` (and, given `library`,
/// of the links among them and the rest of the library).
export function buildW3cCollection(options: {
  annotations: readonly Annotation[];
  tagTypes: readonly TagType[];
  documents: ReadonlyMap<string, LibraryDocument>;
  exported: Date;
  library?: W3cLibrary;
}) {
  const names = new Map(options.tagTypes.map((t) => [t.id, t.name]));
  const points = new Map<string, CodePoints>();
  const pointsOf = (document: LibraryDocument) => {
    let index = points.get(document.id);
    if (!index) points.set(document.id, (index = new CodePoints(document.text.text)));
    return index;
  };
  const sources = new Map<string, object>();
  const sourceOf = (documentId: string) => {
    let source = sources.get(documentId);
    if (!source) {
      const meta = options.documents.get(documentId)?.meta;
      const url = meta?.url && /^https?:\/\//.test(meta.url) ? meta.url : null;
      source = {
        id: `${documentPrefix}${documentId}`,
        type: 'Text',
        ...(meta?.title ? { title: meta.title } : {}),
        ...(meta?.citation ? { citation: meta.citation } : {}),
        ...(url ? { url } : {}),
      };
      sources.set(documentId, source);
    }
    return source;
  };
  const items: object[] = options.annotations.map((a) => {
    const body: Record<string, string>[] = [
      ...a.tags.map((t) => ({ type: 'TextualBody', purpose: 'tagging', value: names.get(t) ?? t })),
      ...(a.actor ? [{ type: 'TextualBody', purpose: 'identifying', value: a.actor }] : []),
      ...(a.note ? [{ type: 'TextualBody', purpose: 'commenting', value: a.note, format: 'text/plain' }] : []),
    ];
    const document = options.documents.get(a.documentId);
    const index = document ? pointsOf(document) : null;
    return {
      id: `${annotationPrefix}${a.id}`,
      type: 'Annotation',
      motivation: a.tags.length || a.actor ? 'tagging' : a.note ? 'commenting' : 'highlighting',
      ...creatorOf(a.createdBy),
      created: a.created,
      modified: a.modified,
      ...(body.length ? { body } : {}),
      target: {
        type: 'SpecificResource',
        source: sourceOf(a.documentId),
        selector: [
          { ...a.quote },
          {
            type: 'TextPositionSelector',
            start: index ? index.fromUtf16(a.position.start) : a.position.start,
            end: index ? index.fromUtf16(a.position.end) : a.position.end,
          },
        ],
      },
    };
  });
  const library = options.library;
  if (library) {
    const relationNames = new Map(library.relationTypes.map((r) => [r.id, r.name]));
    for (const link of library.links) {
      items.push({
        id: `${annotationPrefix}${link.id}`,
        type: 'Annotation',
        motivation: 'linking',
        ...creatorOf(link.createdBy),
        created: link.created,
        modified: link.modified,
        body: [
          { type: 'TextualBody', purpose: 'classifying', value: relationNames.get(link.relation) ?? link.relation },
          ...(link.note ? [{ type: 'TextualBody', purpose: 'commenting', value: link.note, format: 'text/plain' }] : []),
        ],
        target: [`${annotationPrefix}${link.from}`, `${annotationPrefix}${link.to}`],
      });
    }
  }
  const id = `urn:palimpsest:collection:${options.exported.toISOString()}`;
  return {
    '@context': [w3cContext, palimpsestContext],
    id,
    type: 'AnnotationCollection',
    label: 'Palimpsest annotations',
    total: items.length,
    tagTypes: [...options.tagTypes].sort((a, b) => a.order - b.order).map((t) => ({ ...t })),
    ...(library
      ? {
          relationTypes: [...library.relationTypes].sort((a, b) => a.order - b.order).map((r) => ({ ...r })),
          actors: library.actors.map((a) => ({ ...a, aliases: [...a.aliases] })),
          sets: library.sets.map((s) => ({ ...s, annotationIds: [...s.annotationIds] })),
        }
      : {}),
    // The page describes its collection, as the model's Example 52 does.
    first: { id: `${id}#page-1`, type: 'AnnotationPage', startIndex: 0, partOf: { id, label: 'Palimpsest annotations', total: items.length }, items },
  };
}

/// Who made it, as the model's `creator` (an Agent): the machine's id as an
/// IRI and the display name. The model has no term for who last changed
/// it; the native format carries that.
function creatorOf(author: Author | null | undefined): { creator?: { id: string; type: 'Person'; name: string } } {
  return author ? { creator: { id: `${authorPrefix}${encodeURIComponent(author.id)}`, type: 'Person', name: author.name } } : {};
}
