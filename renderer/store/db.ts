import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type { Actor } from '../../shared/actors/model';
import { type Annotation, type TagType, defaultTagTypes } from '../../shared/annotation/model';
import type { Review } from '../../shared/annotation/placed';
import { type Link, type RelationType, defaultRelationTypes } from '../../shared/links/model';
import type { AnnotationSet } from '../../shared/sets/model';
import type { LibraryDocument, PageStart } from '../../shared/corpus/document';
import { type DocumentMeta, markGuessedDate } from '../../shared/corpus/metadata';
import { detectLanguage } from '../../shared/corpus/language';
import type { Block } from '../../shared/document/model';
import { loadDocument } from '../../shared/corpus/document';
import { textFingerprint } from '../../shared/document/fingerprint';
import { quoteWithSuperscripts, textBeforeSuperscripts } from '../../shared/document/superscript-markers';
import { DocText } from '../../shared/document/text';
import { currentOf } from '../../shared/corpus/current';
import { bundledDocuments } from '../corpus';
import { type AnnotationChunk, type ChunkColumns, type ChunkLayout, bucketsFor, columnsOfChunk, groupIntoChunks } from './chunk-layout';
import { type DocumentColumns, documentColumns } from '../../shared/table/document-columns';
import { type LongLines, type PackedSnapshot, pack, packLong } from './listing-pack';
import { type StampsRow, stampKeeper, stampOf, storedStamps } from './text-stamps';

export { stampOf };
// The one rule of a document's current text, in shared/ for the command
// line too; the stores import it from here.
export { currentOf };

/// The app's one IndexedDB database. All storage goes through this module
/// and the store modules beside it; nothing else touches Dexie. Annotations
/// are stored in chunks, and only annotation-rows.ts reads or writes them.
export class PalimpsestDb extends Dexie {
  annotationChunks!: EntityTable<AnnotationChunk, 'key'>;
  chunkLayouts!: EntityTable<ChunkLayout, 'documentId'>;
  tableColumns!: EntityTable<ChunkColumns, 'key'>;
  tableRuns!: EntityTable<DocumentColumns, 'documentId'>;
  tagTypes!: EntityTable<TagType, 'id'>;
  revisions!: EntityTable<RevisionRow, 'seq'>;
  reviews!: EntityTable<ReviewRow, 'annotationId'>;
  links!: EntityTable<LinkRow, 'id'>;
  relationTypes!: EntityTable<RelationType, 'id'>;
  actors!: EntityTable<Actor, 'id'>;
  sets!: EntityTable<AnnotationSet, 'id'>;
  documents!: EntityTable<DocumentRow, 'id'>;
  documentEdits!: EntityTable<DocumentEditRow, 'documentId'>;
  documentListings!: EntityTable<ListingRow, 'id'>;
  listingSnapshot!: EntityTable<ListingSnapshot, 'key'>;
  listingStamps!: EntityTable<StampsRow, 'key'>;

  constructor(name = 'palimpsest', options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    declareVersions(this);
    // Every write to documents or revisions keeps the stamps row with it.
    this.use(stampKeeper);
    // A new library starts with the default tag and relation types.
    this.on('populate', (tx) => {
      void tx.table('tagTypes').bulkAdd(defaultTagTypes.map((tagType) => ({ ...tagType })));
      void tx.table('relationTypes').bulkAdd(defaultRelationTypes.map((relationType) => ({ ...relationType })));
      void tx.table('listingSnapshot').bulkPut([pack([]), packLong([])]);
      void tx.table('listingStamps').put({ key: 'all', stamps: new Map() });
    });
  }
}

/// A new version of a document's text (a corrected transcription). The
/// bundled text stays as it is; the latest revision is what the reader shows.
export interface RevisionRow {
  seq: number;
  documentId: string;
  fileName: string;
  source: string;
  created: string;
  fingerprint: string;
}

/// A document the researcher imported: its text as parsed, once, so it
/// opens without its original file.
export interface DocumentRow {
  id: string;
  fileName: string;
  format: LibraryDocument['format'];
  blocks: Block[];
  pages: PageStart[];
  /// What the text and the file's properties said, at import.
  meta: DocumentMeta;
  fingerprint: string;
  /// For text files: the encoding read, and whether it was detected.
  encoding: { name: string; detected: boolean } | null;
  added: string;
}

