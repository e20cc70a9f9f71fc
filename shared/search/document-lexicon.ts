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

  /// A document's lexicon from what `DocumentIndex.lexicon()` stored, its
  /// numbers those of `vocabulary` (kept between runs beside it): no string
  /// made, no sort. Throws a RangeError naming the document when the
  /// numbers and counts do not agree or a number is not the vocabulary's.
  static restore(id: string, stored: StoredLexicon, vocabulary: Vocabulary): DocumentLexicon {
    const { terms, counts } = stored;
    if (!(terms instanceof Int32Array) || !(counts instanceof Int32Array) || terms.length !== counts.length)
      throw new RangeError(`The stored words of document ${id} are damaged: ${terms?.length} words but ${counts?.length} counts.`);
    for (let k = 0; k < terms.length; k++) {
      if (terms[k]! < (k === 0 ? 0 : terms[k - 1]! + 1) || terms[k]! >= vocabulary.size || counts[k]! <= 0)
        throw new RangeError(`The stored words of document ${id} are damaged: word ${k} is numbered ${terms[k]} with count ${counts[k]}.`);
    }
    return new DocumentLexicon(id, terms, counts);
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

/// A document's lexicon as stored between runs: its distinct words by
/// their numbers in the kept vocabulary, increasing, and the count of each.
/// Two typed arrays, which IndexedDB copies in one piece each, and a launch
/// reads without making a string per word.
export interface StoredLexicon {
  terms: Int32Array;
  counts: Int32Array;
}
