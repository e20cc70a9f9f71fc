import { blockSeparator } from '../document/model';
import type { StoredLexicon } from './document-lexicon';
import type { TermSet } from './term-set';
import { forEachToken } from './tokenize';
import type { Vocabulary } from './vocabulary';
import { gallop, indexIn, rankIn } from './sorted';

/// One document's words, in text order, as parallel typed arrays: word i is
/// at [starts[i], end(i)) of the document's canonical text. Beside them, the
/// document's distinct words, sorted, each with the positions where it
/// occurs: whether a document holds a word, and how often, is a binary
/// search, so a query's counts over a whole corpus cost microseconds; and a
/// phrase is checked only where its rarest word stands, not at every word
/// of the document. Which word stands at a place is not kept: every reader
/// asks where a word stands, and the word numbers in text order (a quarter
/// of the index) are made again from the positions to store or to make its
/// pairs (see `stored`). Five bytes a word for a text under 65,536
/// characters (a two-byte start and position, a one-byte length), nine
/// beyond, in a few large arrays the garbage collector does not walk.
export class DocumentIndex {
  readonly id: string;
  /// The canonical text the offsets point into.
  readonly text: string;
  /// Where each word starts: two bytes a word when the text is shorter
  /// than 65,536 characters, as most transcriptions are.
  readonly starts: Offsets;
  // Each word's length in characters, one byte a word; a word of 255 or
  // more (a run of digits, a URL) has 255 here and its end in `longEnds`.
  private readonly lengths: Uint8Array;
  private readonly longEnds: Map<number, number> | null;
  /// The positions of the words that begin a paragraph (a block of the
  /// canonical text) other than the first, increasing: a phrase does not run
  /// across one. A few hundred numbers, where testing the text between two
  /// words would read the offsets of every candidate.
  readonly paragraphStarts: Int32Array;
  // The distinct words, increasing; word distinct[k] occurs at the positions
  // positions[firsts[k]] … positions[firsts[k + 1] - 1], increasing.
  // Positions and their bounds take two bytes each in a document of fewer
  // than 65,536 words, the distinct words' numbers while the vocabulary
  // has at most 65,536 words (as the word numbers in `terms`).
  private readonly distinct: Offsets;
  private readonly firsts: Offsets;
  private readonly positions: Offsets;
  // Its kept pairs (see keptPairs), within a paragraph: key first *
  // pairRange + second, increasing, and how often each pair stands. A
  // phrase of two common words ("of the") is then counted by one look-up,
  // where checking it at every place of the rarer word would read tens of
  // thousands of positions, and a pair absent from them is known to stand
  // fewer than `pairsFrom` times, which bounds a ranking without a check.
  // Made when a phrase first looks one up: a document read back to list
  // a word's hits (a launch's first query) does not pay for them.
  private pairKeys: Float64Array | null = null;
  private pairCounts: Int32Array = new Int32Array(0);
  // Pairs standing this often are kept whatever their words' counts (see
  // keptPairs); a twin without them passes infinity.
  private readonly pairsFrom: number;

  // `parts.terms` is not kept (see the class's comment).
  private constructor(id: string, text: string, parts: StoredDocumentIndex, pairsFrom = keptFrom) {
    this.pairsFrom = pairsFrom;
    this.id = id;
    this.text = text;
    this.starts = parts.starts;
    this.lengths = parts.lengths;
    let longEnds: Map<number, number> | null = null;
    for (let j = 0; j < parts.longEnds.length; j += 2) (longEnds ??= new Map()).set(parts.longEnds[j]!, parts.longEnds[j + 1]!);
    this.longEnds = longEnds;
    this.paragraphStarts = parts.paragraphStarts;
    this.distinct = parts.distinct;
    this.firsts = parts.firsts;
    this.positions = parts.positions;
  }

