import { ClauseMatcher } from './clause-match';
import { DocumentIndex, type StoredDocumentIndex, keptFrom, pairRange } from './document-index';
import { DocumentLexicon, type StoredLexicon } from './document-lexicon';
import { contextLine } from './kwic';
import { Postings } from './postings';
import { PhraseCounts } from './phrase-counts';
import { RankScratch } from './rank-scratch';
import { type Query, parseQuery } from './query';
import type { DocumentHits, SearchOptions, SearchResults } from './results';
import { Vocabulary } from './vocabulary';

/// Full-text search over a corpus: case- and diacritic-insensitive words,
/// "phrases" and prefix* queries, every hit counted and listed by document
/// with its offsets in the canonical text and a keyword-in-context line.
///
/// Why this design: an index per document (its words as vocabulary numbers
/// in text order, with their offsets, and the positions of each of its
/// distinct words, in typed arrays; see DocumentIndex). Counting a word over
/// the whole corpus is then a binary search per document, so even "the"
/// answers in a millisecond or two; a word's hits are read from its
/// positions in the documents of the requested page, and a phrase is checked
/// only where its rarest word stands. A document is added, replaced or
/// removed alone, which is what a revision needs. A corpus-wide
/// term-to-postings inverted index would find rare words without a
/// per-document probe, but makes removing a document a walk over every
/// postings list; scanning folded text (the benchmark's peer) needs no index
/// but reads the whole corpus for every query.
///
/// Why not a library: minisearch, flexsearch and orama find and rank
/// documents; none returns the places a word occurs, with their character
/// offsets (minisearch gives the matched terms per field, flexsearch 0.8 a
/// highlighted string), so the count of occurrences, the KWIC lines and the
/// passage to open would need a second search of our own over every
/// matching document anyway. lunr can record token offsets, but its index
/// is immutable (one revision would rebuild the whole corpus), it has no
/// phrase queries, and it has not been released since 2020. None folds text
/// with a map back to the original offsets, which anchoring already has.
export class SearchIndex {
  private readonly vocabulary = new Vocabulary();
  // In insertion order, which results follow; replacing keeps the place. A
  // document known only by its lexicon (read back at a launch) is counted
  // from it, and its whole index put in its place when a query needs it.
  private readonly documents = new Map<string, DocumentIndex | DocumentLexicon>();
  // The words' documents, for `rank`: built at its first call (a launch
  // need not pay for it), then kept up to date by put and remove.
  private postings: Postings<DocumentIndex | DocumentLexicon> | null = null;
  // The postings' slots in the order of `documents` (results follow it; a
  // revised document keeps its place but not its slot), made when a
  // search needs it after a change.
  private order: Int32Array | null = null;
  // `rank`'s per-slot arrays, kept between queries so that one allocates
  // nothing in proportion to the corpus.
  private readonly scratch = new RankScratch();
  // Per phrase clause of two words, its per-slot counts (see PhraseCounts),
  // kept between queries as `scratch` is.
  private readonly phraseScratch: PhraseCounts[] = [];
  // How many documents were put or removed: a change while the postings
  // are built in steps (see `preparing`) starts them again.
  private changes = 0;
  // The pairs its documents keep (see keptPairs).
  private readonly pairsFrom: number;

  /// An empty index; `pairsFrom` is for tests only: a twin with
  /// `Number.POSITIVE_INFINITY` keeps only the pairs of two common words.
  constructor(options: { pairsFrom?: number } = {}) {
    this.pairsFrom = options.pairsFrom ?? keptFrom;
  }

  /// How many documents it holds.
  get size(): number {
    return this.documents.size;
  }

  /// How many words the indexed texts hold, and how many distinct words the
  /// index has seen.
  get stats(): { documents: number; words: number; vocabulary: number } {
    let words = 0;
    for (const document of this.documents.values()) words += document.length;
    return { documents: this.documents.size, words, vocabulary: this.vocabulary.size };
  }

