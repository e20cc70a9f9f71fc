import type { Annotation, TagType } from '../annotation/model';
import { pageAt } from '../corpus/cite';
import { type DateSpan, dateSortKey } from '../corpus/dates';
import type { PageStart } from '../corpus/document';
import { type RowFilter, filterTerms } from './filter';
import { foldText } from './fold';
import { type ChunkColumns, idAt } from './columns';
import { type DocumentColumns, type DocumentViews, documentIdAt, viewsOf } from './document-columns';
import type { AnnotationRow, RowSources } from './rows';
import type { ChunkText, TextStore } from './texts';
import type { RowColumn, SortDirection } from './sort';

/// A document as the table's columns refer to it.
interface DocumentEntry {
  id: string;
  title: string;
  date: DateSpan | null;
  pages: readonly PageStart[] | undefined;
}

/// A tagged name and the actor it resolves to (canonical name and id).
interface NameEntry {
  tagged: string;
  actor: string;
  actorId: string | null;
}

/// An annotation's links: how many, and their relation types, each once.
interface LinkEntry {
  count: number;
  relations: string[];
}

/// How many rows have each value of a filter, by id.
export interface Tally {
  tags: Map<string, number>;
  sets: Map<string, number>;
  relations: Map<string, number>;
  documents: Map<string, number>;
  actors: Map<string, { label: string; count: number }>;
  authors: Map<string, { label: string; count: number }>;
}

export interface ModelOptions {
  /// The locale text columns sort in; the runtime's own by default.
  locale?: string | readonly string[];
  /// The library's tag types: tags then sort in their toolbar order, not by id.
  tagTypes?: readonly TagType[];
  /// The model of the rows before a change: rows whose searchable text did
  /// not change keep their folded text.
  previous?: TableModel;
}

/// What a model is built from when the rows come from stored columns
/// (`ChunkColumns`, one per chunk, any order) rather than annotations:
/// their quotes and notes are read by need through `texts`.
export interface ColumnSources extends Omit<RowSources, 'annotations'> {
  chunks: Iterable<ChunkColumns>;
  texts: TextStore;
}

/// What a model is built from when each document's rows are stored as
/// one record already in text order (`DocumentColumns`): copied, not merged.
export interface RunSources extends Omit<RowSources, 'annotations'> {
  runs: Iterable<DocumentColumns>;
  texts: TextStore;
}

/// Where a model's rows' ids and own text come from: annotations held in
/// memory, or stored chunks' columns and texts read by need.
interface RowStore {
  id(i: number): string;
  /// The row's text, or `undefined` until its chunk's text is read.
  quote(i: number): string | undefined;
  note(i: number): string;
  changedBy(i: number): string | null;
  folded(i: number): string | undefined;
  setFolded(i: number, text: string): void;
  /// Whether rows' text is all at hand, for the text filter and the quote
  /// and note sorts; `missing` lists the chunks to read first.
  missing(rows?: ArrayLike<number>): string[];
  /// Asks for the text of these rows' chunks (for drawing).
  request(rows: ArrayLike<number>): void;
  /// Reads and keeps these chunks' text.
  readAll(keys: readonly string[]): Promise<void>;
  onText(listener: () => void): () => void;
}

/// A column's sort key as one number per row: rows of equal rank compare
/// equal in the column; `empty` is the rank of a row with nothing in it.
interface Ranks {
  rank: Uint32Array;
  empty: number;
  /// The first row of each run of rows of one entry, in row order, when
  /// there are few (at most one a `fewRuns` rows); otherwise null.
  runs?: Uint32Array | null;
}

// A column whose entries change at most once in this many rows is ordered
// by its runs.
const fewRuns = 16;

const none = -1;
// Fields are folded joined by a control character that folding keeps and
// no term can hold, so that a phrase never matches across two of them
// (as `prepareRows` does).
const separator = '\u0001';
const separators = /\u0001/g;

/// The "All annotations" table's rows kept in columns: for each row, the
/// index of its document, tagged name, tag list, links, sets and author in
/// small tables of distinct values, made once when the rows change. Filters
/// and sorts scan these numbers, never row objects; a row's object
/// (`AnnotationRow`, as `buildRows` makes it) is made only when asked for,
/// for the rows on screen. Quotes and notes are folded for the text filter
/// the first time one is typed, once per row.
export class TableModel {
  /// How many rows.
  readonly length: number;
  private readonly store: RowStore;
  private readonly documents: DocumentEntry[] = [];
  // The per-row columns are made by the build's first steps, one a step
  // (see `columns`), and are never replaced after it. All of one kind
  // (Int32Array), so that the loops reading any of them stay monomorphic.
  private documentOf!: Int32Array;
  private readonly names: NameEntry[] = [];
  private nameOf!: Int32Array;
  /// Distinct tag lists, as the annotations hold them.
  private readonly tagLists: (readonly string[])[] = [];
  private tagsOf!: Int32Array;
  private readonly links: LinkEntry[] = [];
  private linksOf!: Int32Array;
  /// Distinct lists of set ids.
  private readonly setLists: string[][] = [];
  private setsOf!: Int32Array;
  /// Authors by id, labelled as the first row naming each.
  private readonly authors: { id: string; name: string }[] = [];
  private authorOf!: Int32Array;
  /// Each row's author's name as that row holds it (an author renamed
  /// keeps the older name on older rows), an index into `authorNames`.
  private readonly authorNames: string[] = [];
  private authorNameOf!: Int32Array;
  /// Where each row's passage starts, for its page.
  private starts!: Float64Array;
  // The filters' counts, once asked for (or made by `open`'s last steps).
  private tallied: Tally | undefined;
  private unfolded: number;
  // Rows before this one are folded (by `foldAhead`).
  private foldedUpTo = 0;
  private readonly foldedShared = new Map<string, string>();
  private readonly ranks = new Map<RowColumn, Ranks>();
  private readonly cache = new Map<number, AnnotationRow>();
  private readonly collator: Intl.Collator;
  private readonly tagTypes: readonly TagType[];
  // The build's steps, while `open` runs them.
  private building: Generator<void> | undefined;

  /// A model of `sources`' annotations, in their order; or, given stored
  /// columns, of their rows: document by document in id order, each
  /// document's in the order of its text (as `loadTableSources` lists
  /// annotations), with quotes and notes read by need.
  constructor(sources: RowSources | ColumnSources | RunSources, options: ModelOptions = {}, later = false) {
    this.collator = new Intl.Collator(options.locale as string | string[] | undefined, { numeric: true, ignorePunctuation: true });
    this.tagTypes = options.tagTypes ?? [];
    const rows =
      'runs' in sources
        ? new DocumentRows(sources.runs, sources.texts)
        : 'chunks' in sources
          ? new ChunkRows(sources.chunks, sources.texts)
          : new AnnotationRows(sources.annotations);
    this.store = rows;
    const n = rows.length;
    this.length = n;
    this.unfolded = n;

    const steps = this.build(sources, rows, options);
    if (later) this.building = steps;
    else while (!steps.next().done);
  }

