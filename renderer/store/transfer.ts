import { storageProblem } from './errors';
import type { Annotation } from '../../shared/annotation/model';
import type { LibraryDocument } from '../../shared/corpus/document';
import { buildCsv, csvPieces } from '../../shared/format/csv';
import { jsonPieces } from '../../shared/format/json-stream';
import { buildQdpx } from '../../shared/format/qdpx';
import { ImportError } from '../../shared/format/errors';
import type { IncomingBatch } from '../../shared/format/incoming';
import type { LibraryState } from '../../shared/format/library-merge';
import { type ImportPlan, planImport } from '../../shared/format/merge';
import { type NativeFile, buildNativeFile, nativeDocuments } from '../../shared/format/native';
import { type StreamedLibrary, nativePieces } from '../../shared/format/native-stream';
import type { IndexableType, Table } from 'dexie';
import { readAnnotationFile } from '../../shared/format/read';
import { type W3cLibrary, buildW3cCollection, streamedW3cCollection } from '../../shared/format/w3c';
import type { LinkRow } from './db';
import { type DocumentSource, type Documents, sourceOf } from './document-source';
import * as rows from './annotation-rows';
import { type CarriedDocuments, carriedDocuments, carriedTexts, writeCarried } from './carried-documents';
import { scanInFileOrder } from './annotation-scan';
import type { PalimpsestDb } from './db';
import { InvalidInput } from '../../shared/errors';

export type ExportFormat = 'native' | 'w3c' | 'csv' | 'qdpx';

/// Exports annotations — all, or one document's — in a format. Only the
/// documents the annotations are on are read, and their texts only for the
/// formats that need them (W3C positions count code points; REFI-QDA
/// carries the texts).
export async function exportAnnotations(
  db: PalimpsestDb,
  library: Documents,
  scope: NativeFile['scope'],
  format: ExportFormat = 'native',
  now = new Date(),
  /// Annotations whose document the library no longer holds (a backup can
  /// bring them back): kept, under a stand-in entry, in a whole-library
  /// native file, which must carry everything; refused in one document's.
  /// A REFI-QDA project, which carries each document's text, leaves them
  /// out and counts them in `leftOut`, and in `ties` the links and set
  /// entries that go with them; W3C and CSV name the id.
  missingDocuments: 'refuse' | 'keep' = scope.kind === 'all' ? 'keep' : 'refuse',
): Promise<{ content: string | Uint8Array; count: number; missing: string[]; leftOut: number; ties?: LeftOutTies }> {
  const annotations: Annotation[] = scope.kind === 'all' ? await rows.all(db) : await rows.ofDocument(db, scope.documentId);
  annotations.sort((a, b) =>
    a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : a.position.start - b.position.start || (a.id < b.id ? -1 : 1),
  );
  const tagTypes = await db.tagTypes.toArray();
  const count = annotations.length;
  const used = [...new Set(annotations.map((a) => a.documentId))];
  const source = sourceOf(library);
  const documents = format === 'w3c' || format === 'qdpx' ? await source.read(used) : await source.infos(used, { dates: format === 'csv' });
  const missing = used.filter((id) => !documents.has(id));
  if (format === 'csv')
    return {
      content: buildCsv(annotations, tagTypes, documents, { actors: await db.actors.toArray(), links: await db.links.toArray() }),
      count,
      missing,
      leftOut: 0,
    };
  if (format === 'qdpx') {
    // Actors by their canonical names, and the links and sets among these
    // annotations, as the project's codes, links and sets.
    const [actors, links, relationTypes, sets] = await Promise.all([db.actors.toArray(), db.links.toArray(), db.relationTypes.toArray(), db.sets.toArray()]);
    const placed = annotations.filter((a) => documents.has(a.documentId));
    // What points at a left-out passage goes with it: counted, so the
    // notice can say so rather than lose it silently.
    const gone = new Set(annotations.filter((a) => !documents.has(a.documentId)).map((a) => a.id));
    const ties = {
      links: links.filter((l) => gone.has(l.from) || gone.has(l.to)).length,
      setEntries: sets.reduce((sum, s) => sum + s.annotationIds.filter((id) => gone.has(id)).length, 0),
    };
    return {
      content: buildQdpx({
        annotations: placed,
        tagTypes,
        documents: documents as Map<string, LibraryDocument>,
        exported: now,
        actors,
        links,
        relationTypes,
        sets,
      }),
      count: placed.length,
      missing,
      leftOut: count - placed.length,
      ties,
    };
  }
  const rest = scope.kind === 'all' ? await libraryOf(db) : undefined;
  const file =
    format === 'w3c'
      ? buildW3cCollection({ annotations, tagTypes, documents: documents as Map<string, LibraryDocument>, exported: now, library: rest })
      : buildNativeFile({ annotations, tagTypes, documents, scope, exported: now, library: rest, missingDocuments });
  return { content: `${JSON.stringify(file, null, 2)}\n`, count, missing, leftOut: 0 };
}

