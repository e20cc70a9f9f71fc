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
