import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical';

// The same value with every object's keys in reverse order.
function reordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reordered);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reordered(v)]),
    );
  return value;
}

describe('canonical JSON', () => {
  it('writes any JSON value as JSON that reads back the same, whatever order its keys were set in', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
        expect(canonicalJson(reordered(value))).toBe(canonicalJson(value));
      }),
    );
  });

  it('compares two items equal whatever order their fields were set in, and leaves out undefined fields', () => {
    const stored = { id: 'a1', note: 'Khrushchev’s aim', tags: ['claim'], actor: undefined, position: { start: 3, end: 9 } };
    const fromDoc = { position: { end: 9, start: 3 }, tags: ['claim'], note: 'Khrushchev’s aim', id: 'a1' };
    expect(canonicalJson(stored)).toBe(canonicalJson(fromDoc));
    expect(canonicalJson([undefined, 1])).toBe('[null,1]');
    expect(canonicalJson({ ...fromDoc, tags: ['actor'] })).not.toBe(canonicalJson(fromDoc));
  });
});
