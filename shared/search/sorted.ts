/// The index of `value` in `sorted` (not decreasing), or -1: a binary
/// search, as a document's distinct word numbers and its paragraphs' first
/// words are kept (where a value repeats, the index of one of them).
export function indexIn(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = sorted[mid]!;
    if (at === value) return mid;
    if (at < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/// The index of `value` in `sorted`, strictly increasing whole numbers from
/// 0 (a document's distinct word numbers), or -1. Such a value stands at
/// most at its own index, so only the part below it is searched: the
/// commonest words, numbered first, are found among a few cache lines of a
/// document's array rather than across all of it.
export function rankIn(sorted: Int32Array | Uint16Array, value: number): number {
  let lo = 0;
  let hi = Math.min(sorted.length - 1, value);
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = sorted[mid]!;
    if (at === value) return mid;
    if (at < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/// The first index from `from` on (below `end`) where `sorted` (not
/// decreasing) is at least `want`, or `end`: a search that doubles its
/// stride, then halves it, so places far apart cost a few reads each, not
/// a walk over every one between (a document's paragraph starts checked
/// at a phrase's places; a word far commoner than a phrase's anchor).
export function gallop(sorted: Int32Array | Uint16Array, from: number, end: number, want: number): number {
  if (from >= end || sorted[from]! >= want) return from;
  let stride = 1;
  let lo = from;
  while (lo + stride < end && sorted[lo + stride]! < want) {
    lo += stride;
    stride *= 2;
  }
  let hi = Math.min(lo + stride, end);
  while (lo + 1 < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < want) lo = mid;
    else hi = mid;
  }
  return hi;
}
