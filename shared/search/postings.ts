import { most, slotRange } from './rank-scratch';
import type { TermSet } from './term-set';

/// A document as the postings see it: its distinct words with their counts,
/// and the adjacent pairs of its common words with theirs (see
/// DocumentIndex.pairCount: a pair's key is first * pairRange + second).
export interface WordCounts {
  forEachWord(visit: (term: number, count: number) => void): void;
  forEachPair(visit: (key: number, count: number) => void): void;
}

/// The corpus's words to the documents holding them: per word number, the
/// slots of the documents it occurs in and how often. Counting a word over
/// the corpus then reads its lists only, not every document. A prefix of
/// one to three characters (`co*`, which hundreds of words share) has a
/// list of its own, its words' counts summed per document, as a search
/// engine that stores every prefix has: one list read, not hundreds; a
/// longer prefix reads its words' lists. The pairs of common words each
/// document keeps have lists too, so "of the" over the corpus is three
/// lists read (its words' and its pair's), not a look-up in every
/// document's arrays. Documents have slots; removing
/// one only marks its slot free, and the lists are rebuilt once more slots
/// are free than used, so a removal or a revision costs nothing per word.
export class Postings<D extends WordCounts = WordCounts> {
  // Per list number: [slot, count, slot, count, …] and how much is used.
  // A word's list has its number; a prefix's list the number `prefixLists`
  // gives it, after every word's.
  private lists: (Entries | undefined)[] = [];
  private lengths: number[] = [];
  // Per slot, its document's id, or null once removed, and its document.
  private slots: (string | null)[] = [];
  private documents: (D | null)[] = [];
  // The short prefixes' lists: per prefix its list's place in `prefixLists`
  // (numbered from 0), and per word number the places of its prefixes of
  // one, two and three characters (plus one; 0 until the word is met).
  private readonly prefixIds = new Map<string, number>();
  private prefixLists: (Entries | undefined)[] = [];
  private prefixLengths: number[] = [];
  private prefixesOf = new Int32Array(0);
  // The common pairs' lists: per pair key its list's place in `pairLists`.
  private readonly pairIds = new Map<number, number>();
  private pairLists: (Entries | undefined)[] = [];
  private pairLengths: number[] = [];
  // The word of each number, to find its prefixes.
  private readonly wordOf: (term: number) => string;
  private readonly slotIds = new Map<string, number>();
  private free = 0;
  // Per slot, its place in the order of the ids, and per place its slot:
  // ties in a ranking are broken by id with one number. Built when a
  // ranking first needs it after a change (null until then).
  private idOrder: { placeOf: Int32Array; slotAt: Int32Array } | null = null;
  // Per word list and per prefix list, whether its entries stand in the
  // order of a ranking (most matches first, ties by id; see `top`): set by
  // the first ranking that reads it, cleared when a document is appended.
  // Adding or removing a document leaves the order of the others' ids as
  // it was, so a list no document was appended to stays in order.
  private wordRanked: boolean[] = [];
  private prefixRanked: boolean[] = [];
  private pairRanked: boolean[] = [];
  // The sort keys of `rankList`, kept from one list to the next.
  private keys = new Float64Array(0);

  /// Postings whose word numbers are those of `wordOf`'s words.
  constructor(wordOf: (term: number) => string) {
    this.wordOf = wordOf;
  }

  /// Postings of every document of `all` at once, each list made at its
  /// final length (lists grown one document at a time would hold a third
  /// more than they use).
  static of<D extends WordCounts>(all: Iterable<[string, D]>, wordOf: (term: number) => string): Postings<D> {
    const postings = new Postings<D>(wordOf);
    for (const _ of postings.rebuilding(all, Number.POSITIVE_INFINITY));
    return postings;
  }

  /// The same as `of`, in steps: it yields after every `every` documents
  /// read (the lists are not usable until it is done), so a caller can
  /// build postings of thousands of documents a few milliseconds at a time.
  static *building<D extends WordCounts>(all: Iterable<[string, D]>, wordOf: (term: number) => string, every: number): Generator<void, Postings<D>> {
    const postings = new Postings<D>(wordOf);
    yield* postings.rebuilding(all, every);
    return postings;
  }