/// What the researcher changed of a document's description, for any
/// document, bundled or imported: the metadata as edited, and the
/// collection it is filed in.
export interface DocumentEditRow {
  documentId: string;
  meta: DocumentMeta | null;
  collection: string | null;
  modified: string;
}

/// What the library list shows of a stored document, without its text:
/// one small row per imported document and per revised bundled one, read
/// once from the text it describes (see listings.ts). `stamp` names that
/// text (when the document was added, and its latest revision), so a row
/// left behind by a change is known and read again.
export interface ListingRow {
  id: string;
  stamp: string;
  origin: LibraryDocument['origin'];
  fileName: string;
  format: LibraryDocument['format'];
  /// What the text (and, for an import, the file) says, before the
  /// researcher's edits, which are applied as the list is read.
  meta: DocumentMeta;
  fingerprint: string;
  /// The latest revision's seq; 0 for the text as imported or bundled.
  revision: number;
  characters: number;
  /// Where the source's pages begin (for citations and the table's page
  /// column): small, and empty for a text without pages.
  pages: PageStart[];
  /// The language the text reads as, if any can be told.
  readsAs: string | null;
}

/// Every listing row at once, in one row keyed 'all', so a launch reads
/// the library list in one get whatever its size. Written in the same
/// transaction as the rows it copies (see listings.ts `writeListings`); the
/// rows stay the truth, and a missing snapshot is built again from them.
/// Packed since version 10 (listing-pack.ts); since version 12 its lines
/// lack the long fields, kept beside it in the row keyed 'long'.
export type ListingSnapshot = PackedSnapshot | LongLines;

/// The snapshot as versions 8–9 stored it: the rows as objects.
interface ArraySnapshot {
  key: 'all';
  rows: ListingRow[];
}

/// A link as stored: with the documents of both ends, so the reader finds a
/// document's links by index and each end's annotation in its own chunk.
export interface LinkRow extends Link {
  fromDocument: string;
  toDocument: string;
}

/// An annotation to look at after a revision moved, changed or orphaned it.
export type ReviewRow = Review;

