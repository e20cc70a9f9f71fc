import Dexie, { type EntityTable } from 'dexie';
import { textFingerprint } from '../../shared/document/fingerprint';
import { type StoredDocumentIndex, keptPairs } from '../../shared/search/document-index';
import type { StoredLexicon } from '../../shared/search/document-lexicon';
import type { SearchOptions, SearchResults } from '../../shared/search/results';
import { SearchIndex } from '../../shared/search/search-index';

/// One document as the search index keeps it between runs: its revision
/// stamp, its canonical text (for the keyword-in-context lines and the
/// offsets of hits) and its words (see DocumentIndex.stored).
export interface SegmentRow extends StoredDocumentIndex {
  id: string;
  revision: string;
  text: string;
}

/// One document's distinct words and their counts (see DocumentLexicon),
/// beside its segment: what a launch reads back, so that the first answer
/// waits for a few tens of kilobytes a document, not for every text.
export interface LexiconRow extends StoredLexicon {
  id: string;
  revision: string;
}

/// A run of the kept vocabulary: the words numbered `id` on, in order,
/// joined by line breaks (folded words hold none). Segments and lexicons
/// store words by these numbers, so a launch makes one string per distinct
/// word of the library, not one per word of every document's lexicon.
export interface WordsRow {
  id: number;
  words: string;
}

/// A document to index, with the stamp of its revision: the same stamp
/// again is already indexed. Without one, the text's fingerprint stands in.
export interface StampedText {
  id: string;
  text: string;
  revision?: string;
}

/// A document the caller holds, by id and revision stamp.
export interface DocumentStamp {
  id: string;
  revision: string;
}

/// The search index's own IndexedDB database, apart from the library's (its
/// versions move on their own, and clearing it loses nothing the library
/// cannot give again): one row per document, so indexing, revising or
/// deleting one document writes one row.
export class IndexDb extends Dexie {
  segments!: EntityTable<SegmentRow, 'id'>;
  lexicons!: EntityTable<LexiconRow, 'id'>;
  words!: EntityTable<WordsRow, 'id'>;

  constructor(name = 'palimpsest-search', options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({ segments: 'id' });
    // Segments from version 1 have no lexicon: they are dropped, and the
    // next reconcile asks for their texts again (the index is a cache of
    // the library, which loses nothing by it).
    this.version(2)
      .stores({ segments: 'id', lexicons: 'id' })
      .upgrade((tx) => tx.table('segments').clear());
    // Segments and lexicons hold words by the numbers of a kept vocabulary
    // (the `words` runs), no longer by name: those of version 2 are
    // dropped, and the next reconcile asks for their texts again.
    this.version(3)
      .stores({ segments: 'id', lexicons: 'id', words: 'id' })
      .upgrade((tx) => Promise.all([tx.table('segments').clear(), tx.table('lexicons').clear()]));
    // Lexicons keep every pair that stands often in their document, not
    // only those of two common words (see keptPairs), and a ranking takes
    // a pair they lack to stand fewer times: each lexicon's pairs are made
    // again from its segment, which holds the words' places, so nothing is
    // indexed again. A lexicon without a segment at its revision, or whose
    // segment cannot be read, is dropped, and its text asked for again.
    this.version(4)
      .stores({ segments: 'id', lexicons: 'id', words: 'id' })
      .upgrade(async (tx) => {
        const pairs = new Map<string, { revision: string; kept: [Float64Array, Int32Array] }>();
        await tx.table('segments').each((row: SegmentRow) => {
          try {
            pairs.set(row.id, { revision: row.revision, kept: keptPairs(row) });
          } catch {
            // Damaged: its lexicon is dropped below.
          }
        });
        await tx
          .table('lexicons')
          .toCollection()
          .modify((row: LexiconRow, ref: { value?: LexiconRow }) => {
            const made = pairs.get(row.id);
            if (!made || made.revision !== row.revision) {
              delete ref.value;
              return;
            }
            [row.pairKeys, row.pairCounts] = made.kept;
          });
      });
  }
}

