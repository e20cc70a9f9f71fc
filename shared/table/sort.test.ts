import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type TagType, defaultTagTypes } from '../annotation/model';
import { compareDates } from '../corpus/dates';
import { seedIds } from '../test-support/corpus';
import type { AnnotationRow } from './rows';
import { type RowColumn, type SortDirection, sortRows } from './sort';
import { manyRows, row, rows } from './test-support/sample';

const ids = (sorted: readonly AnnotationRow[]) => sorted.map((r) => r.annotationId);

describe('sortRows', () => {
  it('sorts by document date, undated last in either direction', () => {
    const ascending = sortRows(rows, 'date', 'ascending');
    expect(ascending.map((r) => r.documentId)).toEqual([
      seedIds.listing, // 26 December 1956 (its first entry)
      seedIds.foBrief,
      seedIds.foBrief,
      seedIds.foBrief, // 19 January 1962, in their given order
      seedIds.czechMemo, // 2 April 1962
      seedIds.albanianReport, // 16 January 1967
      seedIds.article, // 2019
      'a-deleted-document',
    ]);
    expect(ids(sortRows(rows, 'date', 'descending'))).toEqual(['mehilli', 'deposing', 'dvorak', 'motive', 'acupuncture', 'grain', 'choe', 'orphan']);
  });

  it('sorts text with the locale’s collation: accents beside their letter, numbers by value, opening quotation marks ignored', () => {
    const named = (quote: string, id: string): AnnotationRow => ({ ...row('motive'), annotationId: id, quote });
    const quotes = [
      named('Zhou Enlai remained silent', 'z'),
      named('“Dvořàk” wrote to Prague', 'd2'),
      named('Dvorak invited Ri Song-un', 'd1'),
      named('Brief No. 10', 'b10'),
      named('Brief No. 5', 'b5'),
      named('çarçani', 'c'),
    ];
    expect(ids(sortRows(quotes, 'quote', 'ascending', { locale: 'en' }))).toEqual(['b5', 'b10', 'c', 'd1', 'd2', 'z']);
  });

  it('puts rows without an actor or note last, either way', () => {
    expect(ids(sortRows(rows, 'actor', 'ascending', { locale: 'en' }))).toEqual([
      'choe',
      'motive',
      'deposing',
      'dvorak',
      'acupuncture',
      'grain',
      'mehilli',
      'orphan',
    ]);
    expect(ids(sortRows(rows, 'actor', 'descending', { locale: 'en' }))).toEqual([
      'dvorak',
      'motive',
      'deposing',
      'choe',
      'acupuncture',
      'grain',
      'mehilli',
      'orphan',
    ]);
    const byNote = sortRows(rows, 'note', 'descending', { locale: 'en' });
    const noted = rows.filter((r) => r.note !== '').length;
    expect(byNote.slice(0, noted).every((r) => r.note !== '')).toBe(true);
    expect(ids(byNote.slice(noted))).toEqual(['grain', 'dvorak', 'choe', 'orphan']);
  });

  it('sorts tags in the toolbar’s order of tag types when given them, untagged last', () => {
    const types: TagType[] = [
      ...defaultTagTypes.map((t) => ({ ...t })),
      { id: 'chronology', name: 'Chronology', color: '#777777', order: -1, namesActor: false },
    ];
    const tagged = (id: string, tags: string[]): AnnotationRow => ({ ...row('motive'), annotationId: id, tags });
    const list = [
      tagged('none', []),
      tagged('claim', ['claim']),
      tagged('actor+claim', ['actor', 'claim']),
      tagged('actor', ['actor']),
      tagged('chrono', ['chronology']),
      tagged('mystery', ['unknown-type']),
    ];
    expect(ids(sortRows(list, 'tags', 'ascending', { tagTypes: types }))).toEqual(['chrono', 'actor', 'actor+claim', 'claim', 'mystery', 'none']);
  });

  it('sorts by how many links and sets', () => {
    expect(ids(sortRows(rows, 'links', 'descending')).slice(0, 1)).toEqual(['motive']);
    expect(sortRows(rows, 'sets', 'ascending').map((r) => r.setIds.length)).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
  });

  it('sorts by who made the annotation, those of no one (never shared) last', () => {
    expect(ids(sortRows(rows, 'author', 'ascending', { locale: 'en' })).slice(0, 2)).toEqual(['motive', 'mehilli']);
    expect(ids(sortRows(rows, 'author', 'descending', { locale: 'en' })).slice(0, 2)).toEqual(['mehilli', 'motive']);
  });

  it('refuses a column the table does not have', () => {
    expect(() => sortRows(rows, 'colour' as RowColumn, 'ascending')).toThrow('The table has no column "colour" to sort by.');
  });

  const columns: RowColumn[] = ['document', 'date', 'tags', 'actor', 'quote', 'note', 'links', 'sets', 'author'];
  const collator = new Intl.Collator('en', { numeric: true, ignorePunctuation: true });
  /// Whether `a` may come before `b`, read from the column plainly.
  function inOrder(a: AnnotationRow, b: AnnotationRow, column: RowColumn, direction: SortDirection): boolean {
    const sign = direction === 'ascending' ? 1 : -1;
    const text = (r: AnnotationRow) =>
      ({ document: r.documentTitle, actor: r.actor ?? '', quote: r.quote, note: r.note, author: r.author ?? '' })[column as 'quote'];
    switch (column) {
      case 'date':
        return b.documentDate === null || (a.documentDate !== null && sign * compareDates(a.documentDate, b.documentDate) <= 0);
      case 'links':
        return sign * (a.linkCount - b.linkCount) <= 0;
      case 'sets':
        return sign * (a.setIds.length - b.setIds.length) <= 0;
      case 'tags':
        return b.tags.length === 0 || (a.tags.length > 0 && sign * compareTagLists(a.tags, b.tags) <= 0);
      default:
        return text(b).trim() === '' || (text(a).trim() !== '' && sign * collator.compare(text(a), text(b)) <= 0);
    }
  }

  function compareTagLists(a: readonly string[], b: readonly string[]): number {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return collator.compare(a[i]!, b[i]!);
    return a.length - b.length;
  }

  it('returns the same rows, each once, in order, ties in their given order', () => {
    const many = manyRows(3000, 11);
    fc.assert(
      fc.property(
        fc.constantFrom(...columns),
        fc.constantFrom<SortDirection>('ascending', 'descending'),
        fc.integer({ min: 0, max: 2999 }),
        fc.integer({ min: 1, max: 3000 }),
        (column, direction, from, length) => {
          const input = many.slice(from, from + length);
          const sorted = sortRows(input, column, direction, { locale: 'en' });
          expect(ids(sorted).sort()).toEqual(ids(input).sort());
          const position = new Map(input.map((r, i) => [r, i]));
          for (let i = 1; i < sorted.length; i++) {
            const a = sorted[i - 1]!;
            const b = sorted[i]!;
            expect(inOrder(a, b, column, direction)).toBe(true);
            // Equal in the column: the given order stands.
            if (inOrder(b, a, column, direction)) expect(position.get(a)!).toBeLessThan(position.get(b)!);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
