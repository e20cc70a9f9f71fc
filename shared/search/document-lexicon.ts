import { type Offsets, commonCount, pairIn, pairRange } from './document-index';
import type { TermSet } from './term-set';
import type { Vocabulary } from './vocabulary';

/// One document's distinct words and how often each occurs, without their
/// positions or offsets: enough to count a word or a prefix in it, not to
/// list a hit or check a phrase. A kept index reads these back at a launch
/// (a few tens of kilobytes a document) and reads a document's whole index
/// only when a query needs its places (see SearchIndex.needs), so the
/// first answer does not wait for every document's index.
export class DocumentLexicon {
  readonly id: string;
  /// How many words the document has.
  readonly length: number;
  // The distinct words' numbers, increasing, and each one's count: two
  // bytes each when they fit (see DocumentIndex.lexicon).
  private readonly distinct: Offsets;
  private readonly counts: Offsets;
  // Its kept pairs and their counts, as the whole index has them (see
  // keptPairs): a phrase of two common words, or one standing often, is
  // counted from the lexicon, with no segment read.
  private readonly pairKeys: Float64Array;
  private readonly pairCounts: Int32Array;

  private constructor(id: string, length: number, distinct: Offsets, counts: Offsets, pairKeys: Float64Array, pairCounts: Int32Array) {
    this.id = id;
    this.length = length;
    this.distinct = distinct;
    this.counts = counts;
    this.pairKeys = pairKeys;
    this.pairCounts = pairCounts;
  }

  /// A document's lexicon from what `DocumentIndex.lexicon()` stored, its
  /// numbers those of `vocabulary` (kept between runs beside it): no string
  /// made, no sort. Throws a RangeError naming the document when the
  /// numbers and counts do not agree or a number is not the vocabulary's.
  static restore(id: string, stored: StoredLexicon, vocabulary: Vocabulary): DocumentLexicon {
    const { terms, counts, pairKeys, pairCounts } = stored;
    if (!isNumbers(terms) || !isNumbers(counts) || terms.length !== counts.length)
      throw new RangeError(`The stored words of document ${id} are damaged: ${terms?.length} words but ${counts?.length} counts.`);
    if (!(pairKeys instanceof Float64Array) || !(pairCounts instanceof Int32Array) || pairKeys.length !== pairCounts.length)
      throw new RangeError(`The stored pairs of document ${id} are damaged: ${pairKeys?.length} pairs but ${pairCounts?.length} counts.`);
    for (let j = 1; j < pairKeys.length; j++)
      if (!(pairKeys[j]! > pairKeys[j - 1]!)) throw new RangeError(`The stored pairs of document ${id} are damaged: pair ${j} is out of order.`);
    // One pass checks the words and sums their counts: at a launch this
    // loop runs over every lexicon's numbers (some 12 million at 5,000
    // documents), and a second pass for the sum read them all again.
    const known = vocabulary.size;
    const n = terms.length;
    let next = 0;
    let length = 0;
    for (let k = 0; k < n; k++) {
      const term = terms[k]!;
      const count = counts[k]!;
      if (term < next || term >= known || count <= 0)
        throw new RangeError(`The stored words of document ${id} are damaged: word ${k} is numbered ${term} with count ${count}.`);
      next = term + 1;
      length += count;
    }
    return new DocumentLexicon(id, length, terms, counts, pairKeys, pairCounts);
  }

  /// Calls `visit` with each distinct word's number and count.
  forEachWord(visit: (term: number, count: number) => void): void {
    for (let k = 0; k < this.distinct.length; k++) visit(this.distinct[k]!, this.counts[k]!);
  }

  /// Calls `visit` with each of its kept pairs' keys and counts.
  forEachPair(visit: (key: number, count: number) => void): void {
    for (let j = 0; j < this.pairKeys.length; j++) visit(this.pairKeys[j]!, this.pairCounts[j]!);
  }

  /// How many of its words are in `set`.
  countOf(set: TermSet): number {
    if (set.single >= 0) return this.countAt(this.rankOf(set.single));
    let sum = 0;
    const ids = set.ids;
    if (ids.length * 16 < this.distinct.length) {
      for (const id of ids) sum += this.countAt(this.rankOf(id));
      return sum;
    }
    for (let k = 0; k < this.distinct.length; k++) if (set.has(this.distinct[k]!)) sum += this.counts[k]!;
    return sum;
  }

  /// How often word `first` is followed by word `second` in one paragraph
  /// when its kept pairs can tell (see DocumentIndex.pairCount), or -1:
  /// then only the document's whole index can.
  pairCount(first: number, second: number): number {
    if (first >= pairRange || second >= pairRange) return -1;
    const kept = pairIn(this.pairKeys, this.pairCounts, first * pairRange + second);
    if (kept > 0) return kept;
    if (this.countAt(this.rankOf(first)) < commonCount || this.countAt(this.rankOf(second)) < commonCount) return -1;
    return 0;
  }

  /// Its kept pairs as stored (see DocumentIndex.adoptPairs).
  get pairs(): [Float64Array, Int32Array] {
    return [this.pairKeys, this.pairCounts];
  }

  private countAt(rank: number): number {
    return rank < 0 ? 0 : this.counts[rank]!;
  }

  // The index of word `id` in `distinct`, or -1: searched below its own
  // number, as rankIn does (written out here, where the array may hold two
  // bytes a number, so that rankIn keeps to one kind of array).
  private rankOf(id: number): number {
    const distinct = this.distinct;
    let lo = 0;
    let hi = Math.min(distinct.length - 1, id);
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = distinct[mid]!;
      if (at === id) return mid;
      if (at < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}

// Whether a stored array holds word numbers or counts: made once, not a
// closure per lexicon restored.
function isNumbers(array: unknown): array is Offsets {
  return array instanceof Int32Array || array instanceof Uint16Array;
}

/// A document's lexicon as stored between runs: its distinct words by
/// their numbers in the kept vocabulary, increasing, the count of each,
/// and its kept pairs with theirs (see keptPairs; rows of the search
/// database's version 3 kept only those of two common words).
/// Typed arrays, which IndexedDB copies in one piece each, and a launch
/// reads without making a string per word; words and counts take two bytes
/// each when they fit (rows written before that hold four, and read back).
export interface StoredLexicon {
  terms: Offsets;
  counts: Offsets;
  /// Its kept pairs (see keptPairs): keys increasing.
  pairKeys: Float64Array;
  pairCounts: Int32Array;
}