/// An export as pieces to write one after another, and how many
/// annotations it holds.
export interface ExportPieces {
  count: number;
  pieces: AsyncIterable<string | Uint8Array>;
  /// How many of the `count` annotations the pieces asked for so far were
  /// made from: how far the export has gone, for its progress bar.
  read?: () => number;
  /// Annotations left out (see `exportAnnotations`): a REFI-QDA project's
  /// on documents the library no longer holds.
  leftOut?: number;
  /// The links and set entries left out with them.
  ties?: LeftOutTies;
}

/// Links and set entries a REFI-QDA export leaves out with the passages
/// they point to.
export interface LeftOutTies {
  links: number;
  setEntries: number;
}

/// The same file as `exportAnnotations`, byte for byte, in pieces. A native
/// file is read from the store as it is written: one document's annotations
/// at a time, and the whole library's long lists page by page, so no string
/// or list of the whole library is ever held; W3C and CSV files are
/// written from the annotations one document at a time too (their links,
/// actors and sets read whole). A REFI-QDA project, a zip, is still built
/// whole and handed on as one piece. A missing document is refused before the first
/// piece, as `exportAnnotations` refuses it.
export async function exportPieces(
  db: PalimpsestDb,
  library: Documents,
  scope: NativeFile['scope'],
  format: ExportFormat = 'native',
  now = new Date(),
  /// As for exportAnnotations (native only).
  missingDocuments: 'refuse' | 'keep' = scope.kind === 'all' ? 'keep' : 'refuse',
): Promise<ExportPieces> {
  let read = 0;
  if (format === 'qdpx') {
    const { content, count, leftOut, ties } = await exportAnnotations(db, library, scope, format, now);
    return {
      count,
      leftOut,
      ...(ties ? { ties } : {}),
      pieces: (async function* () {
        read = count;
        yield content;
      })(),
      read: () => read,
    };
  }
  const counts = await rows.countsByDocument(db);
  // Every format reads the annotations through this scan, a batch at a time
  // as its pieces are asked for: what it has read is how far it has gone.
  const scan = () => counted(scanInFileOrder(db, documentIds, counts), (n) => (read += n));
  const documentIds = scope.kind === 'all' ? [...counts.keys()] : counts.has(scope.documentId) ? [scope.documentId] : [];
  const count = documentIds.reduce((sum, id) => sum + (counts.get(id) ?? 0), 0);
  const from = sourceOf(library);
  if (format === 'w3c') {
    // Each document's text is read as its annotations come, and let go
    // after them: the file's positions count its code points.
    const documents = new Map<string, LibraryDocument>();
    const rest = scope.kind === 'all' ? await w3cLibraryOf(db) : undefined;
    const tagTypes = await db.tagTypes.toArray();
    const annotations = withDocuments(scan(), from, documents);
    const collection = streamedW3cCollection({ annotations, count, tagTypes, documents, exported: now, library: rest });
    return { count, pieces: withFinalNewline(jsonPieces(collection)), read: () => read };
  }
  const documents = await from.infos(documentIds, { dates: format === 'csv' });
  if (format === 'csv') {
    const [tagTypes, actors, links] = await Promise.all([db.tagTypes.toArray(), db.actors.toArray(), db.links.toArray()]);
    return { count, pieces: csvPieces(scan(), tagTypes, documents, { actors, links }), read: () => read };
  }
  const source = {
    tagTypes: await db.tagTypes.toArray(),
    documents,
    documentIds,
    annotations: scan(),
    scope,
    exported: now,
    library: scope.kind === 'all' ? streamedLibraryOf(db) : undefined,
    missingDocuments,
  };
  // Refused here, not at the first piece: the documents are listed first.
  nativeDocuments(documentIds, documents, missingDocuments);
  return { count, pieces: nativePieces(source), read: () => read };
}

// The batches of `batches`, each told to `add` (its length) as it is read.
async function* counted<B extends readonly unknown[]>(batches: AsyncIterable<B>, add: (n: number) => void): AsyncGenerator<B> {
  for await (const batch of batches) {
    add(batch.length);
    yield batch;
  }
}