  /// How many slots there are, used or free: the size of a per-slot array.
  get slotCount(): number {
    return this.slots.length;
  }

  /// The document id in `slot`, or null when it was removed.
  idAt(slot: number): string | null {
    return this.slots[slot] ?? null;
  }

  /// The slot of document `id`, or -1 when it holds none.
  slotOf(id: string): number {
    return this.slotIds.get(id) ?? -1;
  }

  /// The document in `slot`, or null when it was removed.
  documentAt(slot: number): D | null {
    return this.documents[slot] ?? null;
  }

  /// Adds (or replaces) document `id`'s words.
  put(id: string, words: D, all: () => Iterable<[string, D]>): void {
    this.remove(id, all);
    // A removal that rebuilt the lists from `all` placed the document
    // already, when `all` holds it.
    if (this.slotIds.has(id)) this.replace(id, words);
    else this.place(id, words);
  }

  /// Puts `document` in the slot of the document of the same id, whose
  /// words it has (its whole index in place of its lexicon).
  replace(id: string, document: D): void {
    const slot = this.slotIds.get(id);
    if (slot !== undefined) this.documents[slot] = document;
  }

  /// Forgets document `id`. `all` gives every document still held, for
  /// the rebuild once most slots are free.
  remove(id: string, all: () => Iterable<[string, D]>): void {
    const slot = this.slotIds.get(id);
    if (slot === undefined) return;
    this.slotIds.delete(id);
    this.slots[slot] = null;
    this.documents[slot] = null;
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
    const prefix = this.prefixList(set);
    if (prefix >= 0) return collectList(this.prefixLists[prefix], this.prefixLengths[prefix]!, counts, held, touched, count, 0);
    let found = 0;
    for (const term of set.ids) found = collectList(this.lists[term], this.lengths[term] ?? 0, counts, held, touched, count, found);
    return found;
  }

  /// For the `clause`-th word clause of a query (from 1): in the slots
  /// holding every clause before it (`held` equal to `clause`), marks those
  /// holding a word of `set` and adds its counts. Other slots are left as
  /// they are, so nothing outside the first clause's slots is written.
  intersect(set: TermSet, counts: Int32Array, held: Int32Array, clause: number): void {
    const prefix = this.prefixList(set);
    if (prefix >= 0) intersectList(this.prefixLists[prefix], this.prefixLengths[prefix]!, counts, held, clause);
    else for (const term of set.ids) intersectList(this.lists[term], this.lengths[term] ?? 0, counts, held, clause);
  }

  /// How many slots `set`'s words occupy (counted with repeats, but once
  /// for a short prefix): what reading its lists costs.
  size(set: TermSet): number {
    const prefix = this.prefixList(set);
    if (prefix >= 0) return this.prefixLengths[prefix]! >> 1;
    let size = 0;
    for (const term of set.ids) size += (this.lengths[term] ?? 0) >> 1;
    return size;
  }

  /// The ids of the `limit` documents holding the most words of `set`
  /// (ties by id), read from the head of its one list in ranked order; or
  /// null when `set` has several lists (a prefix longer than the kept ones).
  /// Ranked ids then cost the ids returned, not the documents holding the
  /// word: a list is put in that order by the first ranking after a
  /// document was appended to it (a sort of that list alone), and the
  /// order does not matter to counting, which adds per slot.
  top(set: TermSet, limit: number): string[] | null {
    const prefix = this.prefixList(set);
    let list: Entries | undefined;
    let length: number;
    if (prefix >= 0) {
      list = this.prefixLists[prefix];
      length = this.prefixLengths[prefix]!;
      if (!this.prefixRanked[prefix]) this.prefixRanked[prefix] = this.rankList(list, length);
    } else if (set.single >= 0) {
      const term = set.single;
      list = this.lists[term];
      length = this.lengths[term] ?? 0;
      if (!this.wordRanked[term]) this.wordRanked[term] = this.rankList(list, length);
    } else return null;
    return list ? this.head(list, length, limit, 0) : [];
  }

