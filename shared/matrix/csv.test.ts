import { describe, expect, it } from 'vitest';
import type { LibraryDocument } from '../corpus/document';
import { defaultRelationTypes } from '../links/model';
import { loadCorpus, seed, seedIds } from '../test-support/corpus';
import { annotationOn, linkOf as link } from '../test-support/links';
import { buildClaimMatrix } from './claim-matrix';
import { claimMatrixCsv } from './csv';

const corpus = loadCorpus();
const annotation = (id: string, documentId: string, exact: string, tags: string[] = []) => annotationOn(corpus, id, documentId, exact, tags);

const { foBrief, article, czechMemo, albanianReport, listing } = seedIds;
const annotations = [
  annotation('overthrown', foBrief, 'they believe Khrushchev will eventually be overthrown', ['claim']),
  annotation('acupuncture', foBrief, 'The "acupuncture" has in fact failed to work', ['claim']),
  annotation('removal', albanianReport, 'the removal of Khrushchev led to an improvement of relations'),
  annotation('summary', albanianReport, 'Albanian officials examine North Korea'),
  annotation('ripening', article, 'Disagreement between Khrushchev and Enver Hoxha'),
  annotation('failed', article, 'failed in their attempts to stop another growing conflict'),
  annotation('loss', czechMemo, 'If Albania left our camp, it would be a loss for all of us'),
];
const links = [
  link('l1', 'removal', 'overthrown', 'supports'),
  link('l2', 'summary', 'overthrown', 'supports'),
  link('l3', 'overthrown', 'loss', 'elaborates'),
  link('l4', 'failed', 'acupuncture', 'supports'),
  link('l5', 'ripening', 'acupuncture', 'contradicts'),
];
const documents = [...corpus.values()].map((d: LibraryDocument) => ({ id: d.id, title: d.meta.title, date: d.meta.date }));
const matrix = buildClaimMatrix({ annotationsById: new Map(annotations.map((a) => [a.id, a])), links, relationTypes: defaultRelationTypes, documents });
const title = (id: string) => seed(corpus, id).meta.title;

describe('the claim matrix of the seed corpus as CSV', () => {
  const lines = claimMatrixCsv(matrix).split('\r\n');

  it('heads the columns with the documents in date order, each with its date', () => {
    expect(matrix.columns.map((d) => d.id)).toEqual([listing, foBrief, czechMemo, albanianReport, article]);
    expect(lines[0]).toBe(
      '\uFEFFclaim,claim’s document,' +
        [
          'Archive search results: 9 documents (26 December 1956 – 26 June 1964)',
          `"${title(foBrief)} (19 January 1962)"`,
          `"${title(czechMemo)} (2 April 1962)"`,
          'Report on the Stance of the DPRK towards Albania (16 January 1967)',
          'Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961 (2019)',
        ].join(','),
    );
  });

  it('gives a row per claim: its quote, its document, and what each source says of it', () => {
    // In the brief's text order: the acupuncture comes first.
    expect(lines[1]).toBe(`"The ""acupuncture"" has in fact failed to work","${title(foBrief)}",,source of the claim,,,supports; contradicts`);
    expect(lines[2]).toBe(`they believe Khrushchev will eventually be overthrown,"${title(foBrief)}",,source of the claim,elaborated by,supports (2),`);
    expect(lines[3]).toBe('');
    expect(lines).toHaveLength(4);
  });

  it('keeps a spreadsheet from running a quote as a formula', () => {
    const formula = { ...annotations[0]!, id: 'formula', quote: { ...annotations[0]!.quote, exact: '=HYPERLINK("x")' } };
    const csv = claimMatrixCsv(
      buildClaimMatrix({ annotationsById: new Map([[formula.id, formula]]), links: [], relationTypes: defaultRelationTypes, documents }),
    );
    expect(csv.split('\r\n')[1]).toMatch(/^"'=HYPERLINK\(""x""\)",/);
  });
});
