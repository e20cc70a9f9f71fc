import { describe, expect, it } from 'vitest';
import { maxSlugLength, slugOf } from './slug';

describe('slugOf', () => {
  it('makes a readable id of a name, accents and punctuation aside', () => {
    expect(slugOf('Politics / Leaders', 'tag')).toBe('politics-leaders');
    expect(slugOf('Mëhilli, Dvořák', 'tag')).toBe('mehilli-dvorak');
    expect(slugOf('“—”', 'tag')).toBe('tag');
  });

  it('keeps an id made of a long name short enough for every format', () => {
    const slug = slugOf('A very long code name / '.repeat(20), 'tag');
    expect(slug.length).toBeLessThanOrEqual(maxSlugLength);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});
