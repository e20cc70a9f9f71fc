/// The per-document arrays SearchIndex.rank counts in, kept from one query
/// to the next: a query allocates nothing in proportion to the corpus, and
/// clears only the slots it touched (see `clear`).
export class RankScratch {
  /// Per slot, the matches counted so far; zero between queries.
  counts = new Int32Array(0);
  /// Per slot, how many of the query's word clauses it holds; zero between
  /// queries.
  held = new Int32Array(0);
  /// The slots the query's rarest clause named, in the order found.
  touched = new Int32Array(0);
  /// The slots still matching, a prefix of it in use.
  picked = new Int32Array(0);
  // The best keys so far, for `order` and `bounded`.
  private readonly best = new Best();

  /// Itself, with room for `slots` slots (grown, zeroed, when more).
  fit(slots: number): this {
    if (this.counts.length < slots) {
      const size = Math.max(slots, this.counts.length * 2, 64);
      this.counts = new Int32Array(size);
      this.held = new Int32Array(size);
      this.touched = new Int32Array(size);
      this.picked = new Int32Array(size);
    }
    if (slots > slotRange) throw new RangeError(`A ranking counts at most ${slotRange} documents, not ${slots}.`);
    return this;
  }

  /// The ids of the first `kept` picked slots, most matches first and ties
  /// by id, at most `limit` of them. `placeOf` gives each slot's place in
  /// id order, `slotAt` the slot at each place (see Postings.byId).
  order(kept: number, limit: number, placeOf: Int32Array, slotAt: Int32Array, idOf: (slot: number) => string): string[] {
    // No more documents than asked for (every one of 100 texts holds
    // "of the"): each is returned, so they are only sorted, no heap kept.
    if (kept <= limit) {
      const keys = this.best.room(kept);
      for (let k = 0; k < kept; k++) {
        const slot = this.picked[k]!;
        keys[k] = (most - this.counts[slot]!) * slotRange + placeOf[slot]!;
      }
      return this.best.sorted(kept, slotAt, idOf);
    }
    // One number per document, its count first and its id's place after:
    // the `limit` smallest kept in a heap, so 100 ids of thousands of
    // documents cost a comparison each, not a sort of them all.
    const best = this.best.start(limit);
    for (let k = 0; k < kept; k++) {
      const slot = this.picked[k]!;
      best.offer((most - this.counts[slot]!) * slotRange + placeOf[slot]!);
    }
    return best.ids(slotAt, idOf);
  }

  /// As `order`, for a query whose phrases are checked at their places,
  /// where most of the cost is: a picked slot's count is found by `exact`
  /// (0 when a phrase is missing) only when its `bound` (at least its
  /// count, read from its words' counts) could still place it among the
  /// first `limit`. Ranked ids then pass over, unchecked, the documents
  /// that cannot be among those asked for.
  bounded(
    kept: number,
    limit: number,
    placeOf: Int32Array,
    slotAt: Int32Array,
    idOf: (slot: number) => string,
    bound: (slot: number) => number,
    exact: (slot: number) => number,
  ): string[] {
    const best = this.best.start(limit);
    if (limit === 0) return [];
    for (let k = 0; k < kept; k++) {
      const slot = this.picked[k]!;
      const place = placeOf[slot]!;
      // Its key can only be at or past its bound's. Until `limit` are
      // found every document is checked, as without a bound.
      if (best.full) {
        const reach = bound(slot);
        if (reach === 0 || (most - reach) * slotRange + place > best.worst) continue;
      }
      const count = exact(slot);
      if (count > 0) best.offer((most - count) * slotRange + place);
    }
    return best.ids(slotAt, idOf);
  }

  /// Zeroes the counts of the first `found` touched slots: all a query set.
  clear(found: number): void {
    for (let k = 0; k < found; k++) {
      const slot = this.touched[k]!;
      this.counts[slot] = 0;
      this.held[slot] = 0;
    }
  }
}

// The `limit` smallest of the keys offered, in a heap whose root is the
// largest of them (the worst document kept).
class Best {
  private heap = new Float64Array(0);
  private size = 0;
  private limit = 0;
  // `sorted`'s integer keys, kept from one query to the next.
  private narrowKeys = new Uint32Array(0);

  start(limit: number): this {
    if (this.heap.length < limit) this.heap = new Float64Array(Math.max(limit, this.heap.length * 2));
    this.size = 0;
    this.limit = limit;
    return this;
  }

  get full(): boolean {
    return this.size === this.limit;
  }

  get worst(): number {
    return this.heap[0]!;
  }

  offer(key: number): void {
    const heap = this.heap;
    if (this.size < this.limit) {
      // The first `limit` keys are kept as they come, made a heap once
      // they are all there: fewer matches than asked for are only sorted.
      heap[this.size++] = key;
      if (this.size === this.limit) for (let i = (this.size >> 1) - 1; i >= 0; i--) this.siftDown(i, heap[i]!);
      return;
    }
    if (this.limit === 0 || key >= heap[0]!) return;
    this.siftDown(0, key);
  }

  // Puts `key` at `at` and moves it down below its larger children.
  private siftDown(at: number, key: number): void {
    const heap = this.heap;
    let i = at;
    const size = this.size;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= size) break;
      const right = left + 1;
      const child = right < size && heap[right]! > heap[left]! ? right : left;
      if (heap[child]! <= key) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = key;
  }

  // The heap's array with room for `size` keys, to be filled and passed
  // to `sorted` (`order` with no more documents than asked for).
  room(size: number): Float64Array {
    if (this.heap.length < size) this.heap = new Float64Array(Math.max(size, this.heap.length * 2));
    return this.heap;
  }

  // The ids of the keys kept, smallest key first.
  ids(slotAt: Int32Array, idOf: (slot: number) => string): string[] {
    const size = this.size;
    this.size = 0;
    return this.sorted(size, slotAt, idOf);
  }

  // The ids of the first `size` keys of the heap's array, smallest first.
  sorted(size: number, slotAt: Int32Array, idOf: (slot: number) => string): string[] {
    const heap = this.heap;
    const out = new Array<string>(size);
    // Where every count is below `narrow`, as nearly always, a key less its
    // floor fits 32 bits: an integer sort, and the place read by a mask,
    // cost a quarter of a sort of doubles and a floating remainder each.
    let least = most * slotRange;
    for (let k = 0; k < size; k++) if (heap[k]! < least) least = heap[k]!;
    if (least >= narrowFloor) {
      if (this.narrowKeys.length < size) this.narrowKeys = new Uint32Array(Math.max(size, this.narrowKeys.length * 2));
      const keys = this.narrowKeys.subarray(0, size);
      for (let k = 0; k < size; k++) keys[k] = heap[k]! - narrowFloor;
      keys.sort();
      for (let k = 0; k < size; k++) out[k] = idOf(slotAt[keys[k]! & (slotRange - 1)]!);
      return out;
    }
    const keys = heap.subarray(0, size).sort();
    for (let k = 0; k < size; k++) out[k] = idOf(slotAt[keys[k]! % slotRange]!);
    return out;
  }
}

/// Slots below this; a count times it plus a slot stays an exact double.
export const slotRange = 2 ** 21;
/// Counts are below this (a document of two billion matches would not load).
export const most = 2 ** 31;
// Keys from this one on hold a count below 2,048 (2^11): less it, they
// fit 32 bits with the place in the low 21.
const narrowFloor = (most - 2 ** 11 + 1) * slotRange;
