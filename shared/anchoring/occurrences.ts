/// The first start of `needle` lying wholly inside `range` of `text`, or
/// -1. Only the range is read: `text.indexOf(needle, from)` alone would go
/// on to the end of the text when the needle is not in the range, which in
/// a megabyte document was a third of the time spent re-anchoring.
export function indexWithin(text: string, needle: string, range: [number, number]): number {
  const from = Math.max(0, range[0]);
  const at = part(text, from, range[1]).indexOf(needle);
  return at < 0 ? -1 : from + at;
}

/// Every start of `needle` lying wholly inside `range` of `text`, reading
/// only the range.
export function occurrencesWithin(text: string, needle: string, range: [number, number]): number[] {
  const from = Math.max(0, range[0]);
  if (!needle) throw new RangeError('occurrencesWithin needs a needle of at least one character: an empty one occurs everywhere.');
  const inside = part(text, from, range[1]);
  const starts: number[] = [];
  for (let at = inside.indexOf(needle); at >= 0; at = inside.indexOf(needle, at + 1)) starts.push(from + at);
  return starts;
}

// A range may run off either end, or be empty: `slice` would count a
// negative end from the end of the text.
function part(text: string, from: number, to: number): string {
  return text.slice(from, Math.max(from, Math.min(text.length, to)));
}