  /// Builds a model of stored columns as the constructor does, but in
  /// slices of `budget` ms, awaiting `pause()` between them, so that a
  /// million rows never hold the page for one long task. Its last slices
  /// rank the rows by date and count them for the filters, the first
  /// things a table asks of it (it opens sorted by date, its filters
  /// listed with their counts): asked after, each was one task of 25–50 ms
  /// at a million rows, beside the table's first draw.
  static async open(
    sources: ColumnSources | RunSources,
    options: ModelOptions,
    clock: { now: () => number; pause: () => Promise<void>; budget?: number },
  ): Promise<TableModel> {
    const model = new TableModel(sources, options, true);
    const built = model.building!;
    model.building = undefined;
    const steps = (function* () {
      yield* built;
      model.ranksOf('date');
      yield;
      yield* model.count();
    })();
    const budget = clock.budget ?? 8;
    let until = clock.now() + budget;
    while (!steps.next().done) {
      if (clock.now() < until) continue;
      await clock.pause();
      until = clock.now() + budget;
    }
    return model;
  }

  // The constructor's work, yielding every few thousand rows.
  private *build(sources: RowSources | ColumnSources | RunSources, rows: AnnotationRows | ChunkRows | DocumentRows, options: ModelOptions): Generator<void> {
    const n = this.length;
    yield* this.columns(n);
    const documentIndex = new Map<string, number>();
    const nameIndex = new Map<string, number>();
    const tagIndex = new Map<string, number>();
    const authorIndex = new Map<string, number>();
    const authorNameIndex = new Map<string, number>();
    const documentEntry = (id: string): number => {
      let d = documentIndex.get(id);
      if (d === undefined) {
        const document = sources.documents.get(id);
        d = this.documents.length;
        this.documents.push({ id, title: document?.meta.title ?? id, date: document?.meta.date ?? null, pages: document?.pages });
        documentIndex.set(id, d);
      }
      return d;
    };
    // A library tags few distinct names: each is resolved once.
    const nameEntry = (tagged: string): number => {
      let k = nameIndex.get(tagged);
      if (k === undefined) {
        const actor = sources.actors.resolve(tagged);
        k = this.names.length;
        this.names.push({ tagged, actor: actor?.name ?? tagged, actorId: actor?.id ?? null });
        nameIndex.set(tagged, k);
      }
      return k;
    };
    const tagEntry = (key: string, tags: () => readonly string[]): number => {
      let t = tagIndex.get(key);
      if (t === undefined) {
        t = this.tagLists.length;
        this.tagLists.push(tags());
        tagIndex.set(key, t);
      }
      return t;
    };
    const authorEntry = (id: string, name: string): number => {
      let a = authorIndex.get(id);
      if (a === undefined) {
        a = this.authors.length;
        this.authors.push({ id, name });
        authorIndex.set(id, a);
      }
      return a;
    };
    const authorNameEntry = (name: string): number => {
      let a = authorNameIndex.get(name);
      if (a === undefined) {
        a = this.authorNames.length;
        this.authorNames.push(name);
        authorNameIndex.set(name, a);
      }
      return a;
    };

    if (rows instanceof AnnotationRows) {
      let lastDocument = '';
      let lastDocumentIndex = -1;
      for (let i = 0; i < n; i++) {
        if ((i & 0x3fff) === 0x3fff) yield;
        const annotation = rows.annotations[i]!;
        // Annotations come document by document: most rows are the last one's.
        if (annotation.documentId !== lastDocument || lastDocumentIndex < 0) {
          lastDocument = annotation.documentId;
          lastDocumentIndex = documentEntry(lastDocument);
        }
        this.documentOf[i] = lastDocumentIndex;
        this.nameOf[i] = annotation.actor === null ? none : nameEntry(annotation.actor);
        const tags = annotation.tags;
        this.tagsOf[i] = tagEntry(tags.length === 1 ? tags[0]! : tags.join(separator), () => tags);
        const author = annotation.createdBy;
        if (author) {
          this.authorOf[i] = authorEntry(author.id, author.name);
          this.authorNameOf[i] = authorNameEntry(author.name);
        }
        this.starts[i] = annotation.position.start;
      }
    } else if (rows instanceof DocumentRows) {
      // Each document's rows are stored in text order: its small tables
      // are mapped once, its rows' numbers copied through them.
      for (let r = 0; r < rows.records.length; r++) {
        const record = rows.records[r]!;
        const v = rows.views[r]!;
        const from = rows.bases[r]!;
        this.documentOf.fill(documentEntry(record.documentId), from, from + record.count);
        const tags = Int32Array.from(record.tagLists, (json) => tagEntry(json, () => JSON.parse(json) as string[]));
        const names = Int32Array.from(record.names, nameEntry);
        // In the order of their first rows, as the rows label them.
        const authors = Int32Array.from(record.authorIds, (id, a) => authorEntry(id, record.authorNames[a]!));
        const authorNames = Int32Array.from(record.authorNames, authorNameEntry);
        for (let k = 0; k < record.count; k++) {
          const i = from + k;
          const name = v.nameOf[k]!;
          this.nameOf[i] = name === none ? none : names[name]!;
          this.tagsOf[i] = tags[v.tagsOf[k]!]!;
          this.starts[i] = v.starts[k]!;
          const author = v.authorOf[k]!;
          if (author !== none) {
            this.authorOf[i] = authors[author]!;
            this.authorNameOf[i] = authorNames[author]!;
          }
        }
        yield;
      }
    } else {
      // Each chunk's small tables are mapped onto the model's once, when
      // its document is listed; its rows then copy numbers to the rows
      // they landed on (no lookup of a row's chunk per row: a `Map` keyed
      // by the chunk, per row, was 0.4 s of a million rows on the page).
      yield* rows.arrange((placed, from, to) => {
        // A document whose stored chunks hold no rows (an older build's
        // empty chunk) places none, and gets no entry, as before.
        if (placed.length === 0) return;
        this.documentOf.fill(documentEntry(placed[0]!.chunk.documentId), from, to);
        // Authors are labelled in the rows' order: each chunk's first row
        // of each author, met in that order.
        const firsts: { row: number; chunk: ChunkColumns; author: number; authors: Int32Array }[] = [];
        const authorsOf: Int32Array[] = [];
        for (const { chunk, rowOf } of placed) {
          const tags = Uint32Array.from(chunk.tagLists, (json) => tagEntry(json, () => JSON.parse(json) as string[]));
          const names = Int32Array.from(chunk.names, nameEntry);
          const authorNames = Int32Array.from(chunk.authorNames, authorNameEntry);
          const firstRow = new Float64Array(chunk.authorIds.length).fill(Number.POSITIVE_INFINITY);
          const { nameOf, tagsOf, authorOf, starts } = chunk;
          for (let k = 0; k < rowOf.length; k++) {
            const i = rowOf[k]!;
            const name = nameOf[k]!;
            this.nameOf[i] = name === none ? none : names[name]!;
            this.tagsOf[i] = tags[tagsOf[k]!]!;
            this.starts[i] = starts[k]!;
            const author = authorOf[k]!;
            if (author !== none) {
              this.authorNameOf[i] = authorNames[author]!;
              if (i < firstRow[author]!) firstRow[author] = i;
            }
          }
          const authors = new Int32Array(chunk.authorIds.length).fill(none);
          authorsOf.push(authors);
          firstRow.forEach((row, author) => row !== Number.POSITIVE_INFINITY && firsts.push({ row, chunk, author, authors }));
        }
        if (!firsts.length) return;
        firsts.sort((a, b) => a.row - b.row);
        for (const { chunk, author, authors } of firsts) authors[author] = authorEntry(chunk.authorIds[author]!, chunk.authorNames[author]!);
        placed.forEach(({ chunk, rowOf }, c) => {
          const authors = authorsOf[c]!;
          for (let k = 0; k < rowOf.length; k++) if (chunk.authorOf[k]! !== none) this.authorOf[rowOf[k]!] = authors[chunk.authorOf[k]!]!;
        });
      });
    }

    const linkIndex = this.linkEntries(sources);
    const setIndex = this.setEntries(sources);
    if (linkIndex.size || setIndex.size) {
      for (let i = 0; i < n; i++) {
        if ((i & 0x3fff) === 0x3fff) yield;
        const id = rows.id(i);
        if (linkIndex.size) this.linksOf[i] = linkIndex.get(id) ?? none;
        if (setIndex.size) this.setsOf[i] = setIndex.get(id) ?? none;
      }
    }
    if (options.previous) this.keepFolded(options.previous);
  }