/// The corpus's SearchIndex, kept in IndexedDB so that a launch reads it
/// back instead of reading every text's words again, and brought up to date
/// document by document: `reconcile` compares the stamps the library holds
/// with those indexed and says which texts to send. With no database (none
/// could be opened) it is the SearchIndex alone, rebuilt each run.
///
/// Why segments (a document's words and offsets per row) and not a postings
/// row per word: the engine answers from per-document arrays (see
/// DocumentIndex), so a segment is exactly what it holds in memory; one
/// document is one write, where postings per word would be thousands of
/// writes to index one 50,000-character text and as many to delete it.
///
/// A launch reads the kept vocabulary (its words, numbered as segments and
/// lexicons refer to them), then only the lexicons (each document's
/// distinct word numbers and counts): words and prefixes are counted from them, and a document's
/// segment is read when a query lists its hits or checks a phrase in it
/// (SearchIndex.needs). In the background, the corpus's postings are then
/// built from the lexicons, and the rest of the segments read a few at a
/// time, so later queries count words from lists and phrases find their
/// segments in memory.
export class PersistentIndex {
  readonly index = new SearchIndex();
  // The revision stamp of each document indexed.
  private readonly revisions = new Map<string, string>();
  private loaded: Promise<void> | null = null;
  private db: IndexDb | null;
  // Whether the segments not yet asked for are read in the background.
  private readonly warm: boolean;
  private warming: Promise<void> | null = null;
  // How many of the vocabulary's words are stored (the rest are written
  // with the next rows that use them).
  private keptWords = 0;

  constructor(db: IndexDb | null = new IndexDb(), options: { warm?: boolean } = {}) {
    this.db = db;
    this.warm = options.warm ?? true;
  }

  /// How many documents it holds.
  get size(): number {
    return this.index.size;
  }

  /// Reads the stored index, once; later calls wait for the same read. A
  /// database that cannot be read (a browser that refuses storage) leaves
  /// an index in memory only, filled by what is indexed next. A stored
  /// document that cannot be read back is dropped, to be indexed again.
  open(): Promise<void> {
    this.loaded ??= this.load();
    return this.loaded;
  }

  /// Indexes `documents`, each replacing what was indexed under its id,
  /// skipping those already indexed at the same revision. All are read and
  /// stored in one transaction before any is searched: a batch that fails
  /// leaves the index as it was.
  async add(documents: readonly StampedText[]): Promise<void> {
    await this.open();
    const fresh: { row: SegmentRow; built: ReturnType<SearchIndex['build']> }[] = [];
    for (const document of documents) {
      const revision = document.revision ?? textFingerprint(document.text);
      if (this.revisions.get(document.id) === revision) continue;
      const built = this.index.build(document.id, document.text);
      fresh.push({ row: { id: document.id, revision, text: document.text, ...built.stored() }, built });
    }
    if (fresh.length === 0) return;
    // The words first numbered by these texts go with them, in one run.
    const words = this.index.wordsFrom(this.keptWords);
    await this.write(async (db) => {
      if (words.length > 0) await db.words.put({ id: this.keptWords, words: words.join('\n') });
      await db.segments.bulkPut(fresh.map((f) => f.row));
      await db.lexicons.bulkPut(fresh.map(({ row, built }) => ({ id: row.id, revision: row.revision, ...built.lexicon() })));
    });
    this.keptWords += words.length;
    for (const { row, built } of fresh) {
      this.index.put(built);
      this.revisions.set(row.id, row.revision);
    }
  }

  /// Forgets the documents `ids`; returns how many were indexed.
  async remove(ids: readonly string[]): Promise<number> {
    await this.open();
    const known = ids.filter((id) => this.revisions.has(id));
    if (known.length === 0) return 0;
    await this.write(async (db) => {
      await db.segments.bulkDelete(known);
      await db.lexicons.bulkDelete(known);
    });
    for (const id of known) {
      this.index.remove(id);
      this.revisions.delete(id);
    }
    return known.length;
  }

  /// Brings the index to the library's documents `stamps`: forgets every
  /// document not among them, and answers the ids whose text must be
  /// indexed (new, or at another revision), in the order given.
  async reconcile(stamps: readonly DocumentStamp[]): Promise<string[]> {
    await this.open();
    const wanted = new Set(stamps.map((s) => s.id));
    await this.remove([...this.revisions.keys()].filter((id) => !wanted.has(id)));
    return stamps.filter((s) => this.revisions.get(s.id) !== s.revision).map((s) => s.id);
  }

  /// Runs `query` over the indexed documents; see SearchIndex.search. The
  /// segments the query needs (SearchIndex.needs) are read first; one that
  /// cannot be read is forgotten, to be sent again at the next reconcile.
  async search(query: string, options: SearchOptions): Promise<SearchResults> {
    await this.open();
    // A segment that cannot be read drops its document, which changes what
    // the rest need: asked again until nothing is missing.
    for (let needed = this.index.needs(query, options); needed.length > 0; needed = this.index.needs(query, options)) await this.read(needed);
    return this.index.search(query, options);
  }

