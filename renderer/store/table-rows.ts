import type { Actor } from '../../shared/actors/model';
import { type Annotation, type TagType, inTextOrder } from '../../shared/annotation/model';
import type { RelationType } from '../../shared/links/model';
import type { AnnotationSet } from '../../shared/sets/model';
import { liveQuery } from 'dexie';
import type { DocumentColumns } from '../../shared/table/document-columns';
import type { DateSpan } from '../../shared/corpus/dates';
import { leadingDocuments } from '../../shared/table/lead';
import type { ChunkText } from '../../shared/table/texts';
import * as rows from './annotation-rows';
import type { AnnotationChunk } from './chunk-layout';
import type { LinkRow, PalimpsestDb } from './db';
import { allLinks } from './links';
import { SetStore } from './sets';

/// What the corpus-wide annotation table is built from, read at one moment.
export interface TableSources {
  /// Every annotation, document by document, each document's in text order.
  annotations: Annotation[];
  links: LinkRow[];
  /// By name.
  sets: AnnotationSet[];
  actors: Actor[];
  /// In the toolbar's order.
  tagTypes: TagType[];
  /// In their list's order.
  relationTypes: RelationType[];
}

/// Reads what the table shows, in one read transaction, so an annotation
/// deleted with its links is never seen half gone. Run it in a live query:
/// a write to any of these tables runs it again.
export async function loadTableSources(db: PalimpsestDb): Promise<TableSources> {
  return db.transaction('r', [...rows.tables(db), db.links, db.sets, db.actors, db.tagTypes, db.relationTypes], async () => {
    const [annotations, links, sets, actors, tagTypes, relationTypes] = await Promise.all([
      rows.all(db),
      allLinks(db),
      new SetStore(db).list(),
      db.actors.toArray(),
      db.tagTypes.orderBy('order').toArray(),
      db.relationTypes.orderBy('order').toArray(),
    ]);
    return { annotations: byDocumentInTextOrder(annotations), links, sets, actors, tagTypes, relationTypes };
  });
}

/// What the table shows beside its rows: everything of `TableSources`
/// but the annotations, which it reads as stored columns.
export type TableContext = Omit<TableSources, 'annotations'>;

/// Reads the table's context, in one read transaction; run it in a live
/// query. Links and sets are read whole: they are a library's few
/// thousand, not its million annotations.
export async function loadTableContext(db: PalimpsestDb): Promise<TableContext> {
  return db.transaction('r', [db.links, db.sets, db.actors, db.tagTypes, db.relationTypes], async () => {
    const [links, sets, actors, tagTypes, relationTypes] = await Promise.all([
      allLinks(db),
      new SetStore(db).list(),
      db.actors.toArray(),
      db.tagTypes.orderBy('order').toArray(),
      db.relationTypes.orderBy('order').toArray(),
    ]);
    return { links, sets, actors, tagTypes, relationTypes };
  });
}

/// The stored documents' records (`tableRuns`: each document's rows in
/// text order) as they changed, and which documents a write since the
/// last update touched.
export interface ColumnsUpdate {
  /// Every document's record, by document.
  runs: ReadonlyMap<string, DocumentColumns>;
  /// Documents whose record was written or deleted since the last update
  /// (every one at the first).
  documents: readonly string[];
  /// Keys of chunks whose quotes or notes may have changed: every chunk of
  /// the documents written since the last update (none at the first).
  chunks: readonly string[];
  /// Whether only quotes or notes changed: no record was written again,
  /// so a table keeps its rows and reads those chunks' text again.
  textOnly: boolean;
}

// Records a read: 16 documents', some 160,000 rows at a million.
const runsRead = 16;