  /// The ids of the `limit` documents where the pair `key` (see WordCounts)
  /// stands most often (ties by id), read from the head of its list in
  /// ranked order; or null unless each of them holds it at least `least`
  /// times. A document off the list stands the pair fewer than `least`
  /// times (its words' pairs are kept from that count, see keptPairs), so
  /// such a head is the whole answer, and "of the" over thousands of
  /// documents costs the ids returned, not a count per document.
  topPair(key: number, least: number, limit: number): string[] | null {
    if (limit === 0) return [];
    const at = this.pairIds.get(key);
    if (at === undefined) return null;
    const list = this.pairLists[at];
    const length = this.pairLengths[at]!;
    if (!this.pairRanked[at]) this.pairRanked[at] = this.rankList(list, length);
    if (!list) return null;
    // Fewer than asked for: past the last count kept for itself, or the
    // list's end, the rest is not known.
    const ids = this.head(list, length, limit, least);
    return ids.length === limit ? ids : null;
  }

  // The live ids at the head of the ranked `list`, at most `limit`, up to
  // the first entry counted fewer than `least` times. Removed documents
  // keep their entries until a rebuild: passed over.
  private head(list: Entries, length: number, limit: number, least: number): string[] {
    const ids: string[] = [];
    for (let i = 0; i < length && ids.length < limit; i += 2) {
      if (list[i + 1]! < least) break;
      const id = this.slots[list[i]!];
      if (id !== null && id !== undefined) ids.push(id);
    }
    return ids;
  }

  // Sorts the first `length` entries of `list` by count, most first, then
  // by their documents' ids; returns true, for the list's ranked flag.
  private rankList(list: Entries | undefined, length: number): boolean {
    if (!list) return true;
    const n = length >> 1;
    if (this.keys.length < n) this.keys = new Float64Array(Math.max(n, this.keys.length * 2));
    const { placeOf, slotAt } = this.byId();
    const keys = this.keys.subarray(0, n);
    // One number per entry, as RankScratch.order makes: one native sort.
    for (let k = 0; k < n; k++) keys[k] = (most - list[2 * k + 1]!) * slotRange + placeOf[list[2 * k]!]!;
    keys.sort();
    for (let k = 0; k < n; k++) {
      const key = keys[k]!;
      const count = most - Math.floor(key / slotRange);
      list[2 * k] = slotAt[key % slotRange]!;
      list[2 * k + 1] = count;
    }
    return true;
  }

  /// Writes into `into`, at each slot holding word `term`, its count there
  /// (or 0 when `clear`): a per-slot view of one word, cleared after use.
  spreadWord(term: number, into: Int32Array, clear: boolean): void {
    spread(this.lists[term], this.lengths[term] ?? 0, into, clear);
  }

  /// As spreadWord, for the pair `key` (see WordCounts): at each slot
  /// where both its words are common, how often the pair stands.
  spreadPair(key: number, into: Int32Array, clear: boolean): void {
    const list = this.pairIds.get(key);
    if (list !== undefined) spread(this.pairLists[list], this.pairLengths[list]!, into, clear);
  }

  // The place of the list of `set`'s prefix, or -1 when it has none (one
  // word, or a prefix longer than the lists kept).
  private prefixList(set: TermSet): number {
    const prefix = set.prefix;
    if (prefix === null || prefix.length > longestPrefix) return -1;
    return this.prefixIds.get(prefix) ?? -1;
  }

  // Gives `id` the next slot, and lists its words and their prefixes there.
  private place(id: string, words: D): void {
    const slot = this.slots.length;
    this.slots.push(id);
    this.documents.push(words);
    this.slotIds.set(id, slot);
    this.idOrder = null;
    words.forEachWord((term, count) => {
      this.append(term, slot, count);
      const base = this.prefixBase(term);
      for (let n = 0; n < longestPrefix; n++) {
        const list = this.prefixesOf[base + n]! - 1;
        if (list >= 0) this.addToPrefix(list, slot, count);
        if (list >= 0) this.prefixRanked[list] = false;
      }
    });
    words.forEachPair((key, count) => {
      const list = this.pairList(key);
      const length = this.pairLengths[list]!;
      this.pairLists[list] = appended(this.pairLists[list], length, slot, count);
      this.pairLengths[list] = length + 2;
      this.pairRanked[list] = false;
    });
  }

