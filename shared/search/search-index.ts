import { ClauseMatcher } from './clause-match';
import { DocumentIndex, type StoredDocumentIndex } from './document-index';
import { contextLine } from './kwic';
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
  // In insertion order, which results follow; replacing keeps the place.
  private readonly documents = new Map<string, DocumentIndex>();

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
    return DocumentIndex.build(id, text, this.vocabulary);
  }

  /// The index of document `id` as stored between runs (see
  /// DocumentIndex.restore), rebuilt in this index's vocabulary, not yet
  /// added (see `put`).
  restore(id: string, text: string, stored: StoredDocumentIndex): DocumentIndex {
    return DocumentIndex.restore(id, text, stored, this.vocabulary);
  }

  /// Adds a document's index built by this index's `build` or `restore`,
  /// replacing what was indexed under its id.
  put(document: DocumentIndex): void {
    this.documents.set(document.id, document);
  }

  /// Forgets document `id`; returns whether it was indexed.
  remove(id: string): boolean {
    return this.documents.delete(id);
  }

  /// Forgets every document.
  clear(): void {
    this.documents.clear();
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
    let candidates: Iterable<DocumentIndex> = this.documents.values();
    if (documentId !== undefined) {
      const only = this.documents.get(documentId);
      if (!only) return none;
      candidates = [only];
    }
    // Single words first: their counts are look-ups, and a document missing
    // one is passed over before any phrase is checked in it.
    const cheapestFirst = [...matchers].sort((a, b) => a.sets.length - b.sets.length);
    const documents: DocumentHits[] = [];
    let total = 0;
    const pageEnd = skip + limit;
    for (const document of candidates) {
      let spans: number[] | null = null;
      let count = 0;
      if (overlapping) {
        if (!matchers.every((m) => m.mayOccurIn(document))) continue;
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
      if (count === 0) continue;
      const first = total;
      total += count;
      const hits: DocumentHits['hits'] = [];
      if (first < pageEnd && total > skip) {
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
    }
    return { total, documents };
  }
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
