// The least and greatest of a list, in a loop. `Math.min(...list)` passes
// every element as an argument, and a long list (a PDF page of 600,000 text
// runs) overflows the call stack; these take any length.

/// The least of `of(item)` over `items`; `Infinity` for none.
export function least<T>(items: Iterable<T>, of: (item: T) => number): number {
  let min = Infinity;
  for (const item of items) {
    const value = of(item);
    if (value < min) min = value;
  }
  return min;
}

/// The greatest of `of(item)` over `items`; `-Infinity` for none.
export function greatest<T>(items: Iterable<T>, of: (item: T) => number): number {
  let max = -Infinity;
  for (const item of items) {
    const value = of(item);
    if (value > max) max = value;
  }
  return max;
}