  // The place of pair `key`'s list, given one when it has none.
  private pairList(key: number): number {
    let list = this.pairIds.get(key);
    if (list === undefined) {
      list = this.pairLists.length;
      this.pairIds.set(key, list);
      this.pairLists.push(undefined);
      this.pairLengths.push(0);
    }
    return list;
  }

  // Where word `term`'s prefixes start in `prefixesOf`, found the first
  // time the word is met.
  private prefixBase(term: number): number {
    const base = term * longestPrefix;
    if (this.prefixesOf.length < base + longestPrefix) {
      const grown = new Int32Array(Math.max(base + longestPrefix, this.prefixesOf.length * 2));
      grown.set(this.prefixesOf);
      this.prefixesOf = grown;
    }
    if (this.prefixesOf[base] === 0) {
      const word = this.wordOf(term);
      for (let n = 1; n <= longestPrefix; n++) {
        // A word shorter than n characters has no prefix of n: -1 + 1.
        if (word.length < n) continue;
        const prefix = word.slice(0, n);
        let list = this.prefixIds.get(prefix);
        if (list === undefined) {
          list = this.prefixLists.length;
          this.prefixIds.set(prefix, list);
          this.prefixLists.push(undefined);
          this.prefixLengths.push(0);
        }
        this.prefixesOf[base + n - 1] = list + 1;
      }
    }
    return base;
  }

  // Adds `count` to `slot`'s entry in prefix list `list`: a document's
  // words are listed one after the other, so its entry is the last one.
  private addToPrefix(list: number, slot: number, count: number): void {
    const length = this.prefixLengths[list]!;
    const entries = this.prefixLists[list];
    if (entries && length > 0 && entries[length - 2] === slot) {
      const sum = entries[length - 1]! + count;
      // A two-byte list whose sum no longer fits takes four bytes.
      const fits = sum < 65536 || entries instanceof Int32Array;
      const kept = fits ? entries : Int32Array.from(entries);
      kept[length - 1] = sum;
      this.prefixLists[list] = kept;
      return;
    }
    this.prefixLists[list] = appended(entries, length, slot, count);
    this.prefixLengths[list] = length + 2;
  }

  private append(term: number, slot: number, count: number): void {
    const length = this.lengths[term] ?? 0;
    this.lists[term] = appended(this.lists[term], length, slot, count);
    this.lengths[term] = length + 2;
    this.wordRanked[term] = false;
  }

  private rebuild(documents: Iterable<[string, D]>): void {
    for (const _ of this.rebuilding(documents, Number.POSITIVE_INFINITY));
  }

