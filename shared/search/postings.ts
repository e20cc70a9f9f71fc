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
  // Per slot, its place in the order of the ids, and per place its slot:
  // ties in a ranking are broken by id with one number. Built when a
  // ranking first needs it after a change (null until then).
  private idOrder: { placeOf: Int32Array; slotAt: Int32Array } | null = null;

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
    this.idOrder = null;
    words.forEachWord((term, count) => this.append(term, slot, count));
  }

  /// Forgets document `id`. `all` gives every document still held, for
  /// the rebuild once most slots are free.
  remove(id: string, all: () => Iterable<[string, WordCounts]>): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.slotOf.delete(id);
    this.slots[slot] = null;
    this.idOrder = null;
    if (++this.free > 64 && this.free * 2 > this.slots.length) this.rebuild(all());
  }

  /// Per slot, its place among the slots in order of their ids (free
  /// slots last), and per place, its slot.
  byId(): { placeOf: Int32Array; slotAt: Int32Array } {
    if (this.idOrder) return this.idOrder;
    const slots = this.slots;
    const slotAt = new Int32Array(slots.length);
    for (let k = 0; k < slotAt.length; k++) slotAt[k] = k;
    slotAt.sort((a, b) => {
      const x = slots[a] ?? null;
      const y = slots[b] ?? null;
      if (x === null || y === null) return x === y ? a - b : x === null ? 1 : -1;
      return x < y ? -1 : x > y ? 1 : 0;
    });
    const placeOf = new Int32Array(slots.length);
    for (let k = 0; k < slotAt.length; k++) placeOf[slotAt[k]!] = k;
    this.idOrder = { placeOf, slotAt };
    return this.idOrder;
  }

  /// Marks in `held` (with 1) each slot holding a word of `set` and lists
  /// it in `touched`, adding its counts to `counts` when `count` is true;
  /// returns how many slots it listed. `held` must be zero where it reads.
  collect(set: TermSet, counts: Int32Array, held: Int32Array, touched: Int32Array, count: boolean): number {
    let found = 0;
    for (const term of set.ids) {
      const list = this.lists[term];
      if (!list) continue;
      const length = this.lengths[term]!;
      for (let i = 0; i < length; i += 2) {
        const slot = list[i]!;
        if (held[slot] === 0) {
          held[slot] = 1;
          touched[found++] = slot;
        }
        if (count) counts[slot]! += list[i + 1]!;
      }
    }
    return found;
  }

  /// For the `clause`-th word clause of a query (from 1): in the slots
  /// holding every clause before it (`held` equal to `clause`), marks those
  /// holding a word of `set` and adds its counts. Other slots are left as
  /// they are, so nothing outside the first clause's slots is written.
  intersect(set: TermSet, counts: Int32Array, held: Int32Array, clause: number): void {
    for (const term of set.ids) {
      const list = this.lists[term];
      if (!list) continue;
      const length = this.lengths[term]!;
      for (let i = 0; i < length; i += 2) {
        const slot = list[i]!;
        const h = held[slot]!;
        if (h === clause) held[slot] = clause + 1;
        else if (h !== clause + 1) continue;
        counts[slot]! += list[i + 1]!;
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
