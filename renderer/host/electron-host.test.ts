import { describe, expect, it } from 'vitest';
import { withinCap } from './electron-host';

describe('a streamed save’s piece cut to what one IPC call carries', () => {
  it('joins back to the same text, and never splits an emoji or a rare ideograph between calls', () => {
    const text = `ab🙂c𠀀d${'🙂'.repeat(5)}`;
    for (const cap of [1, 2, 3, 4, 7]) {
      const parts = [...withinCap(text, cap)] as string[];
      expect(parts.join('')).toBe(text);
      expect(parts.every((part) => part.length <= cap || part.length === 2)).toBe(true);
      // Each part encodes alone to the same bytes as in the whole.
      expect(Buffer.concat(parts.map((part) => Buffer.from(part, 'utf8')))).toEqual(Buffer.from(text, 'utf8'));
    }
  });

  it('cuts bytes anywhere, and passes a small piece through whole', () => {
    expect([...withinCap(new Uint8Array([1, 2, 3, 4, 5]), 10, 2)]).toEqual([new Uint8Array([1, 2]), new Uint8Array([3, 4]), new Uint8Array([5])]);
    expect([...withinCap('{"a": 1}')]).toEqual(['{"a": 1}']);
  });
});