  // The per-row columns, one a step: at a million rows each is 4–8 MB,
  // and made together, in one task, they held the page 60–100 ms (their
  // memory taken, zeroed, and the collection that may set off).
  private *columns(n: number): Generator<void> {
    const made = (fill: number) => {
      const column = new Int32Array(n);
      if (fill !== 0) column.fill(fill);
      return column;
    };
    this.documentOf = made(0);
    yield;
    this.nameOf = made(0);
    yield;
    this.tagsOf = made(0);
    yield;
    this.linksOf = made(none);
    yield;
    this.setsOf = made(none);
    yield;
    this.authorOf = made(none);
    yield;
    this.authorNameOf = made(none);
    yield;
    this.starts = new Float64Array(n);
    yield;
  }

  // How many links each annotation has and of which relations, by id.
  private linkEntries(sources: Pick<RowSources, 'links'>): Map<string, number> {
    const index = new Map<string, number>();
    const relationSets: Set<string>[] = [];
    const touch = (id: string, relation: string) => {
      const k = index.get(id);
      if (k === undefined) {
        index.set(id, this.links.length);
        this.links.push({ count: 1, relations: [] });
        relationSets.push(new Set([relation]));
      } else {
        this.links[k]!.count++;
        relationSets[k]!.add(relation);
      }
    };
    for (const link of sources.links ?? []) {
      touch(link.from, link.relation);
      if (link.to !== link.from) touch(link.to, link.relation);
    }
    relationSets.forEach((relations, k) => (this.links[k]!.relations = [...relations]));
    return index;
  }

  // The sets each annotation is in, as an index into distinct lists of sets.
  private setEntries(sources: Pick<RowSources, 'sets'>): Map<string, number> {
    const lists = new Map<string, string[]>();
    for (const set of sources.sets ?? []) {
      // An id listed twice in a set is still one membership.
      for (const id of new Set(set.annotationIds)) {
        const list = lists.get(id);
        if (list) list.push(set.id);
        else lists.set(id, [set.id]);
      }
    }
    const distinct = new Map<string, number>();
    const index = new Map<string, number>();
    for (const [id, list] of lists) {
      const key = list.join(separator);
      let k = distinct.get(key);
      if (k === undefined) {
        k = this.setLists.length;
        this.setLists.push(list);
        distinct.set(key, k);
      }
      index.set(id, k);
    }
    return index;
  }

  // Folded quotes and notes of rows that did not change them, taken from
  // the model before a change: after one edit, only that row is folded
  // again. (Rows from stored columns keep theirs with their chunk's text.)
  private keepFolded(previous: TableModel): void {
    if (!(this.store instanceof AnnotationRows) || !(previous.store instanceof AnnotationRows)) return;
    const [was, now] = [previous.store, this.store];
    if (!was.foldedText.some((text) => text !== undefined)) return;
    const before = new Map<string, number>();
    for (let j = 0; j < previous.length; j++) if (was.foldedText[j] !== undefined) before.set(was.annotations[j]!.id, j);
    for (let i = 0; i < this.length; i++) {
      const j = before.get(now.annotations[i]!.id);
      if (j === undefined) continue;
      const [a, b] = [was.annotations[j]!, now.annotations[i]!];
      if (a.quote.exact === b.quote.exact && a.note === b.note) {
        now.foldedText[i] = was.foldedText[j];
        this.unfolded--;
      }
    }
  }

  /// Row `i`'s annotation id.
  id(i: number): string {
    return this.store.id(i);
  }

  /// Row `i` as `buildRows` would make it; the same object while this
  /// model lasts, so a drawn row is not drawn again for nothing. Until its
  /// chunk's text is read, its quote and note are empty and `pending` is
  /// set (and the text asked for): `onText` tells when to draw it again.
  row(i: number): AnnotationRow {
    if (!(i >= 0 && i < this.length)) throw new RangeError(`The table has no row ${i}; it has ${this.length}.`);
    let row = this.cache.get(i);
    if (row) return row;
    const document = this.documents[this.documentOf[i]!]!;
    const name = this.nameOf[i]! === none ? null : this.names[this.nameOf[i]!]!;
    const link = this.linksOf[i]! === none ? null : this.links[this.linksOf[i]!]!;
    const author = this.authorOf[i]! === none ? null : this.authors[this.authorOf[i]!]!;
    const quote = this.store.quote(i);
    row = {
      annotationId: this.store.id(i),
      documentId: document.id,
      documentTitle: document.title,
      documentDate: document.date,
      tags: this.tagLists[this.tagsOf[i]!]!,
      actor: name?.actor ?? null,
      actorId: name?.actorId ?? null,
      taggedActor: name?.tagged ?? null,
      quote: quote ?? '',
      note: quote === undefined ? '' : this.store.note(i),
      linkCount: link?.count ?? 0,
      relations: link?.relations ?? [],
      setIds: this.setsOf[i]! === none ? [] : this.setLists[this.setsOf[i]!]!,
      page: document.pages ? pageAt(document.pages, this.starts[i]!) : null,
      author: author ? this.authorNames[this.authorNameOf[i]!]! : null,
      authorId: author?.id ?? null,
      changedBy: quote === undefined ? null : this.store.changedBy(i),
    };
    if (quote === undefined) {
      // Drawn without its text for a frame; not kept, so drawn again with it.
      this.store.request([i]);
      return { ...row, pending: true };
    }
    // Scrolling through a million rows must not keep a million objects.
    if (this.cache.size >= 4096) this.cache.clear();
    this.cache.set(i, row);
    return row;
  }

