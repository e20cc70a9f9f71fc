/// How alike two short strings are, from 0 (nothing in common) to 1 (equal):
/// one minus their edit distance over the longer length. For context
/// strings of up to a few dozen characters, so the quadratic cost is small.
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  return 1 - editDistance(a, b) / longer;
}

/// Levenshtein distance, in two rows.
export function editDistance(a: string, b: string): number {
  // A shared beginning and end never change the distance, and a revised
  // passage usually differs from its quote in one place: trimming them
  // leaves a few characters to compare instead of the whole quote.
  let head = 0;
  while (head < a.length && head < b.length && a.charCodeAt(head) === b.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail)) tail++;
  if (head > 0 || tail > 0) {
    a = a.slice(head, a.length - tail);
    b = b.slice(head, b.length - tail);
  }
  if (a.length < b.length) [a, b] = [b, a];
  if (b.length === 0) return a.length;
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}
