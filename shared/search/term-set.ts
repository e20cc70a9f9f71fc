import type { Vocabulary } from './vocabulary';

/// The words one position of a query accepts: one word, or every word with a
/// prefix. Tested millions of times a query, so a test is a comparison or a
/// byte lookup, never a string operation.
export class TermSet {
  /// The accepted words' numbers, increasing.
  readonly ids: Int32Array;
  /// The only accepted number, or -1 when there are none or several.
  readonly single: number;
  /// The prefix it accepts every word with, or null for one word.
  readonly prefix: string | null;
  // With several words: one byte per word of the vocabulary, 1 if accepted.
  // Made at the first `has`: ranking and counting read `ids` only, and the
  // mask of a large vocabulary is hundreds of kilobytes a query.
  private mask: Uint8Array | null = null;
  private readonly vocabularySize: number;

  private constructor(ids: Int32Array, vocabularySize: number, prefix: string | null) {
    this.ids = ids;
    this.prefix = prefix;
    this.single = ids.length === 1 ? ids[0]! : -1;
    this.vocabularySize = vocabularySize;
  }

  /// The set of one word (empty if no indexed text holds it).
  static exact(term: string, vocabulary: Vocabulary): TermSet {
    const id = vocabulary.find(term);
    return new TermSet(id >= 0 ? Int32Array.of(id) : new Int32Array(0), vocabulary.size, null);
  }

  /// The set of every indexed word starting with `prefix`.
  static prefix(prefix: string, vocabulary: Vocabulary): TermSet {
    return new TermSet(vocabulary.withPrefix(prefix), vocabulary.size, prefix);
  }

  /// Whether no indexed word is in the set.
  get empty(): boolean {
    return this.ids.length === 0;
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