  /// The chunks whose text must be read before `filter` with words, an
  /// `order` by quote or note, or `row` with its text, for these rows (every
  /// row without `rows`); none for a model of annotations in memory.
  missingText(rows?: ArrayLike<number>): string[] {
    return this.store.missing(rows);
  }

  /// Reads the text `missingText(rows)` names, and keeps it while the
  /// model's texts last: then rows, filters by words and sorts by quote or
  /// note need no read. Resolves only once none is missing: a chunk a
  /// write forgot meanwhile (a note edited) is read again. A failed read
  /// rejects with its error.
  async readText(rows?: ArrayLike<number>): Promise<void> {
    // Each round reads what is missing now; another is needed only if a
    // write forgot a chunk during this one.
    for (let missing = this.store.missing(rows); missing.length > 0; missing = this.store.missing(rows)) await this.store.readAll(missing);
  }

  /// Calls `listener` when rows' text arrives (rows drawn `pending` can be
  /// drawn whole); returns what stops it.
  onText(listener: () => void): () => void {
    return this.store.onText(listener);
  }

  /// A model with the records of documents `written` taken from `runs`
  /// (every stored document's record now, by document) in place of this
  /// model's, when each holds the same rows in the same order (its tags,
  /// names or authors changed): the columns copied and only those
  /// documents' rows set again from their records, no rebuild. `null` when
  /// a document's rows changed (added, deleted, moved) or this model is not
  /// of documents' records: then build a new one.
  patch(written: readonly string[], runs: ReadonlyMap<string, DocumentColumns>, sources: Pick<RowSources, 'actors'>): TableModel | null {
    const store = this.store;
    if (!(store instanceof DocumentRows)) return null;
    const at = written.map((id) => store.indexOf(id));
    // A document deleted, new, or of other rows changes the rows.
    if (at.some((r, k) => r < 0 || !runs.has(written[k]!) || !sameRows(store.records[r]!, runs.get(written[k]!)!))) return null;
    const next = Object.create(TableModel.prototype) as TableModel;
    Object.assign(next, this);
    const writable = next as unknown as Record<string, unknown>;
    const records = [...store.records];
    at.forEach((r, k) => (records[r] = runs.get(written[k]!)!));
    const patched = store.with(records);
    writable.store = patched;
    // Copies of the columns and tables a document's rows can change; the
    // rest is shared with this model.
    const tagsOf = this.tagsOf.slice();
    const nameOf = this.nameOf.slice();
    const authorOf = this.authorOf.slice();
    const authorNameOf = this.authorNameOf.slice();
    const tagLists = [...this.tagLists];
    const names = [...this.names];
    const authors = [...this.authors];
    const authorNames = [...this.authorNames];
    Object.assign(writable, { tagsOf, nameOf, authorOf, authorNameOf, tagLists, names, authors, authorNames });
    writable.ranks = new Map([...this.ranks].filter(([column]) => column === 'document' || column === 'date' || column === 'links' || column === 'sets'));
    writable.cache = new Map();
    // Counted again when asked: the patched documents' tags and names differ.
    writable.tallied = undefined;
    const index = <T>(list: readonly T[], key: (entry: T) => string) => new Map(list.map((entry, i) => [key(entry), i]));
    const tagIndex = index(tagLists, (tags) => JSON.stringify(tags));
    const nameIndex = index(names, (name) => name.tagged);
    const authorIndex = index(authors, (author) => author.id);
    const authorNameIndex = index(authorNames, (name) => name);
    const entry = <T>(map: Map<string, number>, list: T[], key: string, make: () => T) => {
      let e = map.get(key);
      if (e === undefined) {
        e = list.length;
        list.push(make());
        map.set(key, e);
      }
      return e;
    };
    for (const r of at) {
      const record = patched.records[r]!;
      const v = patched.views[r]!;
      const from = patched.bases[r]!;
      // The record's small tables mapped once, as a build maps them.
      const tags = Int32Array.from(record.tagLists, (json) => entry(tagIndex, tagLists, json, () => JSON.parse(json) as string[]));
      const named = Int32Array.from(record.names, (tagged) =>
        entry(nameIndex, names, tagged, () => {
          const actor = sources.actors.resolve(tagged);
          return { tagged, actor: actor?.name ?? tagged, actorId: actor?.id ?? null };
        }),
      );
      const authored = Int32Array.from(record.authorIds, (id, a) => entry(authorIndex, authors, id, () => ({ id, name: record.authorNames[a]! })));
      const authorNamed = Int32Array.from(record.authorNames, (name) => entry(authorNameIndex, authorNames, name, () => name));
      for (let k = 0; k < record.count; k++) {
        const i = from + k;
        const name = v.nameOf[k]!;
        nameOf[i] = name === none ? none : named[name]!;
        tagsOf[i] = tags[v.tagsOf[k]!]!;
        const author = v.authorOf[k]!;
        authorOf[i] = author === none ? none : authored[author]!;
        authorNameOf[i] = author === none ? none : authorNamed[author]!;
      }
    }
    return next;
  }

  /// Forgets the rows made so far, after their text changed in place (a
  /// note edited: the rows and their columns are as they were).
  forgetRows(): void {
    this.cache.clear();
    this.ranks.delete('quote');
    this.ranks.delete('note');
  }

  /// How many rows have each tag type, set, relation, document, actor and
  /// author, for the filters' lists; an actor and an author are labelled
  /// as on the first row that names them.
  /// Made once per model: the same object on each call (read it, do not change it).
  tally(): Tally {
    if (!this.tallied) for (const _ of this.count());
    return this.tallied!;
  }

