import type { TermSet } from './term-set';
import type { Vocabulary } from './vocabulary';
import { indexIn } from './sorted';

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
  // The distinct words' numbers, increasing, and each one's count.
  private readonly distinct: Int32Array;
  private readonly counts: Int32Array;

  private constructor(id: string, distinct: Int32Array, counts: Int32Array) {
    this.id = id;
    this.distinct = distinct;
    this.counts = counts;
    let length = 0;
    for (const count of counts) length += count;
    this.length = length;
  }

  /// A document's lexicon from what `DocumentIndex.lexicon()` stored,
  /// numbering its words in `vocabulary`. Throws a RangeError naming the
  /// document when the stored words and counts do not agree.
  static restore(id: string, stored: StoredLexicon, vocabulary: Vocabulary): DocumentLexicon {
    const words = stored.words.length === 0 ? [] : stored.words.split('\n');
    if (words.length !== stored.counts.length)
      throw new RangeError(`The stored words of document ${id} are damaged: ${words.length} words but ${stored.counts.length} counts.`);
    // Sorted by their numbers in this run's vocabulary, as a count looks
    // them up: each number and its place packed into one double, so one
    // native sort orders both.
    const packed = new Float64Array(words.length);
    for (let k = 0; k < words.length; k++) packed[k] = vocabulary.add(words[k]!) * placeRange + k;
    packed.sort();
    const distinct = new Int32Array(words.length);
    const counts = new Int32Array(words.length);
    for (let k = 0; k < packed.length; k++) {
      const value = packed[k]!;
      const place = value % placeRange;
      distinct[k] = (value - place) / placeRange;
      counts[k] = stored.counts[place]!;
    }
    return new DocumentLexicon(id, distinct, counts);
  }

  /// Calls `visit` with each distinct word's number and count.
  forEachWord(visit: (term: number, count: number) => void): void {
    for (let k = 0; k < this.distinct.length; k++) visit(this.distinct[k]!, this.counts[k]!);
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

  private countAt(rank: number): number {
    return rank < 0 ? 0 : this.counts[rank]!;
  }

  // The index of word `id` in `distinct`, or -1.
  private rankOf(id: number): number {
    return indexIn(this.distinct, id);
  }
}

// A document has fewer distinct words than this; a word's number times it,
// plus a place, stays an exact double for vocabularies of billions.
const placeRange = 2 ** 21;

/// A document's lexicon as stored between runs: its distinct folded words,
/// joined by line breaks (one string, which IndexedDB copies in one piece,
/// where an array of thousands of strings costs thousands), and the count
/// of each.
export interface StoredLexicon {
  words: string;
  counts: Int32Array;
}
