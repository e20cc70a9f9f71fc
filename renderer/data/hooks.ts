import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type { LibraryDocument } from '../../shared/corpus/document';
import type { DocumentMeta } from '../../shared/corpus/metadata';
import type { DocumentList } from './document-list';
import type { DocumentSummary, DocumentsRepository } from './documents';

/// The documents repository the UI reads through, provided by the app.
export const DocumentsContext = createContext<DocumentsRepository | null>(null);

function useRepository(given?: DocumentsRepository): DocumentsRepository {
  const documents = useContext(DocumentsContext) ?? given;
  if (!documents) throw new RangeError('A documents hook was called outside the app’s DocumentsContext provider.');
  return documents;
}

/// The library's documents by id (summaries, no text), current: a new map
/// after every import, revision, edit or deletion. The app, which provides
/// the repository, passes it (`given`).
export function useDocuments(given?: DocumentsRepository): ReadonlyMap<string, DocumentSummary> {
  const documents = useRepository(given);
  return useSyncExternalStore(
    (listener) => documents.subscribe(listener),
    () => documents.list(),
  );
}

/// The library's documents as columns (`DocumentList`), current: a new
/// list after every import, revision, edit or deletion. Unlike
/// `useDocuments` it makes no summary of a document nobody asks for, so a
/// view that shows a screenful (the library) costs a screenful.
export function useDocumentList(given?: DocumentsRepository): DocumentList {
  const documents = useRepository(given);
  return useSyncExternalStore(
    (listener) => documents.subscribe(listener),
    () => documents.documents(),
  );
}

/// A document's whole description, long fields included
/// (`DocumentsRepository.description`): `undefined` while it is read,
/// `null` when the library has no such document. Read again whenever its
/// listing row or its edit changes.
export function useDescription(id: string): DocumentMeta | null | undefined {
  const documents = useRepository();
  return useLiveQuery(() => documents.description(id), [documents, id]);
}

/// Whether the library list has been read once (a remembered screen waits for it).
export function useDocumentsLoaded(): boolean {
  const documents = useRepository();
  return useSyncExternalStore(
    (listener) => documents.subscribe(listener),
    () => documents.isLoaded(),
  );
}

/// One document with its text, read when asked for: `undefined` while it
/// is read, `null` when the library has no such document. Read again when
/// its text or description changes.
export function useDocument(id: string): LibraryDocument | null | undefined {
  return useOpenedDocuments(useIds(id)).get(id);
}

const idLists = new Map<string, readonly string[]>();
function useIds(id: string): readonly string[] {
  // One array per id, so the effect below sees the same list each render.
  let ids = idLists.get(id);
  if (!ids) idLists.set(id, (ids = [id]));
  if (idLists.size > 64) idLists.clear();
  return ids;
}

/// The documents named, with their texts, as they are read: a document
/// not yet read is absent, one the library does not have maps to `null`.
/// `ids` should keep its identity between renders (a memo).
export function useOpenedDocuments(ids: readonly string[]): ReadonlyMap<string, LibraryDocument | null> {
  const documents = useRepository();
  const list = useDocuments();
  const [opened, setOpened] = useState<ReadonlyMap<string, LibraryDocument | null>>(new Map());
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new list (an edit, a revision) is the signal to read the documents again.
  useEffect(() => {
    let live = true;
    const wanted = [...new Set(ids)];
    Promise.all(wanted.map(async (id) => [id, (await documents.open(id)) ?? null] as const))
      .then((read) => {
        if (live) setOpened(new Map(read));
      })
      .catch((error: unknown) => console.error('A document could not be read:', error));
    return () => {
      live = false;
    };
    // The list changing (an edit, a revision) reads the documents again; the
    // repository answers from its cache for those that did not change.
  }, [documents, ids, list]);
  return opened;
}
