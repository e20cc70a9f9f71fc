import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Annotation } from '../../../../shared/annotation/model';
import { linkPhrase, otherEnd } from '../../../../shared/links/describe';
import type { RelationType } from '../../../../shared/links/model';
import type { AnnotationStore, LinkRow } from '../../../store/annotations';
import type { RelationTypeStore } from '../../../store/relation-types';

/// A link as one of its ends shows it: how it reads from there ("supported
/// by") and the annotation at the other end.
export interface LinkView {
  link: LinkRow;
  phrase: string;
  relation: RelationType | undefined;
  /// `null` while it is read, or if it is gone.
  other: Annotation | null;
  otherDocumentId: string;
}

const none: readonly LinkView[] = [];

/// The links of a document's annotations, by annotation id, kept current:
/// a link made or deleted anywhere (another window, undo) shows at once.
export function useLinkViews(store: AnnotationStore, relationTypeStore: RelationTypeStore, documentId: string): (annotationId: string) => readonly LinkView[] {
  const links = useLiveQuery(() => store.linksOfDocument(documentId), [store, documentId]);
  const relationTypes = useLiveQuery(() => relationTypeStore.list(), [relationTypeStore]);
  // The ends in this document are in the reader's own list; the others are
  // read here, a chunk each.
  const ends = useLiveQuery(async () => {
    if (!links?.length) return new Map<string, Annotation>();
    const refs = links.flatMap((link) => [
      { id: link.from, documentId: link.fromDocument },
      { id: link.to, documentId: link.toDocument },
    ]);
    const found = await store.getMany(refs);
    return new Map(found.filter((a): a is Annotation => !!a).map((a) => [a.id, a]));
  }, [store, links]);

  const byAnnotation = useMemo(() => {
    const map = new Map<string, LinkView[]>();
    if (!links || !relationTypes) return map;
    for (const link of links) {
      for (const [self, selfDocument] of [
        [link.from, link.fromDocument],
        [link.to, link.toDocument],
      ] as const) {
        if (selfDocument !== documentId) continue;
        const otherId = otherEnd(link, self);
        const phrase = linkPhrase(link, self, relationTypes);
        const view: LinkView = {
          link,
          phrase,
          relation: relationTypes.find((r) => r.id === link.relation),
          other: ends?.get(otherId) ?? null,
          otherDocumentId: otherId === link.from ? link.fromDocument : link.toDocument,
        };
        let list = map.get(self);
        if (!list) map.set(self, (list = []));
        list.push(view);
      }
    }
    return map;
  }, [links, relationTypes, ends, documentId]);

  return (annotationId) => byAnnotation.get(annotationId) ?? none;
}