/// The schema, version by version. Never edit a version that has shipped:
/// add the next one with its `upgrade` beside it, so every existing
/// library is migrated in place and its data kept. For example:
///
///     db.version(5).stores({ notes: 'id, documentId' }).upgrade(async (tx) => { … });
export function declareVersions(db: Dexie): void {
  db.version(1).stores({
    // Annotations by document (the reader), by tag and actor (corpus-wide
    // views), by modification time (backups and sync).
    annotations: 'id, documentId, *tags, actor, modified',
    tagTypes: 'id, order',
  });
  // Version 2: document revisions, and the review list a revision leaves.
  // Nothing of version 1 changes, so no upgrade function is needed.
  db.version(2).stores({
    revisions: '++seq, documentId',
    reviews: 'annotationId, documentId',
  });
  // Version 3: annotations in chunks of a few hundred per row (see
  // chunk-layout.ts for why), found by document, tag and actor. Every row of
  // the old table moves into chunks before the table is dropped.
  db.version(3)
    .stores({
      annotationChunks: 'key, documentId, *tags, *actors',
      chunkLayouts: 'documentId',
      annotations: null,
    })
    .upgrade(moveAnnotationsIntoChunks);
  // Version 4: links between annotations and their relation types, actors
  // as entities, annotation sets. Nothing older changes; an existing library
  // gets the default relation types, as a new one does.
  db.version(4)
    .stores({
      links: 'id, from, to, fromDocument, toDocument, relation',
      relationTypes: 'id, order',
      actors: 'id, name',
      sets: 'id, name',
    })
    .upgrade(async (tx) => {
      await tx.table('relationTypes').bulkAdd(defaultRelationTypes.map((relationType) => ({ ...relationType })));
    });
  // Version 5: the researcher's own documents, and edits to any document's
  // description and collection. Nothing older changes.
  db.version(5).stores({
    documents: 'id, added',
    documentEdits: 'documentId, collection',
  });
  // Version 6: footnote markers are superscript digits in the canonical
  // text ("events.²", not "events.2"). No offset moves, but quotes made
  // before carry the bare digit: they are read again from the new text,
  // and imported documents' and revisions' fingerprints are those of it.
  db.version(6)
    .stores({})
    .upgrade((tx) => superscriptMarkers(tx, bundledDocuments()));
  // Version 7: a listing row per stored document (title, date, archive,
  // counts…), so the library list is read without any document's text.
  // Each is read from the document as it is now; edits saved before
  // guessed dates were told apart get their guess marked, with the text at
  // hand, so the list can apply them as they are.
  db.version(7)
    .stores({ documentListings: 'id' })
    .upgrade((tx) => fillListings(tx, bundledDocuments()));
  // Version 8: all listing rows in one snapshot row, so the list is one
  // read at launch rather than one per document. Filled from the rows.
  db.version(8)
    .stores({ listingSnapshot: 'key' })
    .upgrade(async (tx) => {
      const rows = await tx.table<ListingRow>('documentListings').toArray();
      await tx.table<ArraySnapshot>('listingSnapshot').put({ key: 'all', rows });
    });
  // Version 9: every stored text's stamp in one row (text-stamps.ts), kept
  // by a middleware in each write's transaction, so a launch checks the
  // list in one get rather than walking the documents' and revisions'
  // indexes. Filled from those indexes.
  db.version(9)
    .stores({ listingStamps: 'key' })
    .upgrade(async (tx) => {
      const stamps = await storedStamps(tx.table('documents'), tx.table('revisions'));
      await tx.table<StampsRow>('listingStamps').put({ key: 'all', stamps });
    });
  // Version 10: the snapshot packed into two strings (listing-pack.ts), so
  // a launch copies two strings rather than every row's objects, and
  // parses a row only when a field beyond its head is asked for. Packed
  // from the rows, which are the truth.
  db.version(10)
    .stores({ listingSnapshot: 'key' })
    .upgrade(async (tx) => {
      const rows = await tx.table<ListingRow>('documentListings').toArray();
      await tx.table<ListingSnapshot>('listingSnapshot').put(pack(rows));
    });
  // Version 11: beside each annotation chunk, the columns the "All
  // annotations" table sorts and filters by (shared/table/columns.ts), so
  // the table opens from typed arrays rather than a million annotations.
  // Built from the chunks, which are the truth.
  db.version(11).stores({ tableColumns: 'key, documentId' }).upgrade(fillTableColumns);
  // Version 12: the snapshot's lines without the long fields of a
  // description (citation, summary: most of a row's bytes), so a launch
  // copies a fifth of what it did; they are kept beside it (the row keyed
  // 'long'), for whole-library work, and read from the rows for one
  // document. Packed again from the rows, which are the truth (a snapshot
  // of the old format would be, too, but on the first launch, reading
  // every row).
  db.version(12)
    .stores({})
    .upgrade(async (tx) => {
      const rows = await tx.table<ListingRow>('documentListings').toArray();
      await tx.table<ListingSnapshot>('listingSnapshot').bulkPut([pack(rows), packLong(rows)]);
    });
  // Version 13: each document's table columns as one record, its rows
  // merged in text order (shared/table/document-columns.ts), so the "All
  // annotations" table opens by copying a hundred runs, not merging three
  // thousand chunks'. Built from the chunks' columns.
  db.version(13).stores({ tableRuns: 'documentId' }).upgrade(fillTableRuns);
  // Version 14: the records' rows packed narrow where they fit (16-bit tag
  // list, name, author, chunk and slot numbers, 32-bit starts: 18 bytes a
  // row, not 32), so the table's open reads and clones fewer bytes. Made
  // again from the chunks' columns; a record left wide would still read.
  db.version(14).stores({}).upgrade(fillTableRuns);
}