  // The tally's work, a column a step.
  private *count(): Generator<void> {
    if (this.tallied) return;
    const countBy = (of: Int32Array, size: number) => {
      const counts = new Uint32Array(size);
      for (let i = 0; i < of.length; i++) if (of[i]! !== none) counts[of[i]!]!++;
      return counts;
    };
    const add = (map: Map<string, number>, id: string, count: number) => count && map.set(id, (map.get(id) ?? 0) + count);
    const tally: Tally = { tags: new Map(), sets: new Map(), relations: new Map(), documents: new Map(), actors: new Map(), authors: new Map() };
    countBy(this.tagsOf, this.tagLists.length).forEach((count, t) => {
      for (const tag of this.tagLists[t]!) add(tally.tags, tag, count);
    });
    yield;
    countBy(this.setsOf, this.setLists.length).forEach((count, k) => {
      for (const set of this.setLists[k]!) add(tally.sets, set, count);
    });
    countBy(this.linksOf, this.links.length).forEach((count, k) => {
      for (const relation of this.links[k]!.relations) add(tally.relations, relation, count);
    });
    yield;
    countBy(this.documentOf, this.documents.length).forEach((count, d) => add(tally.documents, this.documents[d]!.id, count));
    yield;
    // Names are in the order rows first tag them: the first of an actor's labels it.
    countBy(this.nameOf, this.names.length).forEach((count, k) => {
      const { actorId, actor } = this.names[k]!;
      if (!actorId || !count) return;
      const entry = tally.actors.get(actorId);
      if (entry) entry.count += count;
      else tally.actors.set(actorId, { label: actor, count });
    });
    yield;
    countBy(this.authorOf, this.authors.length).forEach((count, a) => {
      if (count) tally.authors.set(this.authors[a]!.id, { label: this.authors[a]!.name, count });
    });
    this.tallied = tally;
  }

  /// Whether any of these rows has an author (the library is shared).
  authored(rows: ArrayLike<number>): boolean {
    for (let k = 0; k < rows.length; k++) if (this.authorOf[rows[k]!]! !== none) return true;
    return false;
  }

  /// Every row's index in the order of `column`: stable (rows equal in the
  /// column keep the model's order, in either direction), empty cells last
  /// in either direction, and otherwise as `sortRows` orders. Each column's
  /// keys are ranked once per model; the order itself is a counting sort of
  /// those ranks, linear in the rows.
  order(column: RowColumn, direction: SortDirection): Uint32Array {
    const { rank, empty, runs } = this.ranksOf(column);
    const n = this.length;
    const descending = direction === 'descending';
    const counts = new Uint32Array(empty + 2);
    if (runs) {
      // Few runs of rows of one entry (a document's rows, sorted by date or
      // title): the runs are counted and placed whole, in row order, so the
      // order stays stable; a million rows are copied, not counted twice.
      const key = (r: number) => (r === empty || !descending ? r : empty - 1 - r);
      for (let k = 0; k < runs.length; k++) counts[key(rank[runs[k]!]!) + 1]! += (runs[k + 1] ?? n) - runs[k]!;
      for (let r = 1; r < counts.length; r++) counts[r]! += counts[r - 1]!;
      const order = new Uint32Array(n);
      for (let k = 0; k < runs.length; k++) {
        const [from, to] = [runs[k]!, runs[k + 1] ?? n];
        const r = key(rank[from]!);
        let at = counts[r]!;
        for (let i = from; i < to; i++) order[at++] = i;
        counts[r] = at;
      }
      return order;
    }
    for (let i = 0; i < n; i++) {
      const r = rank[i]!;
      counts[(r === empty || !descending ? r : empty - 1 - r) + 1]!++;
    }
    for (let r = 1; r < counts.length; r++) counts[r]! += counts[r - 1]!;
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const r = rank[i]!;
      order[counts[r === empty || !descending ? r : empty - 1 - r]!++] = i;
    }
    return order;
  }

  /// The rows of `rows` (indexes, in their order) that `filter` keeps, as
  /// `filterRows` keeps them.
  filter(rows: Uint32Array, filter: RowFilter): Uint32Array {
    const terms = filter.text ? filterTerms(filter.text) : [];
    const tags = this.wanted(this.tagLists, filter.tagTypeIds?.length ? (list) => list.some((tag) => filter.tagTypeIds!.includes(tag)) : null);
    const names = this.wanted(this.names, filter.actorId ? (name) => name.actorId === filter.actorId : null);
    const documents = this.wanted(this.documents, filter.documentIds?.length ? (d) => filter.documentIds!.includes(d.id) : null);
    const sets = this.wanted(this.setLists, filter.setId ? (list) => list.includes(filter.setId!) : null);
    const links = this.wanted(this.links, filter.relationType ? (link) => link.relations.includes(filter.relationType!) : null);
    const authors = this.wanted(this.authors, filter.authorId ? (author) => author.id === filter.authorId : null);
    if (!tags && !names && !documents && !sets && !links && !authors && !terms.length) return rows;
    // For each term, which documents' titles and which names hold it: the
    // rows then fold only their own quote and note.
    const titled = terms.map((term) => this.wanted(this.documents, (d) => this.foldShared(d.title).includes(term))!);
    const named = terms.map(
      (term) => this.wanted(this.names, (name) => this.foldShared(name.actor).includes(term) || this.foldShared(name.tagged).includes(term))!,
    );
    const kept = new Uint32Array(rows.length);
    let count = 0;
    // The columns as locals: the loop reads numbers only.
    const { tagsOf, nameOf, documentOf, setsOf, linksOf, authorOf } = this;
    for (let k = 0; k < rows.length; k++) {
      const i = rows[k]!;
      if (tags && !tags[tagsOf[i]!]) continue;
      if (names && (nameOf[i]! === none || !names[nameOf[i]!])) continue;
      if (documents && !documents[documentOf[i]!]) continue;
      if (sets && (setsOf[i]! === none || !sets[setsOf[i]!])) continue;
      if (links && (linksOf[i]! === none || !links[linksOf[i]!])) continue;
      if (authors && (authorOf[i]! === none || !authors[authorOf[i]!])) continue;
      if (terms.length && !this.hasTerms(i, terms, titled, named)) continue;
      kept[count++] = i;
    }
    return kept.slice(0, count);
  }

  // Which entries of a table of distinct values a filter keeps, one flag
  // each; `null` when the filter does not ask.
  private wanted<T>(entries: readonly T[], keeps: ((entry: T) => boolean) | null): Uint8Array | null {
    if (!keeps) return null;
    return Uint8Array.from(entries, (entry) => (keeps(entry) ? 1 : 0));
  }

  // Whether row `i` holds every term, each in one of its fields: its
  // quote, note, document title or actor names.
  private hasTerms(i: number, terms: readonly string[], titled: readonly Uint8Array[], named: readonly Uint8Array[]): boolean {
    const name = this.nameOf[i]!;
    const document = this.documentOf[i]!;
    let own: string | undefined;
    for (let t = 0; t < terms.length; t++) {
      if (titled[t]![document] || (name !== none && named[t]![name])) continue;
      own ??= this.store.folded(i) ?? this.fold(i);
      if (!own.includes(terms[t]!)) return false;
    }
    return true;
  }

  // Row `i`'s quote and note folded as search folds them, joined by a
  // character no term holds; kept for the next filter.
  private fold(i: number): string {
    const quote = this.textOf(i, 'quote');
    const note = this.store.note(i);
    const text = foldText(note ? `${clean(quote)}${separator}${clean(note)}` : clean(quote));
    this.store.setFolded(i, text);
    this.unfolded--;
    return text;
  }

  // Row `i`'s quote, which the caller needs read.
  private textOf(i: number, why: string): string {
    const quote = this.store.quote(i);
    if (quote === undefined) throw new RangeError(`Row ${i}'s text is not read yet, and the ${why} needs it: read the chunks missingText() names first.`);
    return quote;
  }

  // A title or name, shared by many rows, folded once.
  private foldShared(text: string): string {
    let folded = this.foldedShared.get(text);
    if (folded === undefined) this.foldedShared.set(text, (folded = foldText(clean(text))));
    return folded;
  }

  /// Folds rows' text for the text filter, ahead of its first use, while
  /// `more()` says there is time; `true` once every row is folded. A table calls it when idle, so the first typed word finds
  /// the work done; a filter folds whatever is left.
  foldAhead(more: () => boolean): boolean {
    while (this.unfolded > 0 && this.foldedUpTo < this.length) {
      // A few hundred rows between looks at the clock.
      const end = Math.min(this.length, this.foldedUpTo + 256);
      // Rows whose text is not read are left to the first filter.
      for (let i = this.foldedUpTo; i < end; i++) if (this.store.folded(i) === undefined && this.store.quote(i) !== undefined) this.fold(i);
      this.foldedUpTo = end;
      if (!more()) break;
    }
    return this.unfolded === 0 || this.foldedUpTo >= this.length;
  }

  // A column's ranks, made once per model.
  private ranksOf(column: RowColumn): Ranks {
    let ranks = this.ranks.get(column);
    if (!ranks) {
      ranks = this.rank(column);
      this.ranks.set(column, ranks);
    }
    return ranks;
  }

  private rank(column: RowColumn): Ranks {
    const n = this.length;
    const compareText = (a: string, b: string) => this.collator.compare(a, b);
    const textRanks = (of: (i: number) => string) => byValue(n, (i) => blank(of(i)), of, compareText);
    switch (column) {
      case 'document':
        return byEntry(
          this.documentOf,
          this.documents.map((d) => (blank(d.title) ? null : d.title)),
          compareText,
        );
      case 'date':
        return byEntry(
          this.documentOf,
          this.documents.map((d) => (d.date ? dateSortKey(d.date.start) : null)),
          (a, b) => (a < b ? -1 : a > b ? 1 : 0),
        );
      case 'tags': {
        const ranked = [...this.tagTypes].sort((a, b) => a.order - b.order || this.collator.compare(a.name, b.name));
        const place = new Map(ranked.map((type, i) => [type.id, i]));
        const keys = this.tagLists.map((tags) => (tags.length ? tags.map((id) => ({ rank: place.get(id) ?? ranked.length, id })) : null));
        return byEntry(this.tagsOf, keys, (a, b) => {
          for (let i = 0; i < Math.min(a.length, b.length); i++) {
            const d = a[i]!.rank - b[i]!.rank || this.collator.compare(a[i]!.id, b[i]!.id);
            if (d) return d;
          }
          return a.length - b.length;
        });
      }
      case 'actor': {
        const names = this.names.map((name) => (blank(name.actor) ? null : name.actor));
        return byEntry(this.nameOf, names, compareText);
      }
      case 'quote':
        return textRanks((i) => this.textOf(i, 'sort by quote'));
      case 'note':
        return textRanks((i) => (this.textOf(i, 'sort by note'), this.store.note(i)));
      case 'links':
        return byEntry(
          this.linksOf,
          this.links.map((link) => link.count),
          (a, b) => a - b,
          0,
        );
      case 'sets':
        return byEntry(
          this.setsOf,
          this.setLists.map((list) => list.length),
          (a, b) => a - b,
          0,
        );
      case 'author': {
        const names = this.authors.map((author) => (blank(author.name) ? null : author.name));
        return byEntry(this.authorOf, names, compareText);
      }
      default:
        throw new RangeError(`The table has no column "${String(column)}" to sort by.`);
    }
  }
}

