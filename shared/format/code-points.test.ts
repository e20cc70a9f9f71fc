import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodePoints } from './code-points';

describe('code points against UTF-16 units', () => {
  it('counts an emoji or a rare ideograph as one code point, as W3C positions do', () => {
    const text = 'a𝔄b🙂c';
    const points = new CodePoints(text);
    expect(points.fromUtf16(text.indexOf('b'))).toBe(2);
    expect(points.fromUtf16(text.indexOf('c'))).toBe(4);
    expect(points.toUtf16(4)).toBe(text.indexOf('c'));
    expect(points.fromUtf16(text.length)).toBe([...text].length);
  });

  it('maps every boundary between characters there and back', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'é', '𝔄', '🙂', '\n', '中') }), (text) => {
        const points = new CodePoints(text);
        let unit = 0;
        [...text].forEach((char, i) => {
          expect(points.fromUtf16(unit)).toBe(i);
          expect(points.toUtf16(i)).toBe(unit);
          unit += char.length;
        });
      }),
    );
  });
});