/// Writes every document's run from its chunks' columns, one document at
/// a time. Exported for the migration's test.
export async function fillTableRuns(tx: Transaction): Promise<void> {
  const layouts = await tx.table<ChunkLayout>('chunkLayouts').toArray();
  const runs = tx.table<DocumentColumns>('tableRuns');
  for (const layout of layouts) {
    const chunks = await tx.table<ChunkColumns>('tableColumns').where('documentId').equals(layout.documentId).toArray();
    await runs.put(documentColumns(layout.documentId, chunks, layout.stamp ?? ''));
  }
}

/// Writes the table columns of every stored annotation chunk, a few
/// hundred chunks at a time. Exported for the migration's test.
export async function fillTableColumns(tx: Transaction): Promise<void> {
  const columns = tx.table<ChunkColumns>('tableColumns');
  let batch: ChunkColumns[] = [];
  const writes: Promise<unknown>[] = [];
  await tx.table<AnnotationChunk>('annotationChunks').each((chunk) => {
    batch.push(columnsOfChunk(chunk));
    // Written as the cursor goes: a million annotations' columns are not
    // all held at once.
    if (batch.length >= 200) {
      writes.push(columns.bulkPut(batch));
      batch = [];
    }
  });
  if (batch.length) writes.push(columns.bulkPut(batch));
  await Promise.all(writes);
}

/// Writes the listing row of every imported and every revised bundled
/// document, and marks guessed dates in their edits. Exported for the
/// migration's test.
export async function fillListings(tx: Transaction, bundled: ReadonlyMap<string, LibraryDocument>): Promise<void> {
  const latest = new Map<string, RevisionRow>();
  // One revision's source at a time would need a cursor per document; the
  // latest of each is kept, the rest let go as the cursor passes.
  await tx
    .table<RevisionRow>('revisions')
    .orderBy('seq')
    .each((row) => {
      latest.set(row.documentId, row);
    });
  // Only an edit with a date not yet marked either way needs the text.
  const edits = await tx.table<DocumentEditRow>('documentEdits').toArray();
  const unmarked = new Set(edits.filter((edit) => edit.meta?.date && edit.meta.date.guessed === undefined).map((edit) => edit.documentId));
  const blocksOf = new Map<string, readonly Block[]>();
  const listings: ListingRow[] = [];
  const list = (document: LibraryDocument, added: string | null) => {
    const revision = latest.get(document.id)?.seq ?? 0;
    listings.push(listingOf(document, stampOf(added, revision), revision));
    if (unmarked.has(document.id)) blocksOf.set(document.id, document.blocks);
  };
  await tx.table<DocumentRow>('documents').each((row) => list(currentOf(row, null, latest.get(row.id)), row.added));
  for (const [id, revision] of latest) {
    const original = bundled.get(id);
    if (original) list(currentOf(null, original, revision), null);
  }
  for (const id of unmarked) {
    const original = bundled.get(id);
    if (original && !blocksOf.has(id)) blocksOf.set(id, original.blocks);
  }
  await tx.table('documentListings').bulkPut(listings);
  await tx
    .table<DocumentEditRow>('documentEdits')
    .where('documentId')
    .anyOf([...unmarked])
    .modify((edit) => {
      const blocks = blocksOf.get(edit.documentId);
      if (edit.meta && blocks) edit.meta = markGuessedDate(edit.meta, blocks);
    });
}

/// The listing row of a document as read now.
export function listingOf(document: LibraryDocument, stamp: string, revision: number): ListingRow {
  return {
    id: document.id,
    stamp,
    origin: document.origin,
    fileName: document.fileName,
    format: document.format,
    meta: document.meta,
    fingerprint: document.fingerprint,
    revision,
    characters: document.text.text.length,
    pages: document.pages,
    readsAs: detectLanguage(document.blocks),
  };
}