  /// Whether the document `id` is indexed.
  has(id: string): boolean {
    return this.documents.has(id);
  }

  /// Indexes the canonical text of document `id`, replacing what was
  /// indexed under that id (a new revision keeps its place in the results).
  add(id: string, text: string): void {
    this.put(this.build(id, text));
  }

  /// The index of the canonical text of document `id`, not yet added (see
  /// `put`): a caller that stores it first adds it once it is stored.
  build(id: string, text: string): DocumentIndex {
    if (typeof id !== 'string' || id.length === 0) throw new RangeError('A document needs a non-empty id to be indexed.');
    if (typeof text !== 'string') throw new RangeError(`The text of document ${id} must be a string: its canonical text.`);
    return DocumentIndex.build(id, text, this.vocabulary, this.pairsFrom);
  }

  /// The words it has numbered from `from` on, in the order of their
  /// numbers: what a kept vocabulary lacks to read what `DocumentIndex.stored`
  /// and `lexicon` give.
  wordsFrom(from: number): string[] {
    return this.vocabulary.wordsFrom(from);
  }

  /// Numbers `words` after those it has (a kept vocabulary read back,
  /// before any document is restored); see Vocabulary.load.
  loadWords(words: readonly string[]): void {
    this.vocabulary.load(words);
  }

  /// The index of document `id` as stored between runs (see
  /// DocumentIndex.restore), its words numbered in this index's vocabulary,
  /// not yet added (see `put`).
  restore(id: string, text: string, stored: StoredDocumentIndex): DocumentIndex {
    return DocumentIndex.restore(id, text, stored, this.vocabulary);
  }

  /// A document's lexicon as stored between runs (see DocumentLexicon),
  /// numbered in this index's vocabulary, not yet added (see `put`).
  restoreLexicon(id: string, stored: StoredLexicon): DocumentLexicon {
    return DocumentLexicon.restore(id, stored, this.vocabulary);
  }

  /// Adds a document's index built by this index's `build` or `restore`, or
  /// its lexicon from `restoreLexicon`, replacing what was indexed under
  /// its id.
  put(document: DocumentIndex | DocumentLexicon): void {
    this.changes++;
    this.order = null;
    this.documents.set(document.id, document);
    this.postings?.put(document.id, document, () => this.documents);
  }

  /// Puts the whole index of a document held by its lexicon in its place:
  /// the same text (the caller checked its revision), so the same words.
  fill(document: DocumentIndex): void {
    const lexicon = this.documents.get(document.id);
    if (!(lexicon instanceof DocumentLexicon)) throw new RangeError(`Document ${document.id} is not held by its lexicon: put its index instead.`);
    document.adoptPairs(lexicon.pairs);
    this.documents.set(document.id, document);
    this.postings?.replace(document.id, document);
  }

  /// Whether document `id` is held by its lexicon only, its whole index
  /// not yet read.
  isLexiconOnly(id: string): boolean {
    return this.documents.get(id) instanceof DocumentLexicon;
  }