// What a whole-library W3C file carries beside the annotations, as
// `libraryOf` orders it.
async function w3cLibraryOf(db: PalimpsestDb): Promise<W3cLibrary> {
  const byId = <T extends { id: string }>(list: T[]) => list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    relationTypes: (await db.relationTypes.toArray()).sort((a, b) => a.order - b.order),
    links: byId(await db.links.toArray()).map(({ fromDocument: _from, toDocument: _to, ...link }) => link),
    actors: byId(await db.actors.toArray()),
    sets: byId(await db.sets.toArray()),
  };
}

// The batches of `annotations`, with `documents` holding, while each is
// read, the documents it is on (and no others).
async function* withDocuments(
  annotations: AsyncIterable<readonly Annotation[]>,
  source: DocumentSource,
  documents: Map<string, LibraryDocument>,
): AsyncGenerator<readonly Annotation[]> {
  for await (const batch of annotations) {
    const on = new Set(batch.map((a) => a.documentId));
    for (const id of [...documents.keys()]) if (!on.has(id)) documents.delete(id);
    const unread = [...on].filter((id) => !documents.has(id));
    if (unread.length > 0) for (const [id, document] of await source.read(unread)) documents.set(id, document);
    yield batch;
  }
}

async function* withFinalNewline(pieces: AsyncIterable<string>): AsyncGenerator<string> {
  yield* pieces;
  yield '\n';
}

// The library's lists as `libraryOf` gives them, read page by page in
// primary-key order (the order `libraryOf` sorts them in) as they are
// written.
function streamedLibraryOf(db: PalimpsestDb): StreamedLibrary {
  return {
    relationTypes: pagesOf(db.relationTypes, 'order'),
    links: mapPages(pagesOf(db.links), ({ fromDocument: _from, toDocument: _to, ...link }) => link),
    actors: pagesOf(db.actors),
    sets: pagesOf(db.sets),
    documents: pagesOf(db.documents, undefined, 16) as unknown as StreamedLibrary['documents'],
    documentEdits: pagesOf(db.documentEdits) as unknown as StreamedLibrary['documentEdits'],
    revisions: pagesOf(db.revisions, undefined, 16),
    reviews: pagesOf(db.reviews),
  };
}

// A table's rows `size` at a time, in primary-key order (or by `index`,
// read whole: the relation types are few).
async function* pagesOf<T, K extends IndexableType, I>(table: Table<T, K, I>, index?: string, size = 512): AsyncGenerator<T[]> {
  if (index) {
    yield await table.orderBy(index).toArray();
    return;
  }
  const key = table.schema.primKey.keyPath;
  if (typeof key !== 'string') throw new RangeError(`The table ${table.name} has no single primary key to read it by pages.`);
  let after: IndexableType | undefined;
  for (;;) {
    const page = await (after === undefined ? table.orderBy(':id') : table.where(':id').above(after)).limit(size).toArray();
    if (page.length === 0) return;
    yield page;
    after = (page[page.length - 1] as Record<string, IndexableType>)[key];
  }
}

async function* mapPages<T, U>(pages: AsyncIterable<T[]>, map: (row: T) => U): AsyncGenerator<U[]> {
  for await (const page of pages) yield page.map(map);
}

/// What a whole-library export carries beside annotations and tag types, in
/// a stable order so that an unchanged library exports the same file.
type Library = NonNullable<NativeFile['library']>;

async function libraryOf(db: PalimpsestDb): Promise<Library> {
  const byId = <T extends { id: string }>(list: T[]) => list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    relationTypes: (await db.relationTypes.toArray()).sort((a, b) => a.order - b.order),
    links: byId(await db.links.toArray()).map(({ fromDocument: _from, toDocument: _to, ...link }) => link),
    actors: byId(await db.actors.toArray()),
    sets: byId(await db.sets.toArray()),
    // Descriptions are written in full by the app; the schema checks only
    // the fields a restore cannot do without (see library-schemas.ts).
    documents: byId(await db.documents.toArray()) as unknown as Library['documents'],
    documentEdits: (await db.documentEdits.toArray()).sort((a, b) => (a.documentId < b.documentId ? -1 : 1)) as unknown as Library['documentEdits'],
    revisions: await db.revisions.orderBy('seq').toArray(),
    reviews: (await db.reviews.toArray()).sort((a, b) => (a.annotationId < b.annotationId ? -1 : 1)),
  };
}

