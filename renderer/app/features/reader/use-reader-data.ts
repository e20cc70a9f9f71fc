import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { ActorIndex } from '../../../../shared/actors/actor-index';
import type { LibraryDocument } from '../../../../shared/corpus/document';
import { bundledDocuments } from '../../../corpus';
import { useDocument } from '../../../data/hooks';
import type { ImportedOriginal } from '../../../data/reviews';
import { useServices } from '../../context';
import { useLinkViews } from '../links/link-views';

/// The version of a document shown: its current text, the text as bundled
/// or imported, or one of its revisions (by seq).
export type ReaderVersion = 'current' | 'original' | number;

/// Everything the reader shows of one document, read through the
/// repositories and kept current: its text (read when opened), its
/// annotations, review list and revisions, the tag types, actors and sets
/// its panel offers, and its links. Each is `undefined` while it is read.
export function useReaderData(documentId: string, version: ReaderVersion) {
  const services = useServices();
  const { annotations: store, reviews: reviewStore } = services;
  const document = useDocument(documentId);
  // Reads only this document's chunks, so edits elsewhere do not rerun it.
  const annotations = useLiveQuery(() => store.ofDocument(documentId), [store, documentId]);
  const tagTypes = useLiveQuery(() => services.tagTypes.list(), [services]);
  const taggedNames = useLiveQuery(() => store.taggedNames(), [store]);
  const actorEntities = useLiveQuery(() => services.actors.list(), [services]);
  const sets = useLiveQuery(() => services.sets.list(), [services]);
  const reviews = useLiveQuery(() => reviewStore.ofDocument(documentId), [reviewStore, documentId]);
  const revisions = useLiveQuery(() => reviewStore.revisionsOf(documentId), [reviewStore, documentId]);
  const linksOf = useLinkViews(store, services.relationTypes, documentId);
  const actorIndex = useMemo(() => new ActorIndex(actorEntities ?? []), [actorEntities]);
  // The actor field offers every name in use and every actor's names.
  const actorNames = useMemo(
    () => [...new Set([...(actorEntities ?? []).flatMap((a) => [a.name, ...a.aliases]), ...(taggedNames ?? [])])].sort((a, b) => a.localeCompare(b)),
    [actorEntities, taggedNames],
  );

  // What the version menu names the first version by: a researcher's own
  // document by the file it was imported from, read once it has revisions.
  const imported = document?.origin === 'imported' && (revisions?.length ?? 0) > 0;
  const [original, setOriginal] = useState<{ documentId: string; read: ImportedOriginal | undefined } | null>(null);
  useEffect(() => {
    if (!imported) return;
    let live = true;
    void reviewStore.importedOriginal(documentId).then((read) => {
      if (live) setOriginal({ documentId, read });
    });
    return () => {
      live = false;
    };
  }, [imported, documentId, reviewStore]);
  const importedOriginal = imported && original?.documentId === documentId ? original.read : undefined;

  // An earlier version, read when asked for, shown read-only for comparison.
  const [earlier, setEarlier] = useState<{ version: ReaderVersion; document: LibraryDocument | undefined } | null>(null);
  useEffect(() => {
    if (version === 'current') return;
    if (version === 'original') {
      // An imported document's original is its stored import, not a
      // bundled text (there is none of that id).
      if (importedOriginal) setEarlier({ version, document: importedOriginal.document });
      else if (!imported) setEarlier({ version, document: bundledDocuments().get(documentId) });
      return;
    }
    let live = true;
    void reviewStore.revisionText(documentId, version).then((read) => {
      if (live) setEarlier({ version, document: read });
    });
    return () => {
      live = false;
    };
  }, [version, documentId, reviewStore, imported, importedOriginal]);
  const current = document ?? undefined;
  const shown = version === 'current' ? current : earlier?.version === version ? (earlier.document ?? current) : current;

  return { document, shown, annotations, tagTypes, sets, reviews, revisions, importedOriginal, linksOf, actorIndex, actorNames };
}
