import type { TermSet } from './term-set';

/// A document as the postings see it: its distinct words with their counts.
export interface WordCounts {
  forEachWord(visit: (term: number, count: number) => void): void;
}

/// The corpus's words to the documents holding them: per word number, the
/// slots of the documents it occurs in and how often. Counting a word or a
/// prefix over the corpus then reads its lists only, not every document.
/// Documents have slots; removing one only marks its slot free, and the
/// lists are rebuilt once more slots are free than used, so a removal or a
/// revision costs nothing per word.
export class Postings {
  // Per word number: [slot, count, slot, count, …] and how much is used.
  private lists: (Int32Array | undefined)[] = [];
  private lengths: number[] = [];
  // Per slot, its document's id, or null once removed.
  private slots: (string | null)[] = [];
  private readonly slotOf = new Map<string, number>();
  private free = 0;

  /// How many slots there are, used or free: the size of a per-slot array.
  get slotCount(): number {
    return this.slots.length;
  }

  /// The document id in `slot`, or null when it was removed.
  idAt(slot: number): string | null {
    return this.slots[slot] ?? null;
  }

  /// Adds (or replaces) document `id`'s words.
  put(id: string, words: WordCounts, all: () => Iterable<[string, WordCounts]>): void {
    this.remove(id, all);
    const slot = this.slots.length;
    this.slots.push(id);
    this.slotOf.set(id, slot);
    words.forEachWord((term, count) => this.append(term, slot, count));
  }

  /// Forgets document `id`. `all` gives every document still held, for
  /// the rebuild once most slots are free.
  remove(id: string, all: () => Iterable<[string, WordCounts]>): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.slotOf.delete(id);
    this.slots[slot] = null;
    if (++this.free > 64 && this.free * 2 > this.slots.length) this.rebuild(all());
  }

  /// Adds each word of `set`'s count in each document to `counts` (by
  /// slot), and marks in `seen` with `mark` the slots it occurs in.
  addCounts(set: TermSet, counts: Int32Array, seen: Int32Array, mark: number): void {
    for (const term of set.ids) {
      const list = this.lists[term];
      if (!list) continue;
      const length = this.lengths[term]!;
      for (let i = 0; i < length; i += 2) {
        const slot = list[i]!;
        counts[slot]! += list[i + 1]!;
        seen[slot] = mark;
      }
    }
  }

  /// How many slots `set`'s words occupy, counted with repeats: what
  /// reading its lists costs.
  size(set: TermSet): number {
    let size = 0;
    for (const term of set.ids) size += (this.lengths[term] ?? 0) >> 1;
    return size;
  }

  private append(term: number, slot: number, count: number): void {
    let list = this.lists[term];
    const length = this.lengths[term] ?? 0;
    if (!list || length + 2 > list.length) {
      const grown = new Int32Array(Math.max(8, (list?.length ?? 0) * 2));
      if (list) grown.set(list);
      list = grown;
      this.lists[term] = list;
    }
    list[length] = slot;
    list[length + 1] = count;
    this.lengths[term] = length + 2;
  }

  private rebuild(documents: Iterable<[string, WordCounts]>): void {
    this.lists = [];
    this.lengths = [];
    this.slots = [];
    this.slotOf.clear();
    this.free = 0;
    for (const [id, words] of documents) {
      const slot = this.slots.length;
      this.slots.push(id);
      this.slotOf.set(id, slot);
      words.forEachWord((term, count) => this.append(term, slot, count));
    }
  }
}
