import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../test-support/fast-check-seed';
import { jsonPieces, streamed } from './json-stream';

async function joined(pieces: AsyncIterable<string>): Promise<{ text: string; pieces: string[] }> {
  const all: string[] = [];
  for await (const piece of pieces) all.push(piece);
  return { text: all.join(''), pieces: all };
}

// Any JSON value with some of its arrays, at any depth, given in batches
// (the elements of a streamed array are plain).
function withStreamedArrays(value: unknown, cuts: number[]): unknown {
  if (Array.isArray(value)) {
    const cut = cuts.pop();
    const items = cut === undefined || cut % 3 === 0 ? value.map((item) => withStreamedArrays(item, cuts)) : value;
    if (cut === undefined || cut % 3 === 0) return items;
    const batches: unknown[][] = [];
    for (let at = 0; at < items.length; at += (cut % 4) + 1) batches.push(items.slice(at, at + (cut % 4) + 1), []);
    return streamed(
      (async function* () {
        yield* batches;
      })(),
    );
  }
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withStreamedArrays(v, cuts)]));
  return value;
}

describe('JSON in pieces', () => {
  it('joins to exactly what JSON.stringify(value, null, 2) writes, whatever the arrays streamed and the piece size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.jsonValue({ maxDepth: 4 }),
        fc.array(fc.nat({ max: 20 }), { maxLength: 30 }),
        fc.integer({ min: 1, max: 64 }),
        async (value, cuts, size) => {
          const { text, pieces } = await joined(jsonPieces(withStreamedArrays(value, [...cuts]), size));
          expect(text).toBe(JSON.stringify(value, null, 2));
          expect(pieces.every((piece) => piece.length > 0)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes an empty streamed list as [] and leaves out keys JSON leaves out', async () => {
    const value = { a: streamed([]), b: undefined, c: [streamed([[1], [], [2, undefined]])] };
    expect((await joined(jsonPieces(value))).text).toBe(JSON.stringify({ a: [], c: [[1, 2, null]] }, null, 2));
  });

  it('hands on text as each batch is written, not once the whole list is read', async () => {
    let read = 0;
    const batches = (async function* () {
      for (let i = 0; i < 100; i++) {
        read++;
        yield [{ i, text: 'x'.repeat(100) }];
      }
    })();
    const pieces = jsonPieces({ items: streamed(batches) }, 1000);
    await pieces.next();
    expect(read).toBeLessThan(20);
  });
});
