import type { Vocabulary } from './vocabulary';

/// The words one position of a query accepts: one word, or every word with a
/// prefix. Tested millions of times a query, so a test is a comparison or a
/// byte lookup, never a string operation.
export class TermSet {
  /// The prefix it accepts every word with, or null for one word.
  readonly prefix: string | null;
  /// Whether no indexed word is in the set.
  readonly empty: boolean;
  // The accepted words' numbers, increasing; for a prefix found at the
  // first `ids` or `single`: a ranking of `co*` reads the prefix's own list
  // (see Postings.top) and never needs its hundreds of words.
  private accepted: Int32Array | null;
  private only = unknown;
  // With several words: one byte per word of the vocabulary, 1 if accepted.
  // Made at the first `has`: ranking and counting read `ids` only, and the
  // mask of a large vocabulary is hundreds of kilobytes a query.
  private mask: Uint8Array | null = null;
  private readonly vocabulary: Vocabulary;
  private readonly vocabularySize: number;

  private constructor(ids: Int32Array | null, vocabulary: Vocabulary, prefix: string | null) {
    this.accepted = ids;
    this.prefix = prefix;
    this.vocabulary = vocabulary;
    this.vocabularySize = vocabulary.size;
    this.empty = ids ? ids.length === 0 : !vocabulary.hasPrefix(prefix!);
  }

  /// The set of one word (empty if no indexed text holds it).
  static exact(term: string, vocabulary: Vocabulary): TermSet {
    const id = vocabulary.find(term);
    return new TermSet(id >= 0 ? Int32Array.of(id) : new Int32Array(0), vocabulary, null);
  }

  /// The set of every indexed word starting with `prefix`.
  static prefix(prefix: string, vocabulary: Vocabulary): TermSet {
    return new TermSet(null, vocabulary, prefix);
  }

  /// The accepted words' numbers, increasing.
  get ids(): Int32Array {
    this.accepted ??= this.vocabulary.withPrefix(this.prefix!);
    return this.accepted;
  }

  /// The only accepted number, or -1 when there are none or several.
  get single(): number {
    if (this.only === unknown) this.only = this.ids.length === 1 ? this.ids[0]! : -1;
    return this.only;
  }

  /// Whether the word numbered `id` is in the set.
  has(id: number): boolean {
    if (this.single >= 0) return id === this.single;
    if (this.mask === null) {
      this.mask = new Uint8Array(this.ids.length > 1 ? this.vocabularySize : 0);
      for (const accepted of this.ids) this.mask[accepted] = 1;
    }
    return this.mask[id] === 1;
  }

  /// Whether the two sets share a word.
  intersects(other: TermSet): boolean {
    let i = 0;
    let j = 0;
    while (i < this.ids.length && j < other.ids.length) {
      if (this.ids[i] === other.ids[j]) return true;
      if (this.ids[i]! < other.ids[j]!) i++;
      else j++;
    }
    return false;
  }
}

// `single` not yet found.
const unknown = -2;