  /// The ids of the documents held by their lexicon only that `search`
  /// with the same query and options needs the whole index of: every one
  /// that may hold a phrase of the query it cannot count from its lexicon
  /// (to count it), and those whose hits fall on the page asked for (to
  /// list them). Words, prefixes and phrases of two words common in a
  /// document (see DocumentLexicon.pairCount) are counted from lexicons.
  needs(query: string | Query, options: SearchOptions): string[] {
    const { limit, skip = 0, documentId } = options;
    const parsed = typeof query === 'string' ? parseQuery(query) : query;
    const matchers = parsed.clauses.map((clause) => new ClauseMatcher(clause, this.vocabulary));
    if (matchers.length === 0 || matchers.some((m) => m.impossible)) return [];
    const overlapping = matchers.some((m, i) => matchers.some((n, j) => j > i && m.overlaps(n)));
    const positional = overlapping || matchers.some((m) => m.needsPositions);
    let candidates: Iterable<DocumentIndex | DocumentLexicon> = this.documents.values();
    if (documentId !== undefined) {
      const only = this.documents.get(documentId);
      candidates = only ? [only] : [];
    }
    const needed: string[] = [];
    let total = 0;
    const pageEnd = skip + (Number.isInteger(limit) && limit > 0 ? limit : 0);
    for (const document of candidates) {
      if (!matchers.every((m) => m.mayOccurIn(document))) continue;
      // A lexicon counts words, prefixes and phrases of two words common
      // in it (their pairs are kept); any other phrase, and clauses that
      // may match the same place, need the whole index.
      if (overlapping || (positional && !matchers.every((m) => m.countableIn(document)))) {
        if (document instanceof DocumentLexicon) needed.push(document.id);
        continue;
      }
      let count = 0;
      for (const m of matchers) count += m.count(document);
      const first = total;
      total += count;
      if (first < pageEnd && total > skip && document instanceof DocumentLexicon) needed.push(document.id);
    }
    return needed;
  }

  /// Forgets document `id`; returns whether it was indexed.
  remove(id: string): boolean {
    const removed = this.documents.delete(id);
    if (removed) this.changes++;
    if (removed) this.order = null;
    if (removed) this.postings?.remove(id, () => this.documents);
    return removed;
  }

  /// Forgets every document.
  clear(): void {
    this.changes++;
    this.documents.clear();
    this.postings = null;
    this.order = null;
  }