/// Reads an import file (native or W3C) and plans it against the library as
/// it is now, writing nothing: the preview. Throws `ImportError` for a file
/// that is not valid.
export async function previewImport(
  db: PalimpsestDb,
  library: Documents,
  json: string,
  now = new Date(),
): Promise<{ batch: IncomingBatch; plan: ImportPlan; carried: CarriedDocuments }> {
  const batch = readAnnotationFile(json, { tagTypes: await db.tagTypes.toArray(), relationTypes: await db.relationTypes.toArray() }, now);
  const { documents, carried } = await textsFor(db, library, batch);
  return { batch, plan: (await planAgainst(db, documents, batch)).plan, carried };
}

// The texts a batch's plan reads, and what of the file's own documents,
// revisions and descriptions the library lacks (written with it).
async function textsFor(db: PalimpsestDb, library: Documents, batch: IncomingBatch) {
  const carried = await carriedDocuments(db, new Set(await sourceOf(library).ids()), batch);
  return { documents: carriedTexts(carried, await documentsOf(library, batch)), carried };
}

/// Writes a previewed batch in one transaction, planned again against the
/// library as it is at that moment. Any failure aborts the transaction, so
/// the library is left exactly as it was. The annotations are written chunk
/// by chunk; `onProgress(done, total)` is told how many are stored, with 0
/// first and then after each chunk, for a progress bar (a batch with nothing
/// to write does not call it).
export async function applyImport(
  db: PalimpsestDb,
  library: Documents,
  batch: IncomingBatch,
  onProgress?: rows.Progress,
): Promise<ImportPlan & { carried: CarriedDocuments }> {
  // Read before the transaction, which holds the tables written only.
  const { documents, carried } = await textsFor(db, library, batch);
  const carriedTables = [db.documents, db.revisions, db.documentEdits];
  try {
    return await db.transaction('rw', [...rows.tables(db), db.tagTypes, db.relationTypes, db.actors, db.links, db.sets, ...carriedTables], async () => {
      // First, so that the annotations' documents are there before them.
      await writeCarried(db, carried);
      const { plan, existing } = await planAgainst(db, documents, batch);
      await writePlannedAnnotations(db, plan, existing, onProgress);
      const { relationTypes, actors, links, sets } = plan.library;
      await db.relationTypes.bulkAdd(relationTypes.add);
      // A merge made in the file: the actors taken in go, their names now
      // on the survivor written just after.
      await db.actors.bulkDelete(actors.merged.map((m) => m.id));
      await db.actors.bulkPut([...actors.add, ...actors.update]);
      await db.sets.bulkPut([...sets.add, ...sets.update]);
      const written = [...links.add, ...links.update];
      if (written.length) {
        // Each end's document, from what was just placed or was stored.
        const placed = new Map([...plan.add, ...plan.update].map((a) => [a.id, a.documentId]));
        const ends = written.flatMap((l) => [l.from, l.to]).filter((id) => !placed.has(id));
        for (const [id, a] of await rows.findByIds(db, ends)) placed.set(id, a.documentId);
        await db.links.bulkPut(
          written.map((link): LinkRow => {
            const fromDocument = placed.get(link.from);
            const toDocument = placed.get(link.to);
            if (!fromDocument || !toDocument) throw new InvalidInput('$', `The link ${link.id} joins a passage the library does not hold.`);
            return { ...link, fromDocument, toDocument };
          }),
        );
      }
      return { ...plan, carried };
    });
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError('$', storageProblem(error));
  }
}

/// Preview and apply at once, for scripts and tests.
export async function importAnnotations(
  db: PalimpsestDb,
  documents: Documents,
  json: string,
  onProgress?: rows.Progress,
): Promise<ImportPlan & { carried: CarriedDocuments }> {
  const { batch } = await previewImport(db, documents, json);
  return applyImport(db, documents, batch, onProgress);
}

/// Writes a plan's new tag types and its new and updated annotations, inside
/// the caller's transaction (over the annotation rows, tag types and
/// links). An id the file places in another document moves there: its old
/// copy goes, and its links follow it.
export async function writePlannedAnnotations(
  db: PalimpsestDb,
  plan: ImportPlan,
  existing: ReadonlyMap<string, Annotation>,
  onProgress?: rows.Progress,
): Promise<void> {
  await db.tagTypes.bulkAdd(plan.addTagTypes);
  const moved = plan.update.flatMap((a) => {
    const stored = existing.get(a.id);
    return stored && stored.documentId !== a.documentId ? [stored] : [];
  });
  await rows.remove(db, moved);
  await rows.put(db, [...plan.add, ...plan.update], { onProgress });
  // The links of a moved annotation name its document too: they follow it,
  // or deleting the new document would leave them pointing at nothing.
  if (moved.length > 0) {
    const documentOf = new Map(plan.update.map((a) => [a.id, a.documentId]));
    const ids = moved.map((a) => a.id);
    const links = await db.links.where('from').anyOf(ids).or('to').anyOf(ids).toArray();
    await db.links.bulkPut(
      links.map((link) => ({ ...link, fromDocument: documentOf.get(link.from) ?? link.fromDocument, toDocument: documentOf.get(link.to) ?? link.toDocument })),
    );
  }
}

