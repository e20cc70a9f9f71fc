import { describe, expect, it } from 'vitest';
import { Lru } from './lru';

describe('the cache of documents opened last', () => {
  it('keeps the entries used last, dropping the one used longest ago', () => {
    const cache = new Lru<string, number>(2);
    cache.set('brief', 1);
    cache.set('memo', 2);
    // Reading the brief again makes it the newest: the memo goes first.
    expect(cache.get('brief')).toBe(1);
    cache.set('report', 3);
    expect([cache.get('memo'), cache.get('brief'), cache.get('report'), cache.size]).toEqual([undefined, 1, 3, 2]);
  });

  it('refuses a capacity that could hold nothing, saying so', () => {
    expect(() => new Lru(0)).toThrow(RangeError);
  });
});