/// Rewrites the quotes (exact, prefix, suffix) of every annotation whose
/// document's text has a superscript footnote marker, for the text as it
/// is now; `bundled` gives the bundled documents' blocks. Exported for the
/// migration's test.
export async function superscriptMarkers(tx: Transaction, bundled: ReadonlyMap<string, Pick<LibraryDocument, 'blocks'>>): Promise<void> {
  // Each document's current blocks: bundled, imported, then its latest revision.
  const blocksOf = new Map<string, readonly Block[]>();
  for (const [id, document] of bundled) blocksOf.set(id, document.blocks);
  await tx
    .table<DocumentRow>('documents')
    .toCollection()
    .modify((row) => {
      blocksOf.set(row.id, row.blocks);
      // Only a text with a marker changed; any other row is left as it is.
      const text = new DocText(row.blocks).text;
      if (text !== textBeforeSuperscripts(row.blocks)) row.fingerprint = textFingerprint(text);
    });
  await tx
    .table<RevisionRow>('revisions')
    .orderBy('seq')
    .modify((row) => {
      const document = loadDocument(row.fileName, row.source, { id: row.documentId });
      blocksOf.set(row.documentId, document.blocks);
      if (document.text.text !== textBeforeSuperscripts(document.blocks)) row.fingerprint = document.fingerprint;
    });
  const texts = new Map<string, { before: string; after: string }>();
  for (const [id, blocks] of blocksOf) {
    const before = textBeforeSuperscripts(blocks);
    const after = new DocText(blocks).text;
    if (before !== after) texts.set(id, { before, after });
  }
  if (texts.size === 0) return;
  await tx
    .table<AnnotationChunk>('annotationChunks')
    .where('documentId')
    .anyOf([...texts.keys()])
    .modify((chunk) => {
      const { before, after } = texts.get(chunk.documentId)!;
      chunk.annotations = chunk.annotations.map((json) => {
        const annotation = JSON.parse(json) as Annotation;
        const quote = quoteWithSuperscripts(annotation.quote, annotation.position, before, after);
        return quote === annotation.quote ? json : JSON.stringify({ ...annotation, quote });
      });
    });
}

async function moveAnnotationsIntoChunks(tx: Transaction): Promise<void> {
  const byDocument = new Map<string, Annotation[]>();
  await tx.table<Annotation>('annotations').each((annotation) => {
    let list = byDocument.get(annotation.documentId);
    if (!list) byDocument.set(annotation.documentId, (list = []));
    list.push(annotation);
  });
  const layouts: ChunkLayout[] = [];
  const chunks: AnnotationChunk[] = [];
  for (const [documentId, annotations] of byDocument) {
    const buckets = bucketsFor(annotations.length);
    layouts.push({ documentId, buckets, count: annotations.length });
    for (const chunk of groupIntoChunks(documentId, buckets, annotations)) chunks.push(chunk);
  }
  await tx.table('chunkLayouts').bulkAdd(layouts);
  await tx.table('annotationChunks').bulkAdd(chunks);
}

/// A backup of the library, in the browser (the desktop app writes files).
export interface BackupRow {
  id: string;
  created: string;
  annotations: number;
  bytes: number;
  /// The backup's text: a Blob made of its pieces (see backup-store.ts),
  /// or one string in a backup written before.
  content: Blob | string;
  /// For an increment, the id of the full backup it builds on.
  base?: string;
}

/// The browser's backup database: separate from the library's, so damage to
/// one leaves the other.
export class BackupDb extends Dexie {
  backups!: EntityTable<BackupRow, 'id'>;
  constructor(name = 'palimpsest-backups') {
    super(name);
    this.version(1).stores({ backups: 'id, created' });
  }
}

/// Calls `listener` after every write to `table` made through this
/// connection; returns the function that stops it.
export function onTableWrite(table: Table, listener: () => void): () => void {
  return onRowWrite(table, () => listener());
}

/// Calls `listener` with the key of each row written to or deleted from
/// `table` through this connection (Dexie's hooks: this thread only);
/// returns the function that stops it.
export function onRowWrite(table: Table, listener: (key: string) => void): () => void {
  const created = (key: unknown) => listener(String(key));
  const updated = (_changes: unknown, key: unknown) => listener(String(key));
  table.hook('creating', created);
  table.hook('updating', updated);
  table.hook('deleting', created);
  return () => {
    table.hook('creating').unsubscribe(created);
    table.hook('updating').unsubscribe(updated);
    table.hook('deleting').unsubscribe(created);
  };
}

let current: PalimpsestDb | null = null;

/// The app's database, opened on first use.
export function db(): PalimpsestDb {
  current ??= new PalimpsestDb();
  return current;
}