  // A document's arrays from its words' numbers and offsets.
  private static of(
    id: string,
    text: string,
    terms: Offsets,
    starts: Int32Array,
    ends: Int32Array,
    paragraphStarts: Int32Array,
    vocabularySize: number,
    pairsFrom: number,
  ): DocumentIndex {
    const lengths = new Uint8Array(terms.length);
    const longEnds: number[] = [];
    for (let i = 0; i < terms.length; i++) {
      const length = ends[i]! - starts[i]!;
      if (length < 255) lengths[i] = length;
      else {
        lengths[i] = 255;
        longEnds.push(i, ends[i]!);
      }
    }
    // A counting sort of the positions by word, in time linear in the words:
    // count each word, number the distinct words in order, then deal the
    // positions out. The per-word counters are shared scratch space, left
    // zeroed for the next document.
    if (counters.length < vocabularySize) counters = new Int32Array(Math.max(vocabularySize, counters.length * 2));
    const found: number[] = [];
    for (let i = 0; i < terms.length; i++) if (counters[terms[i]!]!++ === 0) found.push(terms[i]!);
    // Two bytes a number while they fit, as `terms` (see build).
    const distinct = vocabularySize <= 65536 ? Uint16Array.from(found).sort() : Int32Array.from(found).sort();
    const firsts = offsetArray(distinct.length + 1, terms.length);
    for (let k = 0; k < distinct.length; k++) {
      const term = distinct[k]!;
      firsts[k + 1] = firsts[k]! + counters[term]!;
      // From here on the counter is the next free slot of the word's positions.
      counters[term] = firsts[k]!;
    }
    const positions = offsetArray(terms.length, terms.length);
    for (let i = 0; i < terms.length; i++) positions[counters[terms[i]!]!++] = i;
    for (const term of distinct) counters[term] = 0;
    const kept = offsetArray(terms.length, text.length);
    kept.set(starts);
    return new DocumentIndex(
      id,
      text,
      {
        terms,
        starts: kept,
        lengths,
        longEnds: Int32Array.from(longEnds),
        paragraphStarts,
        distinct,
        firsts,
        positions,
      },
      pairsFrom,
    );
  }

  /// Indexes the canonical text `text` of the document `id`, numbering its
  /// words in `vocabulary`; `pairsFrom` is for tests only (see keptPairs).
  static build(id: string, text: string, vocabulary: Vocabulary, pairsFrom = keptFrom): DocumentIndex {
    // A word and its separator usually take at least two characters, but not
    // always: a character can fold to several words ("½" is "1⁄2", "℅" is
    // "c/o"), so the arrays grow when they are full (a typed array drops
    // writes past its end without a word) and are trimmed to what was used.
    let capacity = (text.length >> 1) + 1;
    let terms: Int32Array = new Int32Array(capacity);
    let starts: Int32Array = new Int32Array(capacity);
    let ends: Int32Array = new Int32Array(capacity);
    let n = 0;
    // Words hold no white space, so a block separator before a word's start
    // and not before the previous word's start lies between the two.
    const paragraphStarts: number[] = [];
    let nextBreak = text.indexOf(blockSeparator);
    forEachToken(text, (term, start, end) => {
      if (nextBreak >= 0 && nextBreak < start) {
        if (n > 0) paragraphStarts.push(n);
        nextBreak = text.indexOf(blockSeparator, start);
      }
      if (n === capacity) {
        capacity *= 2;
        terms = grown(terms, capacity);
        starts = grown(starts, capacity);
        ends = grown(ends, capacity);
      }
      terms[n] = vocabulary.add(term);
      starts[n] = start;
      ends[n++] = end;
    });
    // Word numbers in two bytes while the vocabulary has at most 65,536
    // words (the benchmark's corpus has about 8,000): a quarter of the
    // index. A document indexed once it has more keeps four bytes a word.
    const numbers = vocabulary.size <= 65536 ? Uint16Array.from(terms.subarray(0, n)) : terms.slice(0, n);
    return DocumentIndex.of(id, text, numbers, starts.subarray(0, n), ends.subarray(0, n), Int32Array.from(paragraphStarts), vocabulary.size, pairsFrom);
  }