/// A list of the model's rows, by index: what the table shows.
export class RowList {
  constructor(
    readonly model: TableModel,
    readonly indexes: Uint32Array,
  ) {}

  get length(): number {
    return this.indexes.length;
  }

  /// The `k`th row shown.
  at(k: number): AnnotationRow {
    return this.model.row(this.indexes[k]!);
  }

  /// The `k`th row's annotation id.
  id(k: number): string {
    return this.model.id(this.indexes[k]!);
  }

  /// Whether any row shown has an author (the library is shared).
  authored(): boolean {
    return this.model.authored(this.indexes);
  }

  /// Every row, made: for an export, not for drawing.
  rows(): AnnotationRow[] {
    return Array.from(this.indexes, (i) => this.model.row(i));
  }
}

// Ranks rows by an entry of a small table (the row's document, name…):
// the entries' keys are sorted, not the rows'. `null` keys, and rows of no
// entry (index -1), are empty, unless `missing` gives those rows a key.
function byEntry<K>(entryOf: Int32Array, keys: readonly (K | null)[], compare: (a: K, b: K) => number, missing: K | null = null): Ranks {
  const withMissing = [...keys, missing];
  const entryRanks = rankValues(withMissing, compare);
  const n = entryOf.length;
  const rank = new Uint32Array(n);
  const missingRank = entryRanks.rank[keys.length]!;
  // Where the entry changes, while that is seldom: `order` then places runs.
  let runs: number[] | null = [];
  const most = Math.ceil(n / fewRuns);
  let last = 0;
  let r = 0;
  for (let i = 0; i < n; i++) {
    const e = entryOf[i]!;
    if (i === 0 || e !== last) {
      last = e;
      r = e < 0 ? missingRank : entryRanks.rank[e]!;
      if (runs && runs.push(i) > most) runs = null;
    }
    rank[i] = r;
  }
  return { rank, empty: entryRanks.empty, runs: runs && Uint32Array.from(runs) };
}

// Ranks rows by a value of their own (a quote, a note).
function byValue(n: number, isEmpty: (i: number) => boolean, of: (i: number) => string, compare: (a: string, b: string) => number): Ranks {
  const distinct = new Map<string, number>();
  const entryOf = new Int32Array(n);
  const values: (string | null)[] = [];
  for (let i = 0; i < n; i++) {
    if (isEmpty(i)) {
      entryOf[i] = -1;
      continue;
    }
    const value = of(i);
    let e = distinct.get(value);
    if (e === undefined) {
      e = values.length;
      values.push(value);
      distinct.set(value, e);
    }
    entryOf[i] = e;
  }
  return byEntry(entryOf, values, compare);
}

