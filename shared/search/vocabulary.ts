/// The folded words of a corpus, each with a number: the index stores the
/// numbers, four bytes a word, instead of millions of strings.
///
/// Words are never forgotten when the last document holding them goes: a
/// number must not come to mean another word while a document still refers
/// to it, and the words a revision removes are few. A word no document holds
/// only costs its entry, and finds nothing.
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];
  // Ids in the order of their terms (code-unit order, the order in which a
  // prefix's words are contiguous), for prefix queries. Words added since the
  // last prefix query wait in `unsorted` and are merged in when one comes:
  // indexing a corpus sorts once, and a revision merges its few new words.
  private sorted = new Int32Array(0);
  private unsorted: number[] = [];

  /// How many words it holds.
  get size(): number {
    return this.terms.length;
  }

  /// The number of `term`, given one if it has none yet.
  add(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
      this.unsorted.push(id);
    }
    return id;
  }

  /// The words numbered `from` on, in the order of their numbers: what a
  /// kept dictionary lacks (see `load`).
  wordsFrom(from: number): string[] {
    return this.terms.slice(from);
  }

  /// Numbers `words` in their order after the words it holds, as a kept
  /// dictionary numbered them; throws a RangeError when one is empty or
  /// already numbered (a dictionary whose numbers would not be kept).
  load(words: readonly string[]): void {
    for (const word of words) {
      if (word.length === 0 || this.ids.has(word))
        throw new RangeError(`The word ${JSON.stringify(word)} cannot be numbered ${this.terms.length}: it is empty or already numbered.`);
      this.add(word);
    }
  }

  /// The number of `term`, or -1 if no text held it.
  find(term: string): number {
    return this.ids.get(term) ?? -1;
  }

  /// The word with number `id`.
  term(id: number): string {
    const term = this.terms[id];
    if (term === undefined) throw new RangeError(`No word has the number ${id}; the vocabulary has ${this.terms.length}.`);
    return term;
  }

  /// Whether a word starts with `prefix`: one search, where `withPrefix`
  /// walks and sorts every such word (hundreds for `co`).
  hasPrefix(prefix: string): boolean {
    const lo = this.firstFrom(prefix);
    return lo < this.sorted.length && this.terms[this.sorted[lo]!]!.startsWith(prefix);
  }

  /// The numbers of every word starting with `prefix`, in increasing order.
  withPrefix(prefix: string): Int32Array {
    const lo = this.firstFrom(prefix);
    const terms = this.terms;
    const sorted = this.sorted;
    let end = lo;
    while (end < sorted.length && terms[sorted[end]!]!.startsWith(prefix)) end++;
    return sorted.slice(lo, end).sort();
  }

  // The place in `sorted` of the first word at or after `prefix`.
  private firstFrom(prefix: string): number {
    if (prefix.length === 0) throw new RangeError('A prefix needs at least one character: an empty one would match every word.');
    this.mergeUnsorted();
    const terms = this.terms;
    const sorted = this.sorted;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (terms[sorted[mid]!]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private mergeUnsorted(): void {
    if (this.unsorted.length === 0) return;
    const terms = this.terms;
    const byTerm = (a: number, b: number) => (terms[a]! < terms[b]! ? -1 : terms[a]! > terms[b]! ? 1 : 0);
    const fresh = this.unsorted.sort(byTerm);
    const old = this.sorted;
    const merged = new Int32Array(old.length + fresh.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < old.length && j < fresh.length) merged[k++] = byTerm(old[i]!, fresh[j]!) <= 0 ? old[i++]! : fresh[j++]!;
    while (i < old.length) merged[k++] = old[i++]!;
    while (j < fresh.length) merged[k++] = fresh[j++]!;
    this.sorted = merged;
    this.unsorted = [];
  }
}