  /// The document's index as plain data to store (see DocumentIndex.restore):
  /// its own arrays, its words by their vocabulary numbers, which the
  /// caller keeps with the vocabulary's words (see Vocabulary.wordsFrom).
  /// Not to be written to.
  stored(): StoredDocumentIndex {
    const longEnds: number[] = [];
    for (const [i, end] of this.longEnds ?? []) longEnds.push(i, end);
    // The word numbers in text order, dealt back from each distinct word's
    // positions: stored as before, so rows read back unchanged.
    const distinct = this.distinct;
    const terms = distinct.length > 0 && distinct[distinct.length - 1]! >= 65536 ? new Int32Array(this.length) : new Uint16Array(this.length);
    for (let k = 0; k < distinct.length; k++) for (let p = this.firsts[k]!; p < this.firsts[k + 1]!; p++) terms[this.positions[p]!] = distinct[k]!;
    return {
      terms,
      starts: this.starts,
      lengths: this.lengths,
      longEnds: Int32Array.from(longEnds),
      paragraphStarts: this.paragraphStarts,
      distinct: this.distinct,
      firsts: this.firsts,
      positions: this.positions,
    };
  }

  /// The document's distinct words (by number, increasing) and their
  /// counts, to store beside its index (see DocumentLexicon): what a launch
  /// reads back first.
  lexicon(): StoredLexicon {
    // Two bytes a number when they fit, as they do while the vocabulary
    // has at most 65,536 words: half of what a launch reads.
    const distinct = this.distinct;
    const counts = offsetArray(distinct.length, this.length);
    for (let k = 0; k < distinct.length; k++) counts[k] = this.firsts[k + 1]! - this.firsts[k]!;
    const terms = distinct.length > 0 && distinct[distinct.length - 1]! >= 65536 ? distinct.slice() : Uint16Array.from(distinct);
    const [pairKeys, pairCounts] = this.pairs();
    return { terms, counts, pairKeys, pairCounts };
  }

  /// Takes the pairs its lexicon kept (the same words, so the same
  /// pairs) instead of making them at the first phrase.
  adoptPairs([keys, counts]: [Float64Array, Int32Array]): void {
    if (keys.length !== counts.length) throw new RangeError(`The pairs given to document ${this.id} have ${keys.length} keys but ${counts.length} counts.`);
    this.pairKeys = keys;
    this.pairCounts = counts;
  }

  // Its kept pairs (see pairKeys), made at the first call.
  private pairs(): [Float64Array, Int32Array] {
    if (this.pairKeys === null) [this.pairKeys, this.pairCounts] = keptPairs(this.stored(), this.pairsFrom);
    return [this.pairKeys, this.pairCounts];
  }

  /// A document's index from what `stored()` gave, its numbers those of
  /// `vocabulary`: its arrays as they are, checked to be in bounds (no
  /// folding, tokenizing, sorting or string). Throws a RangeError naming
  /// the document when they are not.
  static restore(id: string, text: string, stored: StoredDocumentIndex, vocabulary: Vocabulary): DocumentIndex {
    const { terms, starts, lengths, longEnds, paragraphStarts, distinct, firsts, positions } = stored;
    const damaged = (what: string) => new RangeError(`The stored index of document ${id} is damaged: ${what}.`);
    const offsetsOr = (array: unknown) => array instanceof Int32Array || array instanceof Uint16Array;
    if (!(offsetsOr(terms) && lengths instanceof Uint8Array && longEnds instanceof Int32Array && paragraphStarts instanceof Int32Array && offsetsOr(distinct)))
      throw damaged('an array is missing or of the wrong kind');
    if (!offsetsOr(starts) || !offsetsOr(firsts) || !offsetsOr(positions)) throw damaged('an array of offsets is missing or of the wrong kind');
    const n = terms.length;
    if (starts.length !== n || lengths.length !== n || positions.length !== n || firsts.length !== distinct.length + 1)
      throw damaged(`it has ${n} words but ${starts.length} starts, ${lengths.length} lengths and ${positions.length} positions`);
    const size = vocabulary.size;
    for (let i = 0; i < n; i++) {
      if (!(terms[i]! >= 0 && terms[i]! < size) || starts[i]! + lengths[i]! > text.length || !(positions[i]! < n))
        throw damaged(`word ${i} is numbered ${terms[i]} at ${starts[i]}`);
    }
    if (firsts[0] !== 0 || firsts[distinct.length] !== n) throw damaged('its positions do not cover its words');
    for (let k = 0; k < distinct.length; k++) {
      if (!(distinct[k]! >= 0 && distinct[k]! < size) || (k > 0 && distinct[k]! <= distinct[k - 1]!) || firsts[k + 1]! <= firsts[k]!)
        throw damaged(`its distinct word ${k} is out of order`);
    }
    for (let j = 0; j < longEnds.length; j += 2) if (!(longEnds[j]! < n && longEnds[j + 1]! <= text.length)) throw damaged('a long word ends past its text');
    for (let j = 0; j < paragraphStarts.length; j++) if (!(paragraphStarts[j]! < n)) throw damaged('a paragraph starts past its words');
    return new DocumentIndex(id, text, stored);
  }