/// Follows the table's stored records: read whole once, then, after each
/// write (in this page, a worker or another window: Dexie's live queries
/// hear them all), only those of the documents whose layout stamp changed
/// — a tag edited costs one document's record, not the library's. A write
/// of only quotes or notes leaves the record as it was (the writer skips
/// it): the update says so, naming that document's chunks.
export function watchColumns(db: PalimpsestDb, onUpdate: (update: ColumnsUpdate) => void, onError: (error: unknown) => void): () => void {
  const runs = new Map<string, DocumentColumns>();
  let stamps = new Map<string, string>();
  let first = true;
  const subscription = liveQuery(() =>
    db.transaction('r', [db.chunkLayouts, db.tableRuns], async () => {
      const layouts = await rows.layouts(db);
      const now = new Map(layouts.map((l) => [l.documentId, `${l.buckets}|${l.count}|${l.stamp ?? ''}`]));
      const changed = first ? [...now.keys()] : [...now].filter(([id, stamp]) => stamps.get(id) !== stamp).map(([id]) => id);
      const gone = [...stamps.keys()].filter((id) => !now.has(id));
      // In reads of a few records: each is cloned out as it arrives, so the
      // records of a million rows are not one long task of the page's.
      const reads: Promise<(DocumentColumns | undefined)[]>[] = [];
      for (let at = 0; at < changed.length; at += runsRead) reads.push(db.tableRuns.bulkGet(changed.slice(at, at + runsRead)));
      const records = (await Promise.all(reads)).flat();
      return { now, changed, gone, records };
    }),
  ).subscribe({
    next: ({ now, changed, gone, records }) => {
      const wasFirst = first;
      first = false;
      stamps = now;
      const documents: string[] = [];
      const chunks = new Set<string>();
      let textOnly = !wasFirst;
      const touch = (documentId: string, record: DocumentColumns | undefined) => {
        const old = runs.get(documentId);
        if (!wasFirst) for (const key of [...(old?.chunkKeys ?? []), ...(record?.chunkKeys ?? [])]) chunks.add(key);
        // The writer keeps a document's record when only its text changed.
        if (old && record && old.stamp === record.stamp) return;
        textOnly = false;
        documents.push(documentId);
        if (record) runs.set(documentId, record);
        else runs.delete(documentId);
      };
      changed.forEach((documentId, k) => touch(documentId, records[k]));
      for (const documentId of gone) touch(documentId, undefined);
      if (!wasFirst && documents.length === 0 && chunks.size === 0) return;
      onUpdate({ runs, documents, chunks: [...chunks], textOnly });
    },
    error: onError,
  });
  return () => subscription.unsubscribe();
}

/// The first rows of the table sorted by date, read before the rest: the
/// stored records of the earliest-dated documents holding at least `screen`
/// annotations (`leadingDocuments`), and how many annotations the library
/// holds. One or a few records, where the whole table is a hundred: the
/// first screen is drawn from them before `watchColumns` reads the rest.
/// Each document's rows are already in text order there: the first screen's
/// model copies them, where from the chunks' columns it merged some thirty
/// chunks' runs (at a million rows, 50–110 ms in one task the first time
/// the table opened).
export async function readTableLead(
  db: PalimpsestDb,
  dateOf: (documentId: string) => DateSpan | null | undefined,
  screen: number,
): Promise<{ runs: DocumentColumns[]; total: number }> {
  return db.transaction('r', [db.chunkLayouts, db.tableRuns], async () => {
    const counts = new Map((await rows.layouts(db)).map((layout) => [layout.documentId, layout.count]));
    const lead = leadingDocuments(counts, dateOf, screen);
    const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
    const runs = await db.tableRuns.bulkGet(lead.documentIds);
    return { runs: runs.filter((run): run is DocumentColumns => run !== undefined), total };
  });
}

/// The quotes, notes and "changed by" of stored chunks, by key, for the
/// table's rows: parsed from the chunks' JSON, nothing else kept.
export async function readChunkTexts(db: PalimpsestDb, keys: readonly string[]): Promise<(ChunkText | undefined)[]> {
  const chunks = await rows.chunks(db, keys);
  const texts: (ChunkText | undefined)[] = [];
  // Parsed a few chunks a task: a screen's rows may fall in 30 chunks of
  // 500 annotations each, whose JSON parsed at once held the page for
  // one long task when a million-row table opened.
  let until = performance.now() + parseBudget;
  for (const chunk of chunks) {
    if (performance.now() > until) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      until = performance.now() + parseBudget;
    }
    texts.push(textOf(chunk));
  }
  return texts;
}

// The ms of chunk parsing between two looks at the page's other work.
const parseBudget = 8;

// A chunk's quotes, notes and "changed by", parsed from its JSON.
function textOf(chunk: AnnotationChunk | undefined): ChunkText | undefined {
  if (!chunk) return undefined;
  const text: ChunkText = { quotes: [], notes: [], changedBy: [], folded: [] };
  for (const json of chunk.annotations) {
    const annotation = JSON.parse(json) as Annotation;
    text.quotes.push(annotation.quote.exact);
    text.notes.push(annotation.note);
    text.changedBy.push(annotation.modifiedBy?.name ?? null);
  }
  return text;
}

// Chunks hold a document's annotations by a hash of their id. The table's
// sorts are stable, so rows equal in the sorted column (all of one
// document's, sorted by date) keep this order: the order of the text.
function byDocumentInTextOrder(annotations: readonly Annotation[]): Annotation[] {
  const byDocument = new Map<string, Annotation[]>();
  for (const annotation of annotations) {
    const list = byDocument.get(annotation.documentId);
    if (list) list.push(annotation);
    else byDocument.set(annotation.documentId, [annotation]);
  }
  return [...byDocument.keys()].sort().flatMap((documentId) => inTextOrder(byDocument.get(documentId)!));
}
