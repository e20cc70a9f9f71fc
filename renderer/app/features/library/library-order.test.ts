import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../../shared/test-support/corpus';
import type { DocumentList } from '../../../data/document-list';
import { launchedList, listingRows, restated } from '../../../data/test-support/document-lists';
import { type LibrarySort, collectionsOf, libraryOrder } from './library-order';

const corpus = loadCorpus();
const bundled = listingRows(corpus.values());
// A document with no date, as many of a researcher's own files are.
const rows = [...bundled, restated(bundled[0]!, 'undated-note', { title: 'A note without a date', date: null })];
const launched = (edits?: Parameters<typeof launchedList>[1]) => launchedList(rows, edits);
const titles = (list: DocumentList, order: number[]) => order.map((i) => list.title(i));
const all = { kind: 'all' } as const;
const byDate: LibrarySort = { key: 'date', dir: 1 };

describe('the library order, from the columns', () => {
  it('sorts by date, oldest first or last, undated documents last either way, without parsing a row', () => {
    const { list, listed } = launched();
    const oldest = titles(list, libraryOrder(list, all, byDate));
    expect(oldest).toEqual([
      'Archive search results: 9 documents',
      expect.stringMatching(/^Visit of the Italian Prime Minister/),
      expect.stringMatching(/^Memorandum of Luncheon Given by Richard Dvořàk/),
      'Report on the Stance of the DPRK towards Albania',
      'Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961',
      'A note without a date',
    ]);
    const newest = titles(list, libraryOrder(list, all, { key: 'date', dir: -1 }));
    expect(newest).toEqual([...oldest.slice(0, 5).reverse(), 'A note without a date']);
    expect(titles(list, libraryOrder(list, all, { key: 'title', dir: 1 }))[0]).toBe('A note without a date');
    // Sorting read the heads alone; the row drawn is parsed when drawn.
    expect(listed.filter((row) => row.isParsed())).toEqual([]);
    expect(list.summary(0).meta.title).toBe(list.title(0));
    expect(listed.filter((row) => row.isParsed()).map((row) => row.id)).toEqual([list.id(0)]);
  });

  it("sorts and files by the researcher's edit over the text's date, title and collection", () => {
    const report = 'albanian-report-dprk-stance-1967';
    const { list } = launched({
      [report]: { meta: { ...corpus.get(report)!.meta, title: 'DPRK report, redated', date: { start: { year: 1950 } } }, collection: 'Pyongyang' },
      'undated-note': { collection: 'Pyongyang' },
    });
    expect(titles(list, libraryOrder(list, all, byDate)).slice(0, 2)).toEqual(['DPRK report, redated', 'Archive search results: 9 documents']);
    expect(titles(list, libraryOrder(list, { kind: 'collection', name: 'Pyongyang' }, byDate))).toEqual(['DPRK report, redated', 'A note without a date']);
    expect(libraryOrder(list, { kind: 'unfiled' }, byDate)).toHaveLength(4);
    expect(collectionsOf(list)).toEqual({ names: [['Pyongyang', 2]], unfiled: 4 });
  });

  it('sorts by annotation count, ties by title', () => {
    const { list } = launched();
    const counts = new Map([
      ['albanian-report-dprk-stance-1967', 3],
      ['undated-note', 7],
    ]);
    const order = libraryOrder(list, all, { key: 'count', dir: -1 }, counts);
    expect(titles(list, order).slice(0, 3)).toEqual([
      'A note without a date',
      'Report on the Stance of the DPRK towards Albania',
      'Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961',
    ]);
  });
});