  /// Where word `i` ends in the canonical text.
  end(i: number): number {
    const length = this.lengths[i]!;
    return length === 255 && this.longEnds ? (this.longEnds.get(i) ?? this.starts[i]! + 255) : this.starts[i]! + length;
  }

  /// How many words it has.
  get length(): number {
    return this.positions.length;
  }

  /// Calls `visit` with each distinct word's number and count.
  forEachWord(visit: (term: number, count: number) => void): void {
    for (let k = 0; k < this.distinct.length; k++) visit(this.distinct[k]!, this.firsts[k + 1]! - this.firsts[k]!);
  }

  /// Calls `visit` with each of its kept pairs' keys (see pairCount) and
  /// counts, making them if no phrase has yet.
  forEachPair(visit: (key: number, count: number) => void): void {
    const [keys, counts] = this.pairs();
    for (let j = 0; j < keys.length; j++) visit(keys[j]!, counts[j]!);
  }

  /// How many distinct words it has.
  get distinctCount(): number {
    return this.distinct.length;
  }

  /// How often word `first` is followed by word `second` in one paragraph,
  /// or -1 when its kept pairs cannot tell: the pair is not among them and
  /// one of its words occurs fewer than `commonCount` times (see
  /// keptPairs); the caller then checks the phrase at its places.
  pairCount(first: number, second: number): number {
    if (first >= pairRange || second >= pairRange) return -1;
    const [keys, counts] = this.pairs();
    const kept = pairIn(keys, counts, first * pairRange + second);
    if (kept > 0) return kept;
    if (this.countAt(this.rankOf(first)) < commonCount || this.countAt(this.rankOf(second)) < commonCount) return -1;
    return 0;
  }

  /// How often word `first` is followed by word `second` in one paragraph:
  /// the phrase of two words, counted without allocating. Two common words
  /// are looked up (see pairCount); otherwise each place of the rarer one is
  /// sought among the places of the other, both short runs of one array,
  /// where reading the word beside each place would be a cache miss each.
  phraseCount(first: number, second: number): number {
    return this.phraseIn(first, second, true);
  }

  /// As `phraseCount`, its kept pairs not looked up: for a caller that
  /// read the pair's count from the postings and found it not kept.
  placesCount(first: number, second: number): number {
    return this.phraseIn(first, second, false);
  }

  // `phraseCount`, with or without the look-up among its kept pairs.
  private phraseIn(first: number, second: number, lookUp: boolean): number {
    const kFirst = this.rankOf(first);
    const kSecond = this.rankOf(second);
    if (kFirst < 0 || kSecond < 0) return 0;
    const nFirst = this.countAt(kFirst);
    const nSecond = this.countAt(kSecond);
    // A kept pair is the answer, and both words common with none kept is
    // none (see keptPairs): their ranks already found (at thousands of
    // documents a query's phrase is counted in each, and each search among
    // a document's words is a few cache misses). Only a pair of fewer than
    // `pairsFrom` with a rarer word is checked at its places.
    if (lookUp && first < pairRange && second < pairRange && Math.min(nFirst, nSecond) >= Math.min(commonCount, this.pairsFrom)) {
      const [keys, counts] = this.pairs();
      const kept = pairIn(keys, counts, first * pairRange + second);
      if (kept > 0 || (nFirst >= commonCount && nSecond >= commonCount)) return kept;
    }
    const positions = this.positions;
    const paragraphs = this.paragraphStarts;
    const firsts = this.firsts;
    // Walks the rarer word's places; `step` goes from one of them to where
    // the other word must stand.
    const rarer = nFirst <= nSecond;
    const k = rarer ? kFirst : kSecond;
    const step = rarer ? 1 : -1;
    let cursor = firsts[rarer ? kSecond : kFirst]!;
    const otherEnd = firsts[(rarer ? kSecond : kFirst) + 1]!;
    let paragraph = 0;
    let count = 0;
    for (let p = firsts[k]!; p < firsts[k + 1]! && cursor < otherEnd; p++) {
      const want = positions[p]! + step;
      // Galloping: the other word's places from the cursor on, doubling the
      // stride, then halving back, to the first at or past `want` (written
      // out, not `gallop` of sorted.ts: this is a phrase count's inner loop,
      // and that one is called on arrays of two kinds; not measured since).
      if (positions[cursor]! < want) {
        let stride = 1;
        let lo = cursor;
        while (lo + stride < otherEnd && positions[lo + stride]! < want) {
          lo += stride;
          stride *= 2;
        }
        let hi = Math.min(lo + stride, otherEnd);
        while (lo + 1 < hi) {
          const mid = (lo + hi) >> 1;
          if (positions[mid]! < want) lo = mid;
          else hi = mid;
        }
        cursor = hi;
        if (cursor === otherEnd) break;
      }
      if (positions[cursor] !== want) continue;
      // The phrase's second word must not begin a paragraph.
      const second = rarer ? want : want + 1;
      paragraph = gallop(paragraphs, paragraph, paragraphs.length, second);
      if (paragraph < paragraphs.length && paragraphs[paragraph] === second) continue;
      count++;
    }
    return count;
  }

