import type * as Y from 'yjs';
import { type Stamp, annotationsByDocument, idsIn, readItems, writeChanges } from '../../shared/sync/mapping';
import { type SharedLibrary, emptySharedLibrary } from '../../shared/sync/model';
import type { PalimpsestDb } from '../store/db';
import { AsBegun } from './as-begun';
import { Base } from './base';
import { emptyOf, idsOfBoth, idsOfItems, pick, union, withItems } from './parts';
import { differing, overlay, readScope, writeStore } from './store-library';

/// What a join needs of its binding.
export interface JoinOptions {
  /// A read-only member: the project comes in, nothing goes out.
  readOnly: boolean;
  stamp: () => Stamp;
  /// The items (`kind:id`) written to the doc, on their way to the server.
  written: (items: string[]) => void;
  /// After each document joined, and once before the first: how many of
  /// the library's documents are joined, of how many.
  onProgress?: (done: number, total: number) => void;
  /// Whether the binding was stopped (the project closed or left): the
  /// join ends after the piece it is in.
  stopped: () => boolean;
  /// Whether the app is closing: the join then joins only the documents
  /// the researcher wrote to while it ran, and the other kinds, and leaves
  /// the rest (as they were when it began) to the next opening's join.
  finishing?: () => boolean;
}

/// What a finished join leaves: the library as carried, and (read only)
/// the items held here otherwise than the project.
export interface Joined {
  base: Base;
  localOnly: Set<string>;
  /// The documents left unjoined when finishing (`finishing`): the base
  /// does not hold them, and the next opening's join does them.
  left: Set<string>;
}

/// Joins the store to the doc: what either holds and the other lacks is
/// added to the other, and where both hold an item the project's version
/// is kept. It walks the library in pieces — each document (its row and
/// its annotations, on both sides), then the other kinds together — each
/// read, compared and written in transactions of its own, so what is held
/// at once is one document's, not the library's, and the page gets a turn
/// between pieces. Returns `null` if stopped midway: each piece written is
/// whole, so joining again later finds those pieces equal on both sides
/// and adds nothing twice.
export async function join(db: PalimpsestDb, doc: Y.Doc, options: JoinOptions): Promise<Joined | null> {
  // Opened first: a library created now fills in its default types, and
  // those writes are the library's beginning, no researcher's edit.
  await db.open();
  // Before anything is read: a piece must see the library as it was when
  // the join began, whatever the researcher wrote while it ran.
  const asBegun = new AsBegun(db);
  try {
    return await joinPieces(db, doc, options, asBegun);
  } finally {
    asBegun.stop();
  }
}

async function joinPieces(db: PalimpsestDb, doc: Y.Doc, options: JoinOptions, asBegun: AsBegun): Promise<Joined | null> {
  const base = new Base(emptySharedLibrary());
  const localOnly = new Set<string>();
  // The project's annotations by document, read once. One added to the
  // doc after this is a change the doc's observers report: the round
  // trip after the join carries it.
  const annotationsOf = annotationsByDocument(doc);
  const documents = await documentIds(db, doc, annotationsOf);
  options.onProgress?.(0, documents.length);
  const left = new Set<string>();
  const joinDocument = async (documentId: string) => {
    const store = await readScope(db, { documentsOfAnnotations: [documentId], annotations: [], ids: { documents: [documentId] } }, asBegun);
    const shared = readItems(doc, { annotations: annotationsOf.get(documentId) ?? [], documents: [documentId] });
    await joinPiece(db, doc, base, store, shared, localOnly, options);
    asBegun.joinedDocument(documentId);
  };
  for (const [done, documentId] of documents.entries()) {
    if (options.stopped()) return null;
    // Closing: a document not written to since the join began is as it
    // was, and joining it next time loses nothing.
    if (options.finishing?.() && !asBegun.wrote(documentId)) left.add(documentId);
    else await joinDocument(documentId);
    options.onProgress?.(done + 1, documents.length);
    // A turn for the page (typing, painting) between pieces.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  // Written to after the walk passed it by.
  for (const documentId of left) {
    if (options.stopped()) return null;
    if (!asBegun.wrote(documentId)) continue;
    await joinDocument(documentId);
    left.delete(documentId);
  }
  if (options.stopped()) return null;
  // Links, actors, sets and types: small beside the documents, one piece.
  const ids = {
    links: await both(db.links.toCollection().primaryKeys(), idsIn(doc, 'links')),
    actors: await both(db.actors.toCollection().primaryKeys(), idsIn(doc, 'actors')),
    sets: await both(db.sets.toCollection().primaryKeys(), idsIn(doc, 'sets')),
    tagTypes: await both(db.tagTypes.toCollection().primaryKeys(), idsIn(doc, 'tagTypes')),
    relationTypes: await both(db.relationTypes.toCollection().primaryKeys(), idsIn(doc, 'relationTypes')),
  };
  const store = await readScope(db, { documentsOfAnnotations: [], annotations: [], ids }, asBegun);
  await joinPiece(db, doc, base, store, readItems(doc, ids), localOnly, options);
  return { base, localOnly, left };
}

// One piece of the join: `store` and `shared` hold the same part of the
// library (a document's, or the other kinds'), as the store and the doc
// hold it now.
async function joinPiece(
  db: PalimpsestDb,
  doc: Y.Doc,
  base: Base,
  store: SharedLibrary,
  shared: SharedLibrary,
  localOnly: Set<string>,
  options: JoinOptions,
): Promise<void> {
  const scope = idsOfBoth(store, shared);
  // A link's ends are annotations of the pieces before (the other kinds
  // come last), as the base now holds them.
  const documentOf = (id: string) => base.documentOf(id);
  if (options.readOnly) {
    // The project comes in; the member's own library stays, unsent.
    const target = overlay(store, emptyOf(shared), shared);
    const { held } = await writeStore(db, store, target, documentOf);
    base.replace(shared, scope);
    // What the member changed meanwhile has not taken the project's
    // version: the base forgets it, so the next round trip brings it.
    base.replace(emptyOf(shared), held);
    for (const item of differing(target, shared)) localOnly.add(item);
    return;
  }
  const written = writeChanges(doc, shared, union(shared, store), options.stamp(), 'local');
  options.written(written);
  // Only what the piece wrote changed in the doc: read those again.
  const merged = withItems(shared, readItems(doc, idsOfItems(written)));
  const { held } = await writeStore(db, store, merged, documentOf);
  base.replace(merged, scope);
  // The doc holds `store`'s version of what was changed meanwhile: the
  // next round trip carries only the change since.
  base.replace(pick(store, held), held);
}

// Every document either side holds a row or annotations of, sorted.
async function documentIds(db: PalimpsestDb, doc: Y.Doc, annotationsOf: Map<string, string[]>): Promise<string[]> {
  const [rows, annotated] = await Promise.all([db.documents.toCollection().primaryKeys(), db.chunkLayouts.toCollection().primaryKeys()]);
  const ids = new Set<string>([...rows, ...annotated, ...idsIn(doc, 'documents'), ...annotationsOf.keys()].map(String));
  return [...ids].sort();
}

async function both(stored: Promise<unknown[]>, shared: string[]): Promise<string[]> {
  return [...new Set([...(await stored).map(String), ...shared])];
}
