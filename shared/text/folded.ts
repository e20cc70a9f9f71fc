/// A text with some differences folded away (typography for anchoring;
/// case and diacritics too for search), and the way back to the original.
export interface FoldedText {
  text: string;
  /// `toOriginal[i]` is the offset in the original text of folded character
  /// i; one extra entry maps the end.
  toOriginal: Int32Array;
}

/// The folded text built in `codes` (its first `length` code units) with
/// its map, as a FoldedText.
export function foldedText(codes: Uint16Array, length: number, toOriginal: Int32Array): FoldedText {
  return { text: fromCodes(codes, length), toOriginal: toOriginal.subarray(0, length + 1) };
}

function fromCodes(codes: Uint16Array, length: number): string {
  const parts: string[] = [];
  // In slices: spreading a megabyte into one call overflows the stack.
  for (let at = 0; at < length; at += 8192) parts.push(String.fromCharCode.apply(null, codes.subarray(at, Math.min(length, at + 8192)) as unknown as number[]));
  return parts.join('');
}

/// The folded offset nearest an original offset: the first folded
/// character at or after it.
export function foldedOffset(folded: FoldedText, offset: number): number {
  const map = folded.toOriginal;
  let lo = 0;
  let hi = map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (map[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/// The original range a non-empty folded range `start`–`end` stands for:
/// from its first character's original offset to just after its last's.
export function originalRange(folded: FoldedText, start: number, end: number): { start: number; end: number } {
  return { start: folded.toOriginal[start]!, end: folded.toOriginal[end - 1]! + 1 };
}
