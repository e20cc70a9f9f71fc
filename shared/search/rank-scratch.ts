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
  // Sort keys for `order`: (most - count) * slotRange + slot.
  private keys = new Float64Array(0);

  /// Itself, with room for `slots` slots (grown, zeroed, when more).
  fit(slots: number): this {
    if (this.counts.length < slots) {
      const size = Math.max(slots, this.counts.length * 2, 64);
      this.counts = new Int32Array(size);
      this.held = new Int32Array(size);
      this.touched = new Int32Array(size);
      this.picked = new Int32Array(size);
      this.keys = new Float64Array(size);
    }
    if (slots > slotRange) throw new RangeError(`A ranking counts at most ${slotRange} documents, not ${slots}.`);
    return this;
  }

  /// The ids of the first `kept` picked slots, most matches first and ties
  /// by id, at most `limit` of them. `placeOf` gives each slot's place in
  /// id order, `slotAt` the slot at each place (see Postings.byId).
  order(kept: number, limit: number, placeOf: Int32Array, slotAt: Int32Array, idOf: (slot: number) => string): string[] {
    const keys = this.keys;
    // One number per document, its count first and its id's place after:
    // one native numeric sort orders them, no string compared.
    for (let k = 0; k < kept; k++) {
      const slot = this.picked[k]!;
      keys[k] = (most - this.counts[slot]!) * slotRange + placeOf[slot]!;
    }
    const sorted = kept === keys.length ? keys.sort() : keys.subarray(0, kept).sort();
    const out = new Array<string>(Math.min(limit, kept));
    for (let k = 0; k < out.length; k++) out[k] = idOf(slotAt[sorted[k]! % slotRange]!);
    return out;
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

// Slots below this; a count times it plus a slot stays an exact double.
const slotRange = 2 ** 21;
// Counts are below this (a document of two billion matches would not load).
const most = 2 ** 31;