  // Rebuilds the lists from `documents`, yielding after every `every`.
  private *rebuilding(documents: Iterable<[string, D]>, every: number): Generator<void> {
    const all = [...documents];
    this.slots = [];
    this.documents = [];
    this.slotIds.clear();
    this.free = 0;
    this.idOrder = null;
    this.wordRanked = [];
    this.prefixRanked = [];
    this.pairRanked = [];
    // Each list at its final length: the entries counted first.
    const sizes: number[] = [];
    const prefixSizes: number[] = [];
    const pairSizes: number[] = [];
    let read = 0;
    for (const [, words] of all) {
      if (++read % every === 0) yield;
      words.forEachWord((term) => {
        sizes[term] = (sizes[term] ?? 0) + 2;
        const base = this.prefixBase(term);
        for (let n = 0; n < longestPrefix; n++) {
          const list = this.prefixesOf[base + n]! - 1;
          // At most one entry a document; counted with repeats here, so a
          // list may be a little long, never short.
          if (list >= 0) prefixSizes[list] = (prefixSizes[list] ?? 0) + 2;
        }
      });
      words.forEachPair((key) => {
        const list = this.pairList(key);
        pairSizes[list] = (pairSizes[list] ?? 0) + 2;
      });
    }
    // Two bytes a slot and a count while the slots fit; a list given a
    // count that does not takes four (see appended). Every word's and
    // pair's list is a view of one array: most hold one document (20,586
    // of 25,656 words' at 1,000 texts), and an array of its own each would
    // cost a buffer object per list, more than its four bytes. A list that
    // outgrows its view is copied out of it (see appended); the array is
    // let go at the next rebuild. Prefix lists, sized with repeats and
    // trimmed below, keep arrays of their own.
    const wide = all.length >= 65536;
    let total = 0;
    for (const size of sizes) total += size ?? 0;
    for (const size of pairSizes) total += size ?? 0;
    const whole = wide ? new Int32Array(total) : new Uint16Array(total);
    let at = 0;
    const view = (size: number) => whole.subarray(at, (at += size));
    this.lists = Array.from(sizes, (size) => (size === undefined ? undefined : view(size)));
    this.lengths = [];
    this.prefixLists = this.prefixLists.map((_, list) =>
      prefixSizes[list] ? (wide ? new Int32Array(prefixSizes[list]!) : new Uint16Array(prefixSizes[list]!)) : undefined,
    );
    this.prefixLengths = this.prefixLists.map(() => 0);
    this.pairLists = this.pairLists.map((_, list) => (pairSizes[list] ? view(pairSizes[list]!) : undefined));
    this.pairLengths = this.pairLists.map(() => 0);
    for (const [id, words] of all) {
      if (++read % every === 0) yield;
      this.place(id, words);
    }
    // Prefix lists were sized by words, not documents: trimmed to use.
    this.prefixLists = this.prefixLists.map((list, k) => (list && list.length > this.prefixLengths[k]! ? list.slice(0, this.prefixLengths[k]!) : list));
  }
}

// The longest prefix with a list of its own.
const longestPrefix = 3;

/// A list's entries, [slot, count, slot, count, …]: two bytes each while
/// every slot and count fits (about half of the postings' memory at 1,000
/// documents), four once one does not.
type Entries = Int32Array | Uint16Array;

// `list` (of which `length` is used) with a slot and its count after,
// grown (doubled) when full, and made four bytes an entry when they do
// not fit in two.
function appended(list: Entries | undefined, length: number, slot: number, count: number): Entries {
  const wide = slot >= 65536 || count >= 65536 || list instanceof Int32Array;
  if (!list || length + 2 > list.length || (wide && !(list instanceof Int32Array))) {
    const size = !list || length + 2 > list.length ? Math.max(8, (list?.length ?? 0) * 2) : list.length;
    const grown = wide ? new Int32Array(size) : new Uint16Array(size);
    if (list) grown.set(list.subarray(0, length));
    list = grown;
  }
  list[length] = slot;
  list[length + 1] = count;
  return list;
}

// Postings.collect over one list, listing from `found` on; returns how
// many are listed.
function collectList(
  list: Entries | undefined,
  length: number,
  counts: Int32Array,
  held: Int32Array,
  touched: Int32Array,
  count: boolean,
  found: number,
): number {
  if (!list) return found;
  for (let i = 0; i < length; i += 2) {
    const slot = list[i]!;
    if (held[slot] === 0) {
      held[slot] = 1;
      touched[found++] = slot;
    }
    if (count) counts[slot]! += list[i + 1]!;
  }
  return found;
}

// Postings.spreadWord over one list.
function spread(list: Entries | undefined, length: number, into: Int32Array, clear: boolean): void {
  if (!list) return;
  for (let i = 0; i < length; i += 2) into[list[i]!] = clear ? 0 : list[i + 1]!;
}

// Postings.intersect over one list.
function intersectList(list: Entries | undefined, length: number, counts: Int32Array, held: Int32Array, clause: number): void {
  if (!list) return;
  for (let i = 0; i < length; i += 2) {
    const slot = list[i]!;
    const h = held[slot]!;
    if (h === clause) held[slot] = clause + 1;
    else if (h !== clause + 1) continue;
    counts[slot]! += list[i + 1]!;
  }
}
