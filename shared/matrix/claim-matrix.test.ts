import { describe, expect, it } from 'vitest';
import { defaultRelationTypes } from '../links/model';
import { linkOf as link, standIn as passage } from '../test-support/links';
import { type ClaimMatrix, type MatrixDocument, buildClaimMatrix } from './claim-matrix';
import { InvalidInput } from '../errors';

const documents: MatrixDocument[] = [
  { id: 'report', title: 'Albanian report', date: { start: { year: 1967, month: 1, day: 16 } } },
  { id: 'notes', title: 'Undated notes', date: null },
  { id: 'brief', title: 'FO brief', date: { start: { year: 1962, month: 1, day: 19 } } },
  { id: 'listing', title: 'Archive listing', date: { start: { year: 1956, month: 12, day: 26 }, end: { year: 1964 } } },
];
const annotations = [
  passage('claim', 'brief', ['claim']),
  passage('same-page', 'brief'),
  passage('first', 'report'),
  passage('second', 'report'),
  passage('reply', 'report', ['claim', 'actor']),
  passage('early', 'listing'),
  passage('doubt', 'notes'),
  passage('elsewhere', 'not-a-column'),
];
const annotationsById = new Map(annotations.map((a) => [a.id, a]));
const links = [
  link('l1', 'second', 'claim', 'supports'),
  link('l2', 'first', 'claim', 'supports'),
  link('l3', 'claim', 'first', 'supports'),
  link('l4', 'claim', 'early', 'elaborates'),
  link('l5', 'doubt', 'claim', 'contradicts'),
  link('l6', 'claim', 'doubt', 'same-event'),
  link('l7', 'same-page', 'claim', 'cites'),
  link('l8', 'reply', 'claim', 'responds-to'),
  link('l9', 'elsewhere', 'claim', 'supports'),
  link('l10', 'gone', 'claim', 'supports'),
  link('l11', 'first', 'second', 'supports'),
];
const build = (extra: Partial<Parameters<typeof buildClaimMatrix>[0]> = {}) =>
  buildClaimMatrix({ annotationsById, links, relationTypes: defaultRelationTypes, documents, ...extra });

// Each cell as its phrases with the passages, and the source mark.
const cellsOf = (matrix: ClaimMatrix, claim: string) =>
  matrix.rows
    .find((r) => r.claim.id === claim)!
    .cells.map((cell) => [cell.documentId, cell.sourceOfClaim, cell.relations.map((r) => [r.phrase, r.passages.map((p) => p.annotationId)])]);

describe('buildClaimMatrix', () => {
  const matrix = build();

  it('puts the documents in date order, undated last, and a row per claim by its document and place', () => {
    expect(matrix.columns.map((d) => d.id)).toEqual(['listing', 'brief', 'report', 'notes']);
    expect(matrix.rows.map((r) => r.claim.id)).toEqual(['claim', 'reply']);
  });

  it('reads each cell from the source’s passage toward the claim', () => {
    expect(cellsOf(matrix, 'claim')).toEqual([
      // "claim elaborates early": the listing's passage is elaborated by the claim.
      ['listing', false, [['elaborated by', ['early']]]],
      ['brief', true, [['cites', ['same-page']]]],
      // Drawn toward the claim, "supports"; drawn from it, "supported by": not counted as support.
      [
        'report',
        false,
        [
          ['supports', ['first', 'second']],
          ['supported by', ['first']],
          ['responds to', ['reply']],
        ],
      ],
      // Symmetric relations read the same whichever way they were drawn.
      [
        'notes',
        false,
        [
          ['contradicts', ['doubt']],
          ['same event', ['doubt']],
        ],
      ],
    ]);
  });

  it('shows a link between two claims in both rows, each read from its own end', () => {
    expect(cellsOf(matrix, 'reply')).toEqual([
      ['listing', false, []],
      ['brief', false, [['answered by', ['claim']]]],
      ['report', true, []],
      ['notes', false, []],
    ]);
  });

  it('keeps the link ids beside the passages, to jump to either', () => {
    const report = matrix.rows[0]!.cells[2]!;
    expect(report.relations[0]!.passages).toEqual([
      { annotationId: 'first', linkId: 'l2' },
      { annotationId: 'second', linkId: 'l1' },
    ]);
  });

  it('takes the claims by another tag, or among some annotations only', () => {
    expect(build({ claims: { tag: 'actor' } }).rows.map((r) => r.claim.id)).toEqual(['reply']);
    expect(build({ claims: { among: ['reply', 'first', 'missing'] } }).rows.map((r) => r.claim.id)).toEqual(['reply']);
  });

  it('refuses a document listed twice, and a relation that does not exist', () => {
    expect(() => build({ documents: [...documents, documents[0]!] })).toThrow(
      new InvalidInput('$', 'The documents of a claim matrix must be different documents: one is listed twice.'),
    );
    expect(() => build({ links: [link('bad', 'first', 'claim', 'refutes')] })).toThrow(new InvalidInput('$', 'There is no relation type “refutes”.'));
  });
});
