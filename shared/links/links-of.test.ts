import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linksAfterDeleting, linksOf } from './links-of';
import type { Link } from './model';

const time = '2026-11-22T10:00:00.000Z';
const link = (id: string, from: string, to: string, relation = 'supports'): Link => ({ id, from, to, relation, note: '', created: time, modified: time });

const links = [link('l1', 'claim', 'evidence'), link('l2', 'report', 'claim', 'contradicts'), link('l3', 'evidence', 'report'), link('l4', 'memo', 'claim', 'elaborates')];

describe('linksOf', () => {
  it('splits an annotation’s links into those it starts and those it ends, leaving the rest', () => {
    const { outgoing, incoming } = linksOf('claim', links);
    expect(outgoing.map((l) => l.id)).toEqual(['l1']);
    expect(incoming.map((l) => l.id)).toEqual(['l2', 'l4']);
    expect(linksOf('nobody', links)).toEqual({ outgoing: [], incoming: [] });
  });
});

describe('linksAfterDeleting', () => {
  it('drops every link with an end among the deleted annotations, whichever end', () => {
    expect(linksAfterDeleting(['claim'], links).map((l) => l.id)).toEqual(['l1', 'l2', 'l4']);
    expect(linksAfterDeleting(['evidence', 'memo'], links).map((l) => l.id)).toEqual(['l1', 'l3', 'l4']);
    expect(linksAfterDeleting([], links)).toEqual([]);
  });

  it('leaves no link pointing at a deleted annotation, and drops no other', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const anyLinks = fc.array(fc.tuple(fc.constantFrom(...ids), fc.constantFrom(...ids)), { maxLength: 20 }).map((pairs) => pairs.map(([from, to], i) => link(`l${i}`, from, to)));
    fc.assert(
      fc.property(anyLinks, fc.subarray(ids), (all, deleted) => {
        const drop = new Set(linksAfterDeleting(deleted, all));
        for (const l of all) expect(drop.has(l)).toBe(deleted.includes(l.from) || deleted.includes(l.to));
      }),
    );
  });
});
