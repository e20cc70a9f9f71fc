import { liveQuery } from 'dexie';
import type { LibraryDocument } from '../../shared/corpus/document';
import type { DocumentMeta } from '../../shared/corpus/metadata';
import type { DocumentEditRow, PalimpsestDb } from '../store/db';
import { listingOf, stampOf } from '../store/db';
import { type DocumentSource, StoredDocuments } from '../store/document-source';
import { annotationCount, editDocument } from '../store/documents';
import { type Listed, listedRow } from '../store/listing-pack';
import { readListings, readStamps, rebuildSnapshot, refreshListings, storeStamps, storedDocument } from '../store/listings';
import { DocumentList, type DocumentSummary } from './document-list';
import { Lru } from './lru';

export type { DocumentSummary } from './document-list';

/// One document's words, for the search index.
export interface DocumentText {
  id: string;
  revision: number;
  /// The text's fingerprint: the search index's stamp of what it indexed.
  fingerprint: string;
  text: string;
}

// Documents opened recently, kept for a return to them; each is its text
// and blocks, so the cache holds a few, whatever the library's size.
const cachedDocuments = 8;

/// The library's documents. The list is their summaries (one small row
/// each, read without any text) and is kept current: `subscribe` hears of
/// every import, revision, edit and deletion, whoever made it. A document's
/// text is read when something asks for it (`open`), and the few opened
/// last are kept.
export class DocumentsRepository {
  private current = new DocumentList([], []);
  private loaded = false;
  private readonly listeners = new Set<() => void>();
  private readonly opened = new Lru<string, Promise<LibraryDocument | undefined>>(cachedDocuments);
  private readonly bundledSummaries: ReadonlyMap<string, Listed>;
  /// Documents whose text could not be read, by the stamp that failed:
  /// left out of the list, and not read again until they change.
  private readonly unreadable = new Map<string, string>();
  private watching: { unsubscribe(): void } | null = null;
  // While the listing rows are being written, the last state the query
  // published since, settled once they are: each row written wakes the
  // query, and settling every wake-up would start a refresh per row, each
  // reading every stale text again (a thousand files imported at once
  // would never be listed).
  private refreshing = false;
  private next: Parameters<DocumentsRepository['settle']> | null = null;

  constructor(
    private readonly db: PalimpsestDb,
    private readonly bundled: ReadonlyMap<string, LibraryDocument>,
  ) {
    this.bundledSummaries = new Map([...bundled].map(([id, document]) => [id, listedRow(listingOf(document, stampOf(null, 0), 0))]));
  }

  /// The documents by id, as last read; empty until `loaded`. Made when
  /// first asked for after each change: a view that needs less (the
  /// library screen) reads `documents()`.
  list(): ReadonlyMap<string, DocumentSummary> {
    return this.current.map();
  }

  /// The documents as columns, as last read (a new list after every
  /// change); empty until `loaded`. A summary is made only for a document
  /// asked for.
  documents(): DocumentList {
    return this.current;
  }

  /// Whether the list has been read once.
  isLoaded(): boolean {
    return this.loaded;
  }

