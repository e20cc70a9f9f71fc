import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldTerm } from '../search/fold';
import { seedIds } from '../test-support/corpus';
import { type RowFilter, filterRows, filterTerms, prepareRows } from './filter';
import type { AnnotationRow } from './rows';
import { manyRows, rows } from './test-support/sample';

const prepared = prepareRows(rows);
const ids = (filter: RowFilter) => filterRows(prepared, filter).map((r) => r.annotationId);

describe('filterRows', () => {
  it('keeps every row, in order, when nothing is asked', () => {
    expect(ids({})).toEqual(rows.map((r) => r.annotationId));
    expect(ids({ tagTypeIds: [], documentIds: [], text: '   ' })).toEqual(rows.map((r) => r.annotationId));
  });

  it('finds words in quotes, notes, actors and titles, case and accents folded', () => {
    expect(ids({ text: 'mehilli' })).toEqual(['mehilli']);
    expect(ids({ text: 'MËHILLI' })).toEqual(['mehilli']);
    // "Dvořàk" in the Czech memorandum's title, on every row of that document.
    expect(ids({ text: 'dvorak' })).toEqual(['dvorak']);
    // A note ("Soviet pressure on Tirana failed.") and a title ("…between Moscow and Tirana…").
    expect(ids({ text: 'tirana' })).toEqual(['acupuncture', 'mehilli']);
    // The canonical name finds a passage tagged "N. Khrushchev", and the name as tagged does too.
    expect(ids({ text: 'nikita' })).toEqual(['motive', 'deposing']);
    expect(ids({ text: '"N. Khrushchev"' })).toEqual(['deposing']);
    expect(ids({ text: 'khrush' })).toEqual(['motive', 'deposing']);
  });

  it('needs every word, and a quoted phrase as written', () => {
    expect(ids({ text: 'soviet failed' })).toEqual(['acupuncture']);
    expect(ids({ text: 'korean soviet' })).toEqual(['deposing']);
    expect(ids({ text: '"failed to work"' })).toEqual(['acupuncture']);
    expect(ids({ text: '"work failed"' })).toEqual([]);
  });

  it('never matches a phrase across two fields', () => {
    // The quote "E. Mëhilli" ends, the note begins "Cornell".
    expect(ids({ text: 'mehilli cornell' })).toEqual(['mehilli']);
    expect(ids({ text: '"mehilli cornell"' })).toEqual([]);
  });

  it('filters by tag type (any of those given), actor, document, set and relation', () => {
    expect(ids({ tagTypeIds: ['economic-measure'] })).toEqual(['grain']);
    expect(ids({ tagTypeIds: ['economic-measure', 'actor'] })).toEqual(['motive', 'grain', 'dvorak', 'deposing', 'choe']);
    expect(ids({ actorId: 'khrushchev' })).toEqual(['motive', 'deposing']);
    expect(ids({ documentIds: [seedIds.czechMemo, seedIds.listing] })).toEqual(['dvorak', 'choe']);
    expect(ids({ setId: 'chapter-3' })).toEqual(['motive', 'acupuncture', 'deposing']);
    expect(ids({ relationType: 'contradicts' })).toEqual(['motive', 'deposing']);
    expect(ids({ setId: 'chapter-3', relationType: 'supports', tagTypeIds: ['actor'] })).toEqual(['motive']);
  });

  it('filters by who made the annotation, not who last changed it', () => {
    expect(ids({ authorId: 'machine-ben' })).toEqual(['mehilli']);
    expect(ids({ authorId: 'machine-ana' })).toEqual(['motive']);
    expect(ids({ authorId: 'machine-ana', tagTypeIds: ['economic-measure'] })).toEqual([]);
  });

  it('reads a filter’s words and phrases as search folds them', () => {
    expect(filterTerms('  Mëhilli  "Soviet   Union" ')).toEqual(['mehilli', 'soviet union']);
    expect(filterTerms('“acupuncture”')).toEqual(['acupuncture']);
    expect(filterTerms('""')).toEqual([]);
  });

  it('reuses what was prepared for rows that did not change, and refolds edited ones', () => {
    const edited = rows.map((r) => (r.annotationId === 'grain' ? { ...r, note: 'Trade in grain loosened Peking’s dependence on Moscow.' } : r));
    const again = prepareRows(edited, prepared);
    expect(again.find((p) => p.row.annotationId === 'motive')!.text).toBe(prepared.find((p) => p.row.annotationId === 'motive')!.text);
    expect(filterRows(again, { text: 'loosened' }).map((r) => r.annotationId)).toEqual(['grain']);
    expect(again.map((p) => p.text)).toEqual(prepareRows(edited).map((p) => p.text));
  });
});

describe('filterRows on 10,000 rows', () => {
  const many = manyRows(400);
  const manyPrepared = prepareRows(many);

  /// The same filter written plainly: every field folded at every test.
  function naive(rowsToFilter: readonly AnnotationRow[], filter: RowFilter): AnnotationRow[] {
    const terms = filter.text ? filterTerms(filter.text) : [];
    return rowsToFilter.filter(
      (r) =>
        (!filter.tagTypeIds?.length || r.tags.some((t) => filter.tagTypeIds!.includes(t))) &&
        (!filter.actorId || r.actorId === filter.actorId) &&
        (!filter.relationType || r.relations.includes(filter.relationType)) &&
        (!filter.authorId || r.authorId === filter.authorId) &&
        terms.every((term) => [r.quote, r.note, r.actor ?? '', r.taggedActor ?? '', r.documentTitle].some((field) => foldTerm(field).includes(term))),
    );
  }

  it('keeps exactly the rows a plain reading of the filter keeps', () => {
    const sample = many.slice(0, 400);
    const samplePrepared = manyPrepared.slice(0, 400);
    const word = fc.constantFrom('soviet', 'albania', 'khrush', 'HOXHA', 'dvořak', 'mehmet', '"the soviet union"', 'korea', 'zzz', 'the', 'chinese');
    fc.assert(
      fc.property(
        fc.record({
          text: fc.array(word, { maxLength: 3 }).map((w) => w.join(' ')),
          tagTypeIds: fc.subarray(['actor', 'claim', 'economic-measure', 'chronology']),
          actorId: fc.constantFrom(undefined, 'enver hoxha', 'ri song-un'),
          relationType: fc.constantFrom(undefined, 'supports', 'contradicts'),
          authorId: fc.constantFrom(undefined, 'machine-ana', 'machine-ben'),
        }),
        (filter) => {
          expect(filterRows(samplePrepared, filter).map((r) => r.annotationId)).toEqual(naive(sample, filter).map((r) => r.annotationId));
        },
      ),
      { numRuns: 60 },
    );
  });
});
