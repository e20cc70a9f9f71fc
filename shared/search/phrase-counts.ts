import { DocumentIndex, commonCount, keptFrom, pairRange } from './document-index';
import type { DocumentLexicon } from './document-lexicon';
import type { Postings } from './postings';

/// A phrase of two single words ("of the", "soviet leaders") counted over
/// the corpus from its postings: per slot, each word's count and the kept
/// pair's, read from three lists. Where both words are common in a document
/// (see DocumentIndex.pairCount) the pair's count is the answer, with no
/// look-up among the document's own arrays, which at thousands of documents
/// are a few cache misses each; where either word is missing it is none;
/// only elsewhere (a rarer word) are the document's places checked. The
/// per-slot arrays are kept from one query to the next and cleared through
/// the same lists, so a query allocates nothing in proportion to the corpus.
export class PhraseCounts {
  private firsts = new Int32Array(0);
  private seconds = new Int32Array(0);
  private pairs = new Int32Array(0);
  private first = -1;
  private second = -1;
  // Whether `firsts` and `seconds` hold the words' counts (see `words`).
  private spread = false;
  private postings: Postings<DocumentIndex | DocumentLexicon> | null = null;

  /// Counts over documents that keep the pairs standing `pairsFrom` times
  /// or more (see keptPairs).
  constructor(private readonly pairsFrom = keptFrom) {}

  /// Reads the lists of the phrase `first second` (word numbers) from
  /// `postings`, for `countAt`, until `done`.
  read(postings: Postings<DocumentIndex | DocumentLexicon>, first: number, second: number): this {
    // A query cut short by an error left its phrase read: cleared first.
    this.done();
    const slots = postings.slotCount;
    if (this.firsts.length < slots) {
      const size = Math.max(slots, this.firsts.length * 2, 64);
      this.firsts = new Int32Array(size);
      this.seconds = new Int32Array(size);
      this.pairs = new Int32Array(size);
    }
    this.postings = postings;
    this.first = first;
    this.second = second;
    // The pair's list first, its words' lists only when a document without
    // the pair is met (see `words`): "of the" is kept in every document
    // holding it, and at 1,000 texts its words' lists are 2,000 entries to
    // write and clear again for nothing.
    if (this.kept) postings.spreadPair(first * pairRange + second, this.pairs, false);
    else this.words();
    return this;
  }

  /// How often the phrase stands in `document`, the document in `slot`. A
  /// document held by its lexicon can tell only where both words are
  /// common in it or one is missing (see SearchIndex.needs); otherwise its
  /// whole index must have been read.
  countAt(slot: number, document: DocumentIndex | DocumentLexicon): number {
    // A kept pair is the answer.
    if (this.kept && this.pairs[slot]! > 0) return this.pairs[slot]!;
    this.words();
    const a = this.firsts[slot]!;
    const b = this.seconds[slot]!;
    if (a === 0 || b === 0) return 0;
    // None kept of two common words is none.
    if (this.kept && a >= commonCount && b >= commonCount) return 0;
    if (!(document instanceof DocumentIndex)) throw new RangeError(`A phrase was counted in document ${document.id} before its index was read.`);
    // The postings' pair lists are the documents' kept pairs: a pair not
    // kept there is not kept in it (nor is any whose words' numbers are
    // past pairRange), so its own pairs are not searched again.
    return document.placesCount(this.first, this.second);
  }

  /// At least `countAt(slot, …)`, read from the lists alone: the pair's
  /// count where it is kept, else the fewer of its two words' counts (each
  /// place of the phrase holds one of each), and below `pairsFrom` when the
  /// pair is not kept (see keptPairs); 0 where either word is missing.
  boundAt(slot: number): number {
    if (this.kept && this.pairs[slot]! > 0) return this.pairs[slot]!;
    this.words();
    const a = this.firsts[slot]!;
    const b = this.seconds[slot]!;
    if (a === 0 || b === 0) return 0;
    if (!this.kept) return Math.min(a, b);
    if (a >= commonCount && b >= commonCount) return 0;
    return Math.min(a, b, this.pairsFrom - 1);
  }

  /// Whether its pair's count in `slot` is kept, so that `countAt` reads
  /// no place there.
  keptAt(slot: number): boolean {
    return this.kept && this.pairs[slot]! > 0;
  }

  /// Clears what `read` wrote, for the next phrase.
  done(): void {
    const postings = this.postings;
    if (postings === null) return;
    if (this.spread) {
      postings.spreadWord(this.first, this.firsts, true);
      postings.spreadWord(this.second, this.seconds, true);
      this.spread = false;
    }
    if (this.kept) postings.spreadPair(this.first * pairRange + this.second, this.pairs, true);
    this.postings = null;
  }

  // Writes its words' counts per slot, once a query needs them.
  private words(): void {
    if (this.spread) return;
    this.spread = true;
    this.postings!.spreadWord(this.first, this.firsts, false);
    this.postings!.spreadWord(this.second, this.seconds, false);
  }

  // Whether the pairs of its words are kept (see pairRange).
  private get kept(): boolean {
    return this.first < pairRange && this.second < pairRange;
  }
}