  /// How many of its words are in `set`.
  countOf(set: TermSet): number {
    if (set.single >= 0) return this.countAt(this.rankOf(set.single));
    let sum = 0;
    this.forEachRank(set, (k) => {
      sum += this.countAt(k);
    });
    return sum;
  }

  /// The positions (indices into `terms`) of its words that are in `set`,
  /// increasing. For one word, a view of the index's own array: not to be
  /// written to.
  occurrences(set: TermSet): Offsets {
    if (set.single >= 0) {
      const k = this.rankOf(set.single);
      return k < 0 ? new Int32Array(0) : this.positions.subarray(this.firsts[k]!, this.firsts[k + 1]!);
    }
    const ranks: number[] = [];
    let total = 0;
    this.forEachRank(set, (k) => {
      ranks.push(k);
      total += this.countAt(k);
    });
    const out = new Int32Array(total);
    let at = 0;
    for (const k of ranks) {
      out.set(this.positions.subarray(this.firsts[k]!, this.firsts[k + 1]!), at);
      at += this.countAt(k);
    }
    return ranks.length > 1 ? out.sort() : out;
  }

  // Calls `visit` with the rank (index into `distinct`) of each of the
  // document's words that `set` holds. A few words: look each up. Many (a
  // short prefix): walk the document's distinct words once instead.
  private forEachRank(set: TermSet, visit: (rank: number) => void): void {
    const ids = set.ids;
    if (ids.length * 16 < this.distinct.length) {
      for (const id of ids) {
        const k = this.rankOf(id);
        if (k >= 0) visit(k);
      }
      return;
    }
    for (let k = 0; k < this.distinct.length; k++) if (set.has(this.distinct[k]!)) visit(k);
  }

  private countAt(rank: number): number {
    return rank < 0 ? 0 : this.firsts[rank + 1]! - this.firsts[rank]!;
  }

  // The index of word `id` in `distinct`, or -1.
  private rankOf(id: number): number {
    return rankIn(this.distinct, id);
  }
}