/// The documents a batch's plan reads: those its annotations name, or,
/// when one names none (a W3C file from another tool), every document, in
/// which its quote is looked for.
export async function documentsOf(library: Documents, batch: IncomingBatch): Promise<Map<string, LibraryDocument>> {
  const source = sourceOf(library);
  const named = new Set<string>();
  for (const entry of batch.annotations) {
    if (entry.documentId === null) return source.read(await source.ids());
    named.add(entry.documentId);
  }
  return source.read(named);
}

async function planAgainst(
  db: PalimpsestDb,
  documents: ReadonlyMap<string, LibraryDocument>,
  read: IncomingBatch,
): Promise<{ plan: ImportPlan; existing: Map<string, Annotation> }> {
  // Looked up by id alone: a file may place an annotation the library has in
  // another document (a W3C file names no document).
  const existing = await rows.findByIds(
    db,
    read.annotations.map((a) => a.id),
  );
  const batch = await withoutOtherKindsIds(db, read, existing);
  return {
    plan: planImport(batch, documents, {
      annotations: existing,
      tagTypes: await db.tagTypes.toArray(),
      library: batch.library ? await libraryState(db, batch) : undefined,
    }),
    existing,
  };
}

// `batch` less its annotations whose id is a link's in the library, and
// its links whose id is an annotation's there: each is set aside with the
// reason. The library keeps them apart, but a W3C file writes both as
// `urn:uuid:<id>`, one node for JSON-LD and for other tools.
async function withoutOtherKindsIds(db: PalimpsestDb, batch: IncomingBatch, ownAnnotations: ReadonlyMap<string, Annotation>): Promise<IncomingBatch> {
  const fileLinks = batch.library?.links ?? [];
  // The library's link ids from their keys (a library holds far fewer links
  // than a large file annotations), the file's links' ids among its
  // annotations by lookup.
  const [ownLinks, annotated] = await Promise.all([
    db.links
      .toCollection()
      .primaryKeys()
      .then((ids) => new Set(ids.map(String))),
    rows.findByIds(
      db,
      fileLinks.map((l) => l.id),
    ),
  ]);
  // A pair the library already holds (a backup can bring one back) is
  // merged as usual: only a new clash is set aside.
  const linkIds = new Set(batch.annotations.flatMap((a) => (ownLinks.has(a.id) && !ownAnnotations.has(a.id) ? [a.id] : [])));
  const annotationIdsTaken = new Set([...annotated.keys()].filter((id) => !ownLinks.has(id)));
  if (linkIds.size === 0 && annotationIdsTaken.size === 0) return batch;
  const setAside = [...batch.setAside];
  const annotations = batch.annotations.filter((a) => {
    if (!linkIds.has(a.id)) return true;
    setAside.push({ id: a.fileId, path: a.path, quote: a.quote.exact, reason: `its id “${a.id}” is a link’s in this library` });
    return false;
  });
  const links = fileLinks.filter((l) => {
    if (!annotationIdsTaken.has(l.id)) return true;
    setAside.push({ id: l.id, path: l.path, quote: `link ${l.from} → ${l.to}`, reason: `its id “${l.id}” is an annotation’s in this library` });
    return false;
  });
  return { ...batch, annotations, setAside, library: batch.library ? { ...batch.library, links } : null };
}

// What the plan of a file's library part needs of the library: its
// relation types, actors, links and sets, and which of the annotations the
// file's links and sets name it holds.
async function libraryState(db: PalimpsestDb, batch: IncomingBatch): Promise<LibraryState> {
  const named = new Set([...(batch.library?.links ?? []).flatMap((l) => [l.from, l.to]), ...(batch.library?.sets ?? []).flatMap((s) => s.annotationIds)]);
  const actors = await db.actors.toArray();
  return {
    relationTypes: await db.relationTypes.toArray(),
    actors: new Map(actors.map((a) => [a.id, a])),
    links: new Map((await db.links.toArray()).map(({ fromDocument: _from, toDocument: _to, ...link }) => [link.id, link])),
    sets: new Map((await db.sets.toArray()).map((s) => [s.id, s])),
    annotationIds: new Set((await rows.findByIds(db, [...named])).keys()),
  };
}