  /// Calls `listener` whenever the list changes; returns the function that
  /// stops it. The first listener starts watching the database.
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    this.watch();
    return () => {
      this.listeners.delete(listener);
    };
  }

  /// One document with its text and blocks, at its latest revision and with
  /// its edits; `undefined` when the library has no such document.
  open(id: string): Promise<LibraryDocument | undefined> {
    let document = this.opened.get(id);
    if (!document) {
      document = storedDocument(this.db, id, this.bundled).then((read) => read?.edited);
      // A failed read is not kept: the next open tries again.
      document.catch(() => this.opened.delete(id));
      this.opened.set(id, document);
    }
    return document;
  }

  /// Every listed document's text, or those of `ids` among them, one at a
  /// time (for the search index): each read, handed over and let go before
  /// the next.
  async *texts(ids?: readonly string[]): AsyncIterable<DocumentText> {
    const list = this.current;
    const summaries = ids
      ? ids
          .map((id) => list.indexOf(id))
          .filter((i) => i >= 0)
          .map((i) => list.summary(i))
      : [...list.map().values()];
    for (const summary of summaries) {
      const document =
        summary.origin === 'bundled' && summary.revision === 0 ? this.bundled.get(summary.id) : (await storedDocument(this.db, summary.id, this.bundled))?.text;
      if (document) yield { id: summary.id, revision: summary.revision, fingerprint: document.fingerprint, text: document.text.text };
    }
  }

  /// The documents for whole-library work (export, backup, an import's
  /// plan): ids and descriptions from the listing rows, and a text read
  /// only for a document the work touches. A new source for each piece of
  /// work, so none holds a text past it.
  source(): DocumentSource {
    return new StoredDocuments(this.db, this.bundled);
  }

  /// Changes what a document is said to be, or its collection (`meta:
  /// null` goes back to what its text and file said).
  edit(documentId: string, edit: { meta?: DocumentMeta | null; collection?: string | null }): Promise<void> {
    return editDocument(this.db, documentId, edit);
  }

  /// A document's whole description, with the researcher's edits: what
  /// its summary's `meta` holds and the long fields the list leaves out
  /// (citation, summary), read from its listing row, one get, when asked
  /// for (the details dialog, a copied citation). `null` when the library
  /// has no such document.
  async description(documentId: string): Promise<DocumentMeta | null> {
    const [edit, row] = await Promise.all([this.db.documentEdits.get(documentId), this.db.documentListings.get(documentId)]);
    // An edit holds the whole description, as the dialog saved it.
    if (edit?.meta) return edit.meta;
    const list = this.current;
    const i = list.indexOf(documentId);
    if (row && i >= 0 && list.stamp(i) === row.stamp) return row.meta;
    const bundled = this.bundledSummaries.get(documentId);
    if (bundled && i >= 0 && list.stamp(i) === bundled.stamp) return this.bundled.get(documentId)!.meta;
    // Not listed as its row says (a write the list has not caught up with,
    // or not listed yet): from the text, as an open reads it.
    return (await storedDocument(this.db, documentId, this.bundled))?.edited.meta ?? null;
  }

  /// `description`, for an action on a document the researcher chose
  /// (copy its citation, accept its language): rejects, saying why, when
  /// it is no longer in the library.
  async requiredDescription(documentId: string): Promise<DocumentMeta> {
    const meta = await this.description(documentId);
    if (!meta) throw new Error('the document is no longer in the library');
    return meta;
  }

  /// The researcher's edit of a document's description, if any.
  editOf(documentId: string): Promise<DocumentEditRow | undefined> {
    return this.db.documentEdits.get(documentId);
  }

  /// How many annotations a document holds, read without reading them.
  annotationCount(documentId: string): Promise<number> {
    return annotationCount(this.db, documentId);
  }

  private watch(): void {
    if (this.watching) return;
    // Three reads, asked for together: the stamps and the snapshot are one
    // get each whatever the library's size.
    const observable = liveQuery(async () => {
      const [stamps, listings, edits] = await Promise.all([readStamps(this.db, this.bundled), readListings(this.db), this.db.documentEdits.toArray()]);
      return { stamps, listings, edits };
    });
    this.watching = observable.subscribe({
      next: ({ stamps: { stamps, kept }, listings, edits }) => {
        // A library without its snapshot (lost, or never written) lists
        // from the rows, and writes the snapshot once for the next launch;
        // without its stamps row (a deletion drops it), the same.
        if (listings.fromRows) void rebuildSnapshot(this.db).catch((error: unknown) => console.error('The library list could not be stored:', error));
        if (!kept) void storeStamps(this.db).catch((error: unknown) => console.error('The library list could not be stored:', error));
        if (this.refreshing) this.next = [stamps, listings.listed, edits];
        else void this.settle(stamps, listings.listed, edits);
      },
      error: (error: unknown) => console.error('The library list could not be read:', error),
    });
  }

  private async settle(stamps: Map<string, string>, listings: Listed[], edits: DocumentEditRow[]): Promise<void> {
    const current = new Map<string, Listed>();
    for (const row of listings) current.set(row.id, row);
    // Checked in place, without copies: at launch this runs over every
    // document, and usually finds nothing stale.
    const unreadable = (id: string, stamp: string) => this.unreadable.size > 0 && this.unreadable.get(id) === stamp;
    let stale = listings.some((row) => !stamps.has(row.id));
    for (const [id, stamp] of stamps) {
      if (stale) break;
      stale = current.get(id)?.stamp !== stamp && !unreadable(id, stamp);
    }
    if (stale) {
      const readable = new Map([...stamps].filter(([id, stamp]) => !unreadable(id, stamp)));
      // The rows written wake the query again, which then publishes them.
      this.refreshing = true;
      try {
        for (const id of await refreshListings(this.db, this.bundled, readable, listings)) this.unreadable.set(id, stamps.get(id)!);
      } finally {
        this.refreshing = false;
      }
      const next = this.next;
      this.next = null;
      if (next) await this.settle(...next);
      return;
    }
    const editOf = new Map(edits.map((edit) => [edit.documentId, edit]));
    const rows: Listed[] = [];
    for (const [id, row] of this.bundledSummaries) if (!current.has(id)) rows.push(row);
    for (const row of listings) if (stamps.get(row.id) === row.stamp) rows.push(row);
    const next = new DocumentList(
      rows,
      rows.map((row) => editOf.get(row.id)),
    );
    // An opened document whose text or description changed is read again:
    // only the few opened are compared, not the whole list.
    const before = this.current;
    for (const id of [...this.opened.keys()]) if (before.indexOf(id) >= 0 && !before.same(id, next)) this.opened.delete(id);
    this.current = next;
    this.loaded = true;
    for (const listener of this.listeners) listener();
  }
}