  /// The ids of the documents matching `query`, most matches first (ties
  /// by id), at most `limit`: what a search engine's ranked list is, without the
  /// places. Words and prefixes are counted from the corpus's postings, so
  /// only the documents holding them are visited; a phrase is then checked
  /// in the documents holding all its words.
  rank(query: string | Query, limit: number): string[] {
    if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`The number of documents to rank must be a whole number of at least 0, not ${limit}.`);
    const parsed = typeof query === 'string' ? parseQuery(query) : query;
    const matchers = parsed.clauses.map((clause) => new ClauseMatcher(clause, this.vocabulary));
    if (matchers.length === 0 || matchers.some((m) => m.impossible)) return [];
    // Clauses that can match the same place count distinct places: as search does.
    if (matchers.some((m, i) => matchers.some((n, j) => j > i && m.overlaps(n)))) {
      return this.search(parsed, { limit: 0 })
        .documents.sort((a, b) => b.count - a.count || (a.documentId < b.documentId ? -1 : 1))
        .slice(0, limit)
        .map((d) => d.documentId);
    }
    this.postings ??= Postings.of(this.documents, (term) => this.vocabulary.term(term));
    const postings = this.postings;
    // One word or short prefix: the head of its list in ranked order, no
    // document counted (see Postings.top).
    if (matchers.length === 1 && !matchers[0]!.needsPositions) {
      const top = postings.top(matchers[0]!.sets[0]!, limit);
      if (top !== null) return top;
    }
    // One phrase of two words whose pair is kept where it stands often: the
    // head of the pair's list, when it is long enough (see Postings.topPair).
    const pair = matchers.length === 1 ? matchers[0]!.pair : null;
    if (pair !== null && pair[0] < pairRange && pair[1] < pairRange) {
      const top = postings.topPair(pair[0] * pairRange + pair[1], this.pairsFrom, limit);
      if (top !== null) return top;
    }
    const scratch = this.scratch.fit(postings.slotCount);
    const { counts, held, touched, picked } = scratch;
    const { phrases, found, need } = collectWords(postings, matchers, scratch);
    let kept = 0;
    for (let k = 0; k < found; k++) {
      const slot = touched[k]!;
      if (held[slot] === need && postings.idAt(slot) !== null) picked[kept++] = slot;
    }
    const pairs = this.readPhrases(postings, phrases);
    try {
      const { placeOf, slotAt } = postings.byId();
      const idOf = (slot: number) => postings.idAt(slot)!;
      // Phrases of two words: a document's words' counts bound its count,
      // so the phrases are checked only in the documents that can still
      // reach the first `limit` (see RankScratch.bounded).
      // Fewer candidates than asked for are all checked: the bound would
      // only cost.
      if (phrases.length > 0 && kept > limit && pairs.every((pair) => pair !== null)) {
        const read = pairs as PhraseCounts[];
        const bound = (slot: number) => {
          let sum = counts[slot]!;
          for (let p = 0; p < read.length; p++) {
            const reach = read[p]!.boundAt(slot);
            if (reach === 0) return 0;
            sum += reach;
          }
          return sum;
        };
        const exact = (slot: number) => {
          const document = postings.documentAt(slot)!;
          let sum = counts[slot]!;
          for (let p = 0; p < read.length; p++) {
            const count = read[p]!.countAt(slot, document);
            if (count === 0) return 0;
            sum += count;
          }
          return sum;
        };
        // The documents whose first phrase is kept first: where a phrase
        // stands often they fill the first `limit`, and a document whose
        // pair is not kept (fewer than `pairsFrom` times) is then passed
        // over by its bound, its places not read.
        let front = 0;
        for (let k = 0; k < kept; k++) {
          const slot = picked[k]!;
          if (!read[0]!.keptAt(slot)) continue;
          picked[k] = picked[front]!;
          picked[front++] = slot;
        }
        return scratch.bounded(kept, limit, placeOf, slotAt, idOf, bound, exact);
      }
      for (let p = 0; p < phrases.length; p++) {
        const m = phrases[p]!;
        const pair = pairs[p];
        let still = 0;
        for (let k = 0; k < kept; k++) {
          const slot = picked[k]!;
          const document = postings.documentAt(slot)!;
          const count = pair ? pair.countAt(slot, document) : m.count(document);
          if (count === 0) continue;
          counts[slot]! += count;
          picked[still++] = slot;
        }
        kept = still;
      }
      return scratch.order(kept, limit, placeOf, slotAt, idOf);
    } finally {
      for (const pair of pairs) pair?.done();
      scratch.clear(found);
    }
  }

  /// Finds `query` (a string as typed, see parseQuery) in every document, or
  /// in `options.documentId` only. A query with no words finds nothing.
  search(query: string | Query, options: SearchOptions): SearchResults {
    const { limit, skip = 0, documentId } = options;
    if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`The limit of hits to list must be a whole number of at least 0, not ${limit}.`);
    if (!Number.isInteger(skip) || skip < 0) throw new RangeError(`The number of hits to skip must be a whole number of at least 0, not ${skip}.`);
    const parsed = typeof query === 'string' ? parseQuery(query) : query;
    const matchers = parsed.clauses.map((clause) => new ClauseMatcher(clause, this.vocabulary));
    const none: SearchResults = { total: 0, documents: [] };
    if (matchers.length === 0 || matchers.some((m) => m.impossible)) return none;
    // Two clauses that can match the same place (`alb* albania`) would list
    // it twice; such queries count distinct places, at the cost of listing
    // them all.
    const overlapping = matchers.some((m, i) => matchers.some((n, j) => j > i && m.overlaps(n)));
    let candidates: Iterable<DocumentIndex | DocumentLexicon> = this.documents.values();
    if (documentId !== undefined) {
      const only = this.documents.get(documentId);
      if (!only) return none;
      candidates = [only];
    }
    // Single words first: their counts are look-ups, and a document missing
    // one is passed over before any phrase is checked in it.
    const cheapestFirst = [...matchers].sort((a, b) => a.sets.length - b.sets.length);
    // Over the whole corpus, once the postings are built (see `prepare`),
    // the words' and prefixes' counts are read from their lists, as `rank`
    // reads them: a document missing a word costs a look-up, not a search
    // of its words per clause (for `co*`, per word of the prefix).
    const counted = !overlapping && documentId === undefined && this.postings !== null ? this.countWords(matchers) : null;
    const documents: DocumentHits[] = [];
    let total = 0;
    const pageEnd = skip + limit;
    // Counts `document` (in `slot` of the postings when `counted`) and lists
    // it, with its hits when they fall on the page.
    const visit = (document: DocumentIndex | DocumentLexicon, slot: number) => {
      let spans: number[] | null = null;
      let count = 0;
      if (counted) {
        count = counted.countAt(slot);
        for (let p = 0; p < counted.phrases.length; p++) {
          const pair = counted.pairs[p];
          const c = pair ? pair.countAt(slot, document) : counted.phrases[p]!.count(document);
          if (c === 0) {
            count = 0;
            break;
          }
          count += c;
        }
      } else if (overlapping) {
        if (!matchers.every((m) => m.mayOccurIn(document))) return;
        if (!(document instanceof DocumentIndex)) throw new RangeError(`Document ${document.id} was searched before its index was read.`);
        spans = allSpans(document, matchers);
        count = spans.length / 2;
      } else {
        // Every clause must occur: a phrase whose words are all here may not.
        for (const m of cheapestFirst) {
          const c = m.count(document);
          if (c === 0) {
            count = 0;
            break;
          }
          count += c;
        }
      }
      if (count === 0) return;
      const first = total;
      total += count;
      const hits: DocumentHits['hits'] = [];
      if (first < pageEnd && total > skip) {
        if (!(document instanceof DocumentIndex)) throw new RangeError(`The hits of document ${document.id} were listed before its index was read.`);
        spans ??= allSpans(document, matchers);
        const from = Math.max(0, skip - first);
        const to = Math.min(count, pageEnd - first);
        for (let k = from; k < to; k++) {
          const start = spans[2 * k]!;
          const end = spans[2 * k + 1]!;
          hits.push({ start, end, ...contextLine(document.text, start, end) });
        }
      }
      documents.push({ documentId: document.id, count, hits });
    };
    // A query cut short (a lexicon asked for hits) leaves the scratch clear.
    try {
      if (counted) {
        // The slots in the documents' order: one lacking a word is passed
        // over by one read of a small array, its document not touched (at
        // thousands of documents, each touched is a few cache misses).
        const postings = this.postings!;
        const order = this.slotOrder(postings);
        for (let k = 0; k < order.length; k++) {
          const slot = order[k]!;
          if (counted.holds(slot)) visit(postings.documentAt(slot)!, slot);
        }
      } else for (const document of candidates) visit(document, -1);
    } finally {
      counted?.done();
    }
    return { total, documents };
  }

  /// Builds the corpus's postings now (`rank` and `search` build or use
  /// them), so that the query that would have built them does not wait.
  prepare(): void {
    for (const _ of this.preparing(Number.POSITIVE_INFINITY));
  }

  /// `prepare` in steps, yielding after every `every` documents read:
  /// a launch's background work builds the postings of thousands of
  /// documents (seconds) between queries, which meanwhile count document
  /// by document. A document added or removed meanwhile starts it again.
  *preparing(every: number): Generator<void> {
    while (this.postings === null) {
      const changes = this.changes;
      const steps = Postings.building(this.documents, (term) => this.vocabulary.term(term), every);
      let step = steps.next();
      while (!step.done) {
        yield;
        if (this.changes !== changes || this.postings !== null) break;
        step = steps.next();
      }
      if (!step.done || this.postings !== null) continue;
      const postings = step.value;
      // A document's whole index read meanwhile (fill) took its lexicon's
      // place: the same words, so only the document is put in its slot.
      for (const [id, document] of this.documents) postings.replace(id, document);
      this.postings = postings;
      this.order = null;
    }
  }

  // The word and prefix clauses of `matchers` counted in every document
  // from the postings into the scratch arrays: `countIn` answers a
  // document's summed count, or -1 unless it holds every one of them (and,
  // with only phrases, the rarest word of the first); `done` clears the
  // arrays for the next query.
  private countWords(matchers: readonly ClauseMatcher[]): {
    phrases: ClauseMatcher[];
    pairs: (PhraseCounts | null)[];
    holds: (slot: number) => boolean;
    countAt: (slot: number) => number;
    done: () => void;
  } {
    const postings = this.postings!;
    const scratch = this.scratch.fit(postings.slotCount);
    const { counts, held } = scratch;
    const { phrases, found, need } = collectWords(postings, matchers, scratch);
    const pairs = this.readPhrases(postings, phrases);
    return {
      phrases,
      pairs,
      holds: (slot) => held[slot] === need,
      countAt: (slot) => counts[slot]!,
      done: () => {
        for (const pair of pairs) pair?.done();
        this.scratch.clear(found);
      },
    };
  }

  // The postings' slots in the order of the documents (see `order`).
  private slotOrder(postings: Postings<DocumentIndex | DocumentLexicon>): Int32Array {
    this.order ??= Int32Array.from(this.documents.keys(), (id) => postings.slotOf(id));
    return this.order;
  }

  // Per phrase of `phrases`, its counts read from the postings when it is
  // two single words (see PhraseCounts), else null: each counted document
  // by document. Each read one is to be done with after the query.
  private readPhrases(postings: Postings<DocumentIndex | DocumentLexicon>, phrases: readonly ClauseMatcher[]): (PhraseCounts | null)[] {
    let used = 0;
    return phrases.map((m) => {
      const pair = m.pair;
      if (pair === null) return null;
      const counter = (this.phraseScratch[used++] ??= new PhraseCounts(this.pairsFrom));
      return counter.read(postings, pair[0], pair[1]);
    });
  }
}