// Ranks of keys: equal keys one rank, in the keys' order from 0; `null`
// keys the rank after every other (`empty`).
function rankValues<K>(keys: readonly (K | null)[], compare: (a: K, b: K) => number): Ranks {
  const present = keys.map((_, i) => i).filter((i) => keys[i] !== null);
  present.sort((a, b) => compare(keys[a]!, keys[b]!));
  const rank = new Uint32Array(keys.length);
  let next = -1;
  for (let k = 0; k < present.length; k++) {
    if (k === 0 || compare(keys[present[k - 1]!]!, keys[present[k]!]!) !== 0) next++;
    rank[present[k]!] = next;
  }
  const empty = next + 1;
  keys.forEach((key, i) => key === null && (rank[i] = empty));
  return { rank, empty };
}

function blank(text: string): boolean {
  return text.trim() === '';
}

function clean(text: string): string {
  return text.includes(separator) ? text.replace(separators, ' ') : text;
}

// Rows from annotations held in memory: their text is always at hand.
class AnnotationRows implements RowStore {
  readonly annotations: readonly Annotation[];
  readonly foldedText: (string | undefined)[];
  readonly length: number;
  constructor(annotations: Iterable<Annotation>) {
    this.annotations = Array.isArray(annotations) ? (annotations as Annotation[]) : [...annotations];
    this.length = this.annotations.length;
    this.foldedText = new Array(this.length);
  }
  id(i: number): string {
    return this.annotations[i]!.id;
  }
  quote(i: number): string {
    return this.annotations[i]!.quote.exact;
  }
  note(i: number): string {
    return this.annotations[i]!.note;
  }
  changedBy(i: number): string | null {
    return this.annotations[i]!.modifiedBy?.name ?? null;
  }
  folded(i: number): string | undefined {
    return this.foldedText[i];
  }
  setFolded(i: number, text: string): void {
    this.foldedText[i] = text;
  }
  missing(): string[] {
    return [];
  }
  request(): void {}
  async readAll(): Promise<void> {}
  onText(): () => void {
    return () => {};
  }
}

// Rows from stored chunks' columns: document by document (by id), each
// document's in text order, its chunks' runs merged; the text of a row is
// its chunk's, read by need.
class ChunkRows implements RowStore {
  readonly chunks: ChunkColumns[];
  readonly chunkOf: Uint32Array;
  readonly slotOf: Uint32Array;
  readonly length: number;
  constructor(
    chunks: Iterable<ChunkColumns>,
    private readonly texts: TextStore,
  ) {
    const byDocument = new Map<string, ChunkColumns[]>();
    let n = 0;
    for (const chunk of chunks) {
      const list = byDocument.get(chunk.documentId);
      if (list) list.push(chunk);
      else byDocument.set(chunk.documentId, [chunk]);
      n += chunk.idEnds.length;
    }
    this.length = n;
    this.chunks = [];
    this.chunkOf = new Uint32Array(n);
    this.slotOf = new Uint32Array(n);
    this.byDocument = byDocument;
  }
  private byDocument: Map<string, ChunkColumns[]> | null;
  /// Lists the rows, document by document, a step each merge, and hands
  /// each document's chunks to `place` with the row each chunk's slots
  /// landed on (`rowOf`, by slot; valid during the call), in the order
  /// the rows first meet them, and the document's rows `[from, to)`.
  *arrange(place: (placed: readonly { chunk: ChunkColumns; rowOf: Uint32Array }[], from: number, to: number) => void): Generator<void> {
    let at = 0;
    // Room for the largest document's rows, for the merges.
    let most = 0;
    for (const group of this.byDocument!.values())
      most = Math.max(
        most,
        group.reduce((sum, chunk) => sum + chunk.textOrder.length, 0),
      );
    const scratch = new MergeScratch(most);
    for (const documentId of [...this.byDocument!.keys()].sort()) {
      const group = this.byDocument!.get(documentId)!;
      const first = this.chunks.length;
      this.chunks.push(...group);
      const from = at;
      const merged = yield* mergeRuns(group, scratch);
      const { owner, rowOf, bases } = scratch;
      const met = new Uint8Array(group.length);
      const order: number[] = [];
      for (let p = 0; p < merged.length; p++) {
        const x = merged[p]!;
        const c = owner[x]!;
        this.chunkOf[at + p] = first + c;
        this.slotOf[at + p] = x - bases[c]!;
        rowOf[x] = at + p;
        if (!met[c]) {
          met[c] = 1;
          order.push(c);
        }
      }
      at += merged.length;
      place(
        order.map((c) => ({ chunk: group[c]!, rowOf: rowOf.subarray(bases[c]!, bases[c]! + group[c]!.textOrder.length) })),
        from,
        at,
      );
      yield;
    }
    this.byDocument = null;
  }
  id(i: number): string {
    return idAt(this.chunks[this.chunkOf[i]!]!, this.slotOf[i]!);
  }
  private text(i: number): ChunkText | undefined {
    return this.texts.get(this.chunks[this.chunkOf[i]!]!.key);
  }
  quote(i: number): string | undefined {
    return this.text(i)?.quotes[this.slotOf[i]!];
  }
  note(i: number): string {
    return this.text(i)?.notes[this.slotOf[i]!] ?? '';
  }
  changedBy(i: number): string | null {
    return this.text(i)?.changedBy[this.slotOf[i]!] ?? null;
  }
  folded(i: number): string | undefined {
    return this.text(i)?.folded[this.slotOf[i]!];
  }
  setFolded(i: number, text: string): void {
    const chunk = this.text(i);
    if (chunk) chunk.folded[this.slotOf[i]!] = text;
  }
  missing(rows?: ArrayLike<number>): string[] {
    const keys = new Set<string>();
    if (rows) for (let k = 0; k < rows.length; k++) keys.add(this.chunks[this.chunkOf[rows[k]!]!]!.key);
    else for (const chunk of this.chunks) keys.add(chunk.key);
    return [...keys].filter((key) => !this.texts.has([key]));
  }
  request(rows: ArrayLike<number>): void {
    // A failed read leaves the row pending; the next draw asks again.
    void this.texts.request(this.missing(rows)).catch(() => {});
  }
  readAll(keys: readonly string[]): Promise<void> {
    return this.texts.requestAll(keys);
  }
  onText(listener: () => void): () => void {
    return this.texts.onArrive(listener);
  }
}

