import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCorpus, seedIds } from '../test-support/corpus';
import { annotationOn, linkOf as link } from '../test-support/links';
import { linksBetween } from './between';
import type { Link } from './model';

const corpus = loadCorpus();
const annotation = (id: string, documentId: string, exact: string) => annotationOn(corpus, id, documentId, exact, ['claim']);

const { foBrief, article, czechMemo } = seedIds;
const annotations = [
  annotation('overthrown', foBrief, 'they believe Khrushchev will eventually be overthrown'),
  annotation('acupuncture', foBrief, 'The "acupuncture" has in fact failed to work'),
  annotation('motive', foBrief, "Khrushchev's motive in raising the issue of Albania"),
  annotation('ripening', article, 'Disagreement between Khrushchev and Enver Hoxha'),
  annotation('failed', article, 'failed in their attempts to stop another growing conflict'),
  annotation('loss', czechMemo, 'If Albania left our camp, it would be a loss for all of us'),
];
const byId = new Map(annotations.map((a) => [a.id, a]));

describe('linksBetween', () => {
  const links = [
    link('l1', 'failed', 'acupuncture'),
    link('l2', 'motive', 'ripening', 'elaborates'),
    link('l3', 'acupuncture', 'ripening', 'contradicts'),
    link('l4', 'loss', 'motive'),
    link('l5', 'overthrown', 'motive', 'cites'),
    link('l6', 'motive', 'gone'),
  ];

  it('steps through the links joining the brief and the article in the brief’s reading order, then the article’s', () => {
    const steps = linksBetween(foBrief, article, links, byId);
    expect(steps.map((s) => [s.a.id, s.b.id, s.link.id])).toEqual([
      ['motive', 'ripening', 'l2'],
      ['acupuncture', 'ripening', 'l3'],
      ['acupuncture', 'failed', 'l1'],
    ]);
  });

  it('gives the same links from the other side, ordered by the article', () => {
    const steps = linksBetween(article, foBrief, links, byId);
    expect(steps.map((s) => [s.a.id, s.b.id])).toEqual([
      ['ripening', 'motive'],
      ['ripening', 'acupuncture'],
      ['failed', 'acupuncture'],
    ]);
  });

  it('shows links within one document when both sides show it, and none to a deleted passage', () => {
    expect(linksBetween(foBrief, foBrief, links, byId).map((s) => [s.a.id, s.b.id])).toEqual([['overthrown', 'motive']]);
    expect(linksBetween(czechMemo, article, links, byId)).toEqual([]);
  });

  it('holds exactly the links with one end on each side, sorted by the first side and then the second', () => {
    const ids = annotations.map((a) => a.id);
    const docs = [foBrief, article, czechMemo];
    const anyLinks = fc
      .array(fc.tuple(fc.constantFrom(...ids), fc.constantFrom(...ids)), { maxLength: 30 })
      .map((pairs) => pairs.map(([from, to], i) => link(`l${String(i).padStart(2, '0')}`, from, to)));
    fc.assert(
      fc.property(anyLinks, fc.constantFrom(...docs), fc.constantFrom(...docs), (all, docA, docB) => {
        const steps = linksBetween(docA, docB, all, byId);
        const joins = (l: Link) => {
          const [f, t] = [byId.get(l.from)!.documentId, byId.get(l.to)!.documentId];
          return (f === docA && t === docB) || (f === docB && t === docA);
        };
        expect(steps.map((s) => s.link).sort((x, y) => (x.id < y.id ? -1 : 1))).toEqual(all.filter(joins));
        for (const s of steps) expect([s.a.documentId, s.b.documentId]).toEqual([docA, docB]);
        for (let i = 1; i < steps.length; i++) {
          const [p, q] = [steps[i - 1]!, steps[i]!];
          expect(p.a.position.start < q.a.position.start || (p.a.id === q.a.id && p.b.position.start <= q.b.position.start)).toBe(true);
        }
      }),
    );
  });
});
