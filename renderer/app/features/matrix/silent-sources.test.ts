import { describe, expect, it } from 'vitest';
import { defaultRelationTypes } from '../../../../shared/links/model';
import { buildClaimMatrix } from '../../../../shared/matrix/claim-matrix';
import { linkOf as link, standIn as passage } from '../../../../shared/test-support/links';
import { withoutSilentSources } from './silent-sources';

const documents = [
  { id: 'brief', title: 'FO brief', date: { start: { year: 1962, month: 1, day: 19 } } },
  { id: 'memo', title: 'Czech memorandum', date: { start: { year: 1962, month: 4, day: 2 } } },
  { id: 'report', title: 'Albanian report', date: { start: { year: 1967, month: 1, day: 16 } } },
  { id: 'article', title: 'Article', date: { start: { year: 2019 } } },
];
const annotations = [passage('claim', 'brief', ['claim']), passage('evidence', 'article'), passage('aside', 'report')];

describe('withoutSilentSources', () => {
  const matrix = buildClaimMatrix({
    annotationsById: new Map(annotations.map((a) => [a.id, a])),
    links: [link('l1', 'evidence', 'claim', 'supports')],
    relationTypes: defaultRelationTypes,
    documents,
  });

  it('keeps the claim’s own document and the sources linked to a claim, in date order', () => {
    const shown = withoutSilentSources(matrix);
    expect(shown.columns.map((c) => c.id)).toEqual(['brief', 'article']);
    expect(shown.rows[0]!.cells.map((c) => [c.documentId, c.sourceOfClaim, c.relations.map((r) => r.phrase)])).toEqual([
      ['brief', true, []],
      ['article', false, ['supports']],
    ]);
  });

  it('leaves a matrix without claims without columns', () => {
    expect(withoutSilentSources({ columns: matrix.columns, rows: [] }).columns).toEqual([]);
  });
});