// Counts the word and prefix clauses of `matchers` from `postings` into
// `scratch`: the rarest word's lists name the only documents that can
// match, and each further word counts only in those (see
// Postings.intersect); with only phrases, the documents holding the rarest
// word of the first. A document matches every word when its `held` is
// `need`; `found` slots were touched, to be cleared after.
function collectWords(postings: Postings, matchers: readonly ClauseMatcher[], scratch: RankScratch): { phrases: ClauseMatcher[]; found: number; need: number } {
  const { counts, held, touched } = scratch;
  const words = matchers.filter((m) => !m.needsPositions).sort((a, b) => postings.size(a.sets[0]!) - postings.size(b.sets[0]!));
  const phrases = matchers.filter((m) => m.needsPositions);
  let found: number;
  if (words.length > 0) {
    found = postings.collect(words[0]!.sets[0]!, counts, held, touched, true);
    for (let c = 1; c < words.length; c++) postings.intersect(words[c]!.sets[0]!, counts, held, c);
  } else {
    let rarest = phrases[0]!.sets[0]!;
    for (const set of phrases[0]!.sets) if (postings.size(set) < postings.size(rarest)) rarest = set;
    found = postings.collect(rarest, counts, held, touched, false);
  }
  return { phrases, found, need: Math.max(words.length, 1) };
}

/// Every clause's occurrences in `document`, in text order, each place once,
/// as [start, end] pairs; empty unless every clause occurs.
function allSpans(document: DocumentIndex, matchers: readonly ClauseMatcher[]): number[] {
  if (matchers.length === 1) {
    const spans: number[] = [];
    matchers[0]!.spans(document, spans);
    return spans;
  }
  const lists = matchers.map((m) => {
    const spans: number[] = [];
    m.spans(document, spans);
    return spans;
  });
  if (lists.some((l) => l.length === 0)) return [];
  const pairs: [number, number][] = [];
  for (const list of lists) for (let i = 0; i < list.length; i += 2) pairs.push([list[i]!, list[i + 1]!]);
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: number[] = [];
  for (const [start, end] of pairs) {
    if (out.length > 0 && out[out.length - 2] === start && out[out.length - 1] === end) continue;
    out.push(start, end);
  }
  return out;
}
