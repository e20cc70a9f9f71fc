/// Offsets in code points, as the W3C Web Annotation model counts them
/// (§4.2.5: "the number of Unicode code points"), against the UTF-16 code
/// units the library counts in. They differ after each character outside
/// the Basic Multilingual Plane (an emoji, a rare CJK ideograph, a
/// mathematical letter in OCR output): two units, one code point.
export class CodePoints {
  /// UTF-16 offsets of the surrogate pairs of the text, in order.
  private readonly pairs: number[] = [];

  constructor(text: string) {
    for (let i = 0; i < text.length - 1; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) this.pairs.push(i++);
      }
    }
  }

  /// The code point offset of a UTF-16 offset (inside a pair: after it).
  fromUtf16(offset: number): number {
    // Pairs that end at or before `offset` each count one unit less.
    return offset - this.countWhile((p) => p + 1 < offset);
  }

  /// The UTF-16 offset of a code point offset.
  toUtf16(offset: number): number {
    // The pair at UTF-16 offset p is at code point p - (pairs before it).
    return offset + this.countWhile((p, i) => p - i < offset);
  }

  // How many of the first pairs satisfy `test` (which holds for a prefix).
  private countWhile(test: (pair: number, index: number) => boolean): number {
    let low = 0;
    let high = this.pairs.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (test(this.pairs[mid]!, mid)) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
