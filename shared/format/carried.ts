import { type StoredDocument, currentOf } from '../corpus/current';
import type { LibraryDocument } from '../corpus/document';
import type { CarriedDocument, CarriedEdit, CarriedRevision, IncomingLibrary } from './incoming';

/// What a whole-library file carries of documents that a library lacks, to
/// be placed on and written with its annotations: the researcher's own
/// documents, the revisions of a document the library holds as the same
/// text, unrevised and unannotated, and descriptions edited where the
/// library has no edit. What the library already has is kept as it is
/// (never overwritten by an import) and only counted.
export interface Carried {
  documents: CarriedDocument[];
  /// In the file's order for each document; numbered again when written.
  revisions: Omit<CarriedRevision, 'seq'>[];
  edits: CarriedEdit[];
  /// Of each kind, how many the library already holds (its own kept).
  present: { documents: number; revisions: number; edits: number };
}

/// What the choice needs to know of a library, about the documents a file
/// names (`carriedIds`).
export interface Holdings {
  /// Every document the library holds, bundled or imported.
  ids: ReadonlySet<string>;
  /// The imported documents stored, each with its listing (the revision
  /// it is at and its original text's fingerprint), or null for one whose
  /// listing has not caught up.
  stored: ReadonlyMap<string, { revision: number; fingerprint: string } | null>;
  /// Those with revisions of their own.
  revised: ReadonlySet<string>;
  /// Those with annotations.
  annotated: ReadonlySet<string>;
  /// Those with an edited description.
  edited: ReadonlySet<string>;
}

/// A library with nothing of its own but the documents `ids` (the command
/// line's folder of documents).
export function bareHoldings(ids: Iterable<string>): Holdings {
  return { ids: new Set(ids), stored: new Map(), revised: new Set(), annotated: new Set(), edited: new Set() };
}

/// The ids of the documents a file's library part names: its documents,
/// and those its revisions and descriptions are of.
export function carriedIds(library: IncomingLibrary | null): string[] {
  if (!library) return [];
  return [
    ...new Set([
      ...(library.documents ?? []).map((d) => d.id),
      ...(library.revisions ?? []).map((r) => r.documentId),
      ...(library.documentEdits ?? []).map((e) => e.documentId),
    ]),
  ];
}

/// What of a file's documents, revisions and descriptions to add to a
/// library (`holdings`). A revision or an edit of a document neither the
/// library nor the file holds is left out: nothing could show it.
export function chooseCarried(library: IncomingLibrary | null, holdings: Holdings): Carried {
  const carried: Carried = { documents: [], revisions: [], edits: [], present: { documents: 0, revisions: 0, edits: 0 } };
  if (!library) return carried;
  const files = library.documents ?? [];
  const fileDocument = new Map(files.map((d) => [d.id, d]));
  for (const document of files) {
    if (holdings.ids.has(document.id) || holdings.stored.has(document.id)) carried.present.documents += 1;
    else carried.documents.push(document);
  }
  const added = new Set(carried.documents.map((d) => d.id));
  // The file's revisions and descriptions of a document the library holds
  // go on it only when it is the same document (ids are made from file
  // names, so a colleague's "memo-1962" may be another text): the same
  // bundled text, or an imported one with the same original text.
  const same = (id: string) => {
    if (added.has(id)) return true;
    if (holdings.stored.has(id)) {
      // Its listing, if caught up, says which text it is; unlisted, it
      // counts as another, and keeps its own.
      const listed = holdings.stored.get(id);
      return listed?.revision === 0 && listed.fingerprint === fileDocument.get(id)?.fingerprint;
    }
    return holdings.ids.has(id) && !fileDocument.has(id);
  };
  // Whether the library holds the document, or will once this is written.
  const held = (id: string) => added.has(id) || holdings.ids.has(id) || holdings.stored.has(id);
  // Annotations on a document the library holds count in its text: a
  // revision slipped under them would shift them, so they keep the text
  // (the file's annotations are placed on it, as any import's are).
  const annotated = (id: string) => !added.has(id) && holdings.annotated.has(id);
  for (const { seq: _seq, ...revision } of [...(library.revisions ?? [])].sort((a, b) => a.seq - b.seq)) {
    const id = revision.documentId;
    if (!held(id)) continue;
    if (holdings.revised.has(id) || annotated(id) || !same(id)) carried.present.revisions += 1;
    else carried.revisions.push(revision);
  }
  for (const edit of library.documentEdits ?? []) {
    const id = edit.documentId;
    if (!held(id)) continue;
    if (holdings.edited.has(id) || !same(id)) carried.present.edits += 1;
    else carried.edits.push(edit);
  }
  return carried;
}

/// The texts a plan places annotations on, as they will be once `carried`
/// is written: each new document at its newest carried revision, and each
/// document of `documents` (the library's) that gains revisions, at the
/// newest of them.
export function carriedTexts(carried: Carried, documents: ReadonlyMap<string, LibraryDocument>): Map<string, LibraryDocument> {
  const newest = new Map<string, Omit<CarriedRevision, 'seq'>>();
  for (const revision of carried.revisions) newest.set(revision.documentId, revision);
  const texts = new Map(documents);
  const added = new Set(carried.documents.map((d) => d.id));
  for (const row of carried.documents) texts.set(row.id, currentOf(storedOf(row), null, newest.get(row.id)));
  for (const [id, revision] of newest) {
    const before = documents.get(id);
    if (before && !added.has(id)) texts.set(id, currentOf(null, before, revision));
  }
  return texts;
}

/// A carried document as the library stores it. The app writes a
/// description in full; the file's schema checks only the fields a restore
/// cannot do without (see library-schemas.ts).
export function storedOf(document: CarriedDocument): StoredDocument {
  return document as unknown as StoredDocument;
}