/// The count of the pair `key` among the sorted `keys` (see
/// DocumentIndex.pairKeys), 0 when absent.
export function pairIn(keys: Float64Array, counts: Int32Array, key: number): number {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const value = keys[mid]!;
    if (value === key) return counts[mid]!;
    if (value < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/// A word occurring this often in a document is common in it: its pairs
/// with other common words are counted at indexing (see pairCount).
export const commonCount = 32;
/// A pair standing this often in a document is kept whatever its words'
/// counts (see keptPairs), so a pair it does not keep stands fewer times.
export const keptFrom = 8;
/// Word numbers below this have their pairs kept; a pair's key (first *
/// pairRange + second) stays an exact double.
export const pairRange = 2 ** 26;

// Per vocabulary word, 1 while it is common in the document being indexed.
let common: Uint8Array = new Uint8Array(1024);

/// The adjacent pairs a document keeps, within a paragraph, as sorted keys
/// (first * pairRange + second) and their counts: every pair of two words
/// common in it (each at least `commonCount` times), and every pair that
/// stands at least `pairsFrom` times. So a pair it does not keep stands
/// fewer than `pairsFrom` times, and none at all when both its words are
/// common. From its stored arrays alone (no vocabulary): a stored index
/// whose lexicon kept other pairs has them made again from it.
export function keptPairs(stored: StoredDocumentIndex, pairsFrom = keptFrom): [Float64Array, Int32Array] {
  const { terms, distinct, firsts, positions, paragraphStarts } = stored;
  const least = Math.min(commonCount, pairsFrom);
  let frequent = 0;
  for (let k = 0; k < distinct.length; k++) {
    if (firsts[k + 1]! - firsts[k]! < commonCount || distinct[k]! >= pairRange) continue;
    if (common.length <= distinct[k]!) common = grownBytes(common, distinct[k]! + 1);
    common[distinct[k]!] = 1;
    frequent++;
  }
  const found: number[] = [];
  // A pair standing `least` times has each of its words there as often:
  // only those words' places are walked.
  for (let k = 0; k < distinct.length; k++) {
    const first = distinct[k]!;
    if (firsts[k + 1]! - firsts[k]! < least || first >= pairRange) continue;
    for (let p = firsts[k]!; p < firsts[k + 1]!; p++) {
      const i = positions[p]!;
      if (i + 1 >= terms.length) continue;
      const second = terms[i + 1]!;
      if (second >= pairRange || indexIn(paragraphStarts, i + 1) >= 0) continue;
      found.push(first * pairRange + second);
    }
  }
  const all = Float64Array.from(found).sort();
  let n = 0;
  const counts = new Int32Array(all.length);
  for (let j = 0; j < all.length; j++) {
    if (n > 0 && all[n - 1] === all[j]) counts[n - 1]!++;
    else {
      all[n] = all[j]!;
      counts[n++] = 1;
    }
  }
  // Kept: a pair of two common words whatever its count, any other that
  // stands at least `pairsFrom` times.
  const isCommon = (term: number) => frequent > 0 && term < common.length && common[term] === 1;
  let m = 0;
  for (let j = 0; j < n; j++) {
    const key = all[j]!;
    const first = Math.floor(key / pairRange);
    if (counts[j]! < pairsFrom && !(isCommon(first) && isCommon(key - first * pairRange))) continue;
    all[m] = key;
    counts[m++] = counts[j]!;
  }
  for (let k = 0; k < distinct.length; k++) if (distinct[k]! < common.length) common[distinct[k]!] = 0;
  return [all.slice(0, m), counts.slice(0, m)];
}

function grownBytes(array: Uint8Array, capacity: number): Uint8Array {
  const larger = new Uint8Array(Math.max(capacity, array.length * 2));
  larger.set(array);
  return larger;
}

/// An array of offsets or positions: two bytes each when they fit.
export type Offsets = Int32Array | Uint16Array;

// An array of `length` numbers none above `most`, two bytes each when they
// fit in two.
function offsetArray(length: number, most: number): Offsets {
  return most < 65536 ? new Uint16Array(length) : new Int32Array(length);
}

// Per vocabulary word, scratch space for sorting a document's positions by
// word; all zero between builds.
let counters = new Int32Array(1024);

function grown(array: Int32Array, capacity: number): Int32Array {
  const larger = new Int32Array(capacity);
  larger.set(array);
  return larger;
}

/// One document's index as stored between runs (see DocumentIndex.stored):
/// the arrays it holds, as they are, so that reading it back neither
/// copies nor sorts. Per word of its text, its number in the kept
/// vocabulary, its start and length ([word, end] pairs in `longEnds` for a
/// word of 255 characters or more); where paragraphs begin; its distinct
/// words, increasing, and their positions (see DocumentIndex). Rows kept
/// before distinct numbers took two bytes hold four, and read back.
export interface StoredDocumentIndex {
  terms: Offsets;
  starts: Offsets;
  lengths: Uint8Array;
  longEnds: Int32Array;
  paragraphStarts: Int32Array;
  distinct: Offsets;
  firsts: Offsets;
  positions: Offsets;
}
