import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../shared/annotation/model';
import {
  annotationsOf,
  bucketOf,
  bucketsFor,
  chunkKey,
  chunkRow,
  findIn,
  fnv1a32,
  groupIntoChunks,
  maxPerBucket,
  startOf,
  withActorIn,
  withTagIn,
} from './chunk-layout';

function annotation(id: string, fields: Partial<Annotation> = {}): Annotation {
  return {
    id,
    documentId: 'doc',
    quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 0, end: 1 },
    tags: [],
    actor: null,
    note: '',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    ...fields,
  };
}

describe('fnv1a32', () => {
  it('gives the published FNV-1a values', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });
});

describe('bucketOf', () => {
  it('is in range, and doubling splits a bucket in two without moving anything else', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 0, max: 12 }), (id, power) => {
        const buckets = 2 ** power;
        const bucket = bucketOf(id, buckets);
        expect(bucket).toBeGreaterThanOrEqual(0);
        expect(bucket).toBeLessThan(buckets);
        expect([bucket, bucket + buckets]).toContain(bucketOf(id, buckets * 2));
      }),
    );
  });

  it('spreads ids evenly enough that no bucket is twice the average', () => {
    const counts = new Array<number>(16).fill(0);
    for (let i = 0; i < 16_000; i++) counts[bucketOf(`a${i}`, 16)]!++;
    expect(Math.max(...counts)).toBeLessThan(2000);
    expect(Math.min(...counts)).toBeGreaterThan(500);
  });

  it('refuses a bucket count that is not a power of two, saying why', () => {
    expect(() => bucketOf('a', 3)).toThrow(new RangeError("A document's bucket count must be a power of two, at least 1; 3 is not."));
    expect(() => bucketOf('a', 0)).toThrow(RangeError);
    expect(() => bucketsFor(10, 6)).toThrow(RangeError);
  });
});

describe('bucketsFor', () => {
  it('doubles until the average is at or under the limit, and never shrinks', () => {
    expect(bucketsFor(0)).toBe(1);
    expect(bucketsFor(maxPerBucket)).toBe(1);
    expect(bucketsFor(maxPerBucket + 1)).toBe(2);
    expect(bucketsFor(100_000)).toBe(256);
    expect(bucketsFor(3, 8)).toBe(8);
  });
});

describe('chunk rows', () => {
  const b = annotation('b', { tags: ['claim', 'actor'], actor: 'Tito', note: 'with “quotes”, ë and Ж' });
  const a = annotation('a', { tags: ['claim'], actor: null });
  const c = annotation('c', { tags: [], actor: 'Tito' });
  const d = annotation('d', { tags: ['actor'], actor: 'Hoxha' });
  const row = chunkRow('doc', 1, [b, a, c, d]);

  it('sort by id, list the distinct tags and actors, and give every annotation back as it was', () => {
    expect(row.key).toBe(chunkKey('doc', 1));
    expect(row.ids).toEqual(['a', 'b', 'c', 'd']);
    expect(annotationsOf(row)).toEqual([a, b, c, d]);
    expect(row.tags).toEqual(['actor', 'claim']);
    expect(row.tagged).toEqual([
      [1, 3],
      [0, 1],
    ]);
    expect(row.actors).toEqual(['Hoxha', 'Tito']);
    expect(row.named).toEqual([[3], [1, 2]]);
  });

  it('find one annotation by id, and those with a tag or an actor', () => {
    expect(findIn(row, 'b')).toEqual(b);
    expect(findIn(row, 'd')).toEqual(d);
    expect(findIn(row, 'bb')).toBeUndefined();
    expect(findIn(chunkRow('doc', 0, []), 'a')).toBeUndefined();
    expect(withTagIn(row, 'claim')).toEqual([a, b]);
    expect(withTagIn(row, 'economic-measure')).toEqual([]);
    expect(withActorIn(row, 'Tito')).toEqual([b, c]);
    expect(withActorIn(row, 'Mao')).toEqual([]);
  });

  it('refuse an annotation of another document, or one id twice', () => {
    expect(() => chunkRow('doc', 0, [annotation('a', { documentId: 'other' })])).toThrow('Annotation a belongs to document other, not to doc');
    expect(() => chunkRow('doc', 0, [a, { ...a, note: 'again' }])).toThrow(
      new RangeError('Annotation a is given twice for one chunk; each id is stored once.'),
    );
  });

  it('group every annotation once, each in its bucket', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { maxLength: 200 }), fc.integer({ min: 0, max: 5 }), (ids, power) => {
        const buckets = 2 ** power;
        const rows = groupIntoChunks(
          'doc',
          buckets,
          ids.map((id) => annotation(id)),
        );
        expect(rows.flatMap((row) => annotationsOf(row).map((a) => a.id)).sort()).toEqual([...ids].sort());
        for (const row of rows) {
          expect(row.ids.length).toBeGreaterThan(0);
          for (const id of row.ids) expect(bucketOf(id, buckets)).toBe(row.bucket);
        }
      }),
    );
  });
});

describe('startOf', () => {
  // Texts a researcher might quote or write that look like the stored key.
  const tricky = fc.oneof(fc.string(), fc.constantFrom('"start":12,', '\\"start\\":7}', 'start":3', '{"start":99}', '"start": 4'));

  it('reads the start an export sorts by from the stored text, whatever the quote and note hold', () => {
    fc.assert(
      fc.property(tricky, tricky, tricky, fc.nat(), fc.nat(200), (exact, prefix, note, start, length) => {
        const stored = chunkRow('doc', 0, [
          annotation('a', {
            quote: { type: 'TextQuoteSelector', exact, prefix, suffix: note },
            position: { type: 'TextPositionSelector', start, end: start + length },
            note,
          }),
        ]).annotations[0]!;
        expect(startOf(stored)).toBe(start);
      }),
    );
  });

  it('parses a text whose start is not a whole number written plainly', () => {
    expect(startOf('{"note":"\\"start\\":1","position":{"start":2.5,"end":3}}')).toBe(2.5);
    expect(startOf('{"position":{"end":3,"start":1e+21}}')).toBe(1e21);
  });
});