// Rows from stored documents' records, each already in text order:
// document by document (by id); the text of a row is its chunk's, read by need.
class DocumentRows implements RowStore {
  readonly records: DocumentColumns[];
  readonly views: DocumentViews[];
  /// Each record's first row, and the row count after the last.
  readonly bases: Uint32Array;
  readonly length: number;
  constructor(
    records: Iterable<DocumentColumns>,
    private readonly texts: TextStore,
  ) {
    // A record of no rows places none, and its document gets no entry.
    this.records = [...records].filter((r) => r.count > 0).sort((a, b) => (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0));
    this.views = this.records.map(viewsOf);
    this.bases = new Uint32Array(this.records.length + 1);
    this.records.forEach((r, k) => (this.bases[k + 1] = this.bases[k]! + r.count));
    this.length = this.bases[this.records.length]!;
  }
  private positions: Map<string, number> | null = null;
  /// The index of the record of this document, or -1.
  indexOf(documentId: string): number {
    this.positions ??= new Map(this.records.map((record, r) => [record.documentId, r]));
    return this.positions.get(documentId) ?? -1;
  }
  /// The same rows, with `records` (of the same rows each, in this order) in place of these.
  with(records: DocumentColumns[]): DocumentRows {
    const next = Object.create(DocumentRows.prototype) as DocumentRows;
    Object.assign(next, this, { records, views: records.map(viewsOf), positions: this.positions });
    return next;
  }
  // The record holding row `i`, by halving.
  private recordAt(i: number): number {
    let [low, high] = [0, this.records.length - 1];
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.bases[middle]! <= i) low = middle;
      else high = middle - 1;
    }
    return low;
  }
  id(i: number): string {
    const r = this.recordAt(i);
    return documentIdAt(this.records[r]!, this.views[r]!, i - this.bases[r]!);
  }
  // Row `i`'s chunk key and slot.
  private place(i: number): [string, number] {
    const r = this.recordAt(i);
    const k = i - this.bases[r]!;
    return [this.records[r]!.chunkKeys[this.views[r]!.chunkOf[k]!]!, this.views[r]!.slotOf[k]!];
  }
  private text(i: number): [ChunkText | undefined, number] {
    const [key, slot] = this.place(i);
    return [this.texts.get(key), slot];
  }
  quote(i: number): string | undefined {
    const [text, slot] = this.text(i);
    return text?.quotes[slot];
  }
  note(i: number): string {
    const [text, slot] = this.text(i);
    return text?.notes[slot] ?? '';
  }
  changedBy(i: number): string | null {
    const [text, slot] = this.text(i);
    return text?.changedBy[slot] ?? null;
  }
  folded(i: number): string | undefined {
    const [text, slot] = this.text(i);
    return text?.folded[slot];
  }
  setFolded(i: number, folded: string): void {
    const [text, slot] = this.text(i);
    if (text) text.folded[slot] = folded;
  }
  missing(rows?: ArrayLike<number>): string[] {
    const keys = new Set<string>();
    if (rows) for (let k = 0; k < rows.length; k++) keys.add(this.place(rows[k]!)[0]);
    else for (const record of this.records) for (const key of record.chunkKeys) keys.add(key);
    return [...keys].filter((key) => !this.texts.has([key]));
  }
  request(rows: ArrayLike<number>): void {
    // A failed read leaves the row pending; the next draw asks again.
    void this.texts.request(this.missing(rows)).catch(() => {});
  }
  readAll(keys: readonly string[]): Promise<void> {
    return this.texts.requestAll(keys);
  }
  onText(listener: () => void): () => void {
    return this.texts.onArrive(listener);
  }
}

// Whether two records of a document hold the same rows in the same text
// order, in the same chunks' slots (their tags, names or authors may differ).
function sameRows(a: DocumentColumns, b: DocumentColumns): boolean {
  if (a.documentId !== b.documentId || a.count !== b.count || a.ids !== b.ids || a.chunkKeys.join('\u0000') !== b.chunkKeys.join('\u0000')) return false;
  const [x, y] = [viewsOf(a), viewsOf(b)];
  const same = (p: ArrayLike<number>, q: ArrayLike<number>) => {
    for (let i = 0; i < p.length; i++) if (p[i] !== q[i]) return false;
    return true;
  };
  return same(x.starts, y.starts) && same(x.idEnds, y.idEnds) && same(x.chunkOf, y.chunkOf) && same(x.slotOf, y.slotOf);
}

// Arrays for merging a document's runs, made once per build for the
// largest document (arrays made per merge were tens of MB of short-lived
// buffers at a million rows, which the page's minor GC swept in tasks of
// up to 440 ms). A document's rows are numbered chunk after chunk (chunk
// `c`'s slot `k` is `bases[c] + k`), and the merge compares positions
// from `starts` and `ends` by that number: flat arrays, not each chunk's.
class MergeScratch {
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  /// Each number's chunk, in the document's group.
  readonly owner: Uint32Array;
  /// Each number's row in the model, once merged.
  readonly rowOf: Uint32Array;
  readonly runs: [Uint32Array, Uint32Array];
  bases: Uint32Array = new Uint32Array(0);
  constructor(size: number) {
    this.starts = new Float64Array(size);
    this.ends = new Float64Array(size);
    this.owner = new Uint32Array(size);
    this.rowOf = new Uint32Array(size);
    this.runs = [new Uint32Array(size), new Uint32Array(size)];
  }
}

// A document's rows (its chunks, `group`) in text order, as numbers of
// `scratch` (valid until the next call): each chunk's rows are a run
// already in that order (its `textOrder`), merged two by two, a step each
// pair (a document of 10,000 rows merged in one step was one of the
// page's long tasks at a million rows).
function* mergeRuns(group: readonly ChunkColumns[], scratch: MergeScratch): Generator<void, Uint32Array> {
  const { starts, ends: endsAt, owner } = scratch;
  let [from, to] = scratch.runs;
  const bases = new Uint32Array(group.length);
  // Where each run ends, the first run starting at 0.
  let ends: number[] = [];
  let n = 0;
  group.forEach((chunk, c) => {
    bases[c] = n;
    const size = chunk.textOrder.length;
    starts.set(chunk.starts, n);
    endsAt.set(chunk.ends, n);
    owner.fill(c, n, n + size);
    for (let j = 0; j < size; j++) from[n + j] = n + chunk.textOrder[j]!;
    n += size;
    ends.push(n);
  });
  scratch.bases = bases;
  // As `inTextOrder` orders annotations: by start, then longer first, then id.
  const before = (x: number, y: number) => {
    const d = starts[x]! - starts[y]! || endsAt[y]! - endsAt[x]!;
    if (d) return d < 0;
    const [a, b] = [owner[x]!, owner[y]!];
    return idAt(group[a]!, x - bases[a]!) <= idAt(group[b]!, y - bases[b]!);
  };
  while (ends.length > 1) {
    const next: number[] = [];
    for (let r = 0; r < ends.length; r += 2) {
      const low = r === 0 ? 0 : ends[r - 1]!;
      const middle = ends[r]!;
      const high = ends[r + 1] ?? middle;
      let [i, j] = [low, middle];
      for (let k = low; k < high; k++) to[k] = j >= high || (i < middle && before(from[i]!, from[j]!)) ? from[i++]! : from[j++]!;
      next.push(high);
      yield;
    }
    [from, to] = [to, from];
    ends = next;
  }
  return from.subarray(0, n);
}