  private async load(): Promise<void> {
    const db = this.db;
    if (!db) return;
    const damaged: string[] = [];
    try {
      await this.loadWords(db);
      // A page of rows a request, in the order of their ids: a cursor's
      // request a row was most of a launch's read at thousands of
      // documents, and one request for all of them would hold every
      // lexicon twice at once.
      let last: string | null = null;
      for (;;) {
        const page: LexiconRow[] = await (last === null ? db.lexicons.orderBy(':id') : db.lexicons.where(':id').above(last)).limit(lexiconPage).toArray();
        if (page.length === 0) break;
        last = page[page.length - 1]!.id;
        for (const row of page) {
          try {
            this.index.put(this.index.restoreLexicon(row.id, row));
            this.revisions.set(row.id, row.revision);
          } catch {
            damaged.push(row.id);
          }
        }
      }
      if (damaged.length > 0) await this.write((db) => Promise.all([db.segments.bulkDelete(damaged), db.lexicons.bulkDelete(damaged)]));
    } catch (error) {
      console.warn(`The search index is kept in memory only: its database could not be read (${(error as Error).message}).`);
      this.index.clear();
      this.revisions.clear();
      this.db = null;
      return;
    }
    if (this.warm) this.startWarming();
  }

  // Reads the kept vocabulary into the index, numbered as stored. Runs
  // that do not follow one another (a damaged database) drop the whole
  // stored index, which the next reconcile sends again; many runs (one per
  // batch indexed) are joined into one.
  private async loadWords(db: IndexDb): Promise<void> {
    const runs = await db.words.toArray();
    const words: string[] = [];
    let whole = true;
    for (const run of runs) {
      if (run.id !== words.length || typeof run.words !== 'string' || run.words.length === 0) {
        whole = false;
        break;
      }
      for (const word of run.words.split('\n')) words.push(word);
    }
    try {
      if (whole) this.index.loadWords(words);
    } catch {
      whole = false;
    }
    if (!whole) {
      console.warn('The kept search index was damaged: every document is indexed again.');
      this.index.clear();
      await db.transaction('rw', db.segments, db.lexicons, db.words, () => Promise.all([db.segments.clear(), db.lexicons.clear(), db.words.clear()]));
      this.keptWords = 0;
      return;
    }
    this.keptWords = words.length;
    if (runs.length > joinedRuns)
      await db.transaction('rw', db.words, async () => {
        await db.words.clear();
        await db.words.put({ id: 0, words: words.join('\n') });
      });
  }

  // Reads the segments of `ids` and puts each in place of its lexicon,
  // unless the document was revised or removed meanwhile. A document whose
  // segment is missing or damaged is forgotten.
  private async read(ids: readonly string[]): Promise<void> {
    const db = this.db;
    const lost: string[] = [];
    let rows: (SegmentRow | undefined)[] = [];
    try {
      rows = db ? await db.segments.bulkGet([...ids]) : [];
    } catch {
      rows = [];
    }
    ids.forEach((id, i) => {
      const row = rows[i];
      if (!this.index.isLexiconOnly(id)) return;
      if (!row || row.revision !== this.revisions.get(id)) {
        lost.push(id);
        return;
      }
      try {
        this.index.fill(this.index.restore(row.id, row.text, row));
      } catch {
        lost.push(id);
      }
    });
    if (lost.length > 0) await this.remove(lost);
  }

  /// Resolves once every stored segment has been read (see the class's
  /// comment): at once without a database or background reading.
  async warmed(): Promise<void> {
    await this.open();
    await this.warming;
  }

  // Reads the segments no query has asked for yet, a few at a time and a
  // task apart, so a query asked meanwhile waits for one batch at most.
  private startWarming(): void {
    if (this.warming) return;
    const pause = () => new Promise((resolve) => setTimeout(resolve, 0));
    this.warming = (async () => {
      // The corpus's postings first, from the lexicons (see
      // SearchIndex.prepare): until they are built, a query counts words
      // document by document, which at thousands of documents is most of
      // its time.
      for (const _ of this.index.preparing(postingsStep)) await pause();
      for (;;) {
        await pause();
        const pending: string[] = [];
        for (const id of this.revisions.keys()) {
          if (this.index.isLexiconOnly(id)) pending.push(id);
          if (pending.length === warmBatch) break;
        }
        if (pending.length === 0 || !this.db) return;
        await this.read(pending);
      }
    })().catch((error: unknown) => console.warn(`The search index's segments are read by need only: ${(error as Error).message}`));
  }

  // Runs a write on the database, when there is one.
  private async write(change: (db: IndexDb) => Promise<unknown>): Promise<void> {
    if (!this.db) return;
    const db = this.db;
    await db.transaction('rw', db.segments, db.lexicons, db.words, () => change(db));
  }
}

// Past this many runs of kept words, a launch joins them into one.
const joinedRuns = 32;

// How many documents' words the background building of the postings
// reads at a time: a few milliseconds, which a query asked meanwhile waits
// for.
const postingsStep = 50;

// How many lexicons a launch reads a request: about 10 MB at 20 KB each.
const lexiconPage = 500;

// How many segments the background reading reads at a time: a few
// milliseconds of restoring, which a query asked meanwhile waits for.
const warmBatch = 4;
