import type { DocumentList } from '../../../data/document-list';

/// The columns the library sorts by.
export type SortKey = 'date' | 'title' | 'count';

/// A sort of the library: a column, ascending (1) or descending (-1).
export interface LibrarySort {
  key: SortKey;
  dir: 1 | -1;
}

/// Which documents the library shows: all, one collection's, or those in none.
export type Shelf = { kind: 'all' } | { kind: 'collection'; name: string } | { kind: 'unfiled' };

/// The collections of a list, by name, with how many documents each holds,
/// and how many are in none.
export function collectionsOf(list: DocumentList): { names: [name: string, count: number][]; unfiled: number } {
  const counts = new Map<string, number>();
  let unfiled = 0;
  for (let i = 0; i < list.length; i++) {
    const name = list.collection(i);
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
    else unfiled++;
  }
  return { names: [...counts].sort((a, b) => a[0].localeCompare(b[0])), unfiled };
}

/// The indexes of `list` that `shelf` shows, in `sort`'s order, read from
/// the list's columns alone (title, date key, collection): no document's
/// row is parsed for it. Undated documents go last whichever way dates are
/// sorted; ties are broken by title.
export function libraryOrder(list: DocumentList, shelf: Shelf, sort: LibrarySort, counts?: ReadonlyMap<string, number>): number[] {
  const shown: number[] = [];
  for (let i = 0; i < list.length; i++) {
    const collection = list.collection(i);
    if (shelf.kind === 'all' || (shelf.kind === 'unfiled' ? !collection : collection === shelf.name)) shown.push(i);
  }
  // Each key read once, not at every comparison.
  const titles: string[] = new Array(list.length);
  for (const i of shown) titles[i] = list.title(i);
  const byTitle = (a: number, b: number) => titles[a]!.localeCompare(titles[b]!);
  const { key, dir } = sort;
  let by: (a: number, b: number) => number;
  if (key === 'title') by = (a, b) => byTitle(a, b) * dir;
  else if (key === 'count') {
    const count = (i: number) => counts?.get(list.id(i)) ?? 0;
    by = (a, b) => (count(a) - count(b)) * dir;
  } else {
    const dates: string[] = new Array(list.length);
    for (const i of shown) dates[i] = list.dated(i);
    by = (a, b) => {
      const x = dates[a]!;
      const y = dates[b]!;
      if (x === y) return 0;
      if (!x) return 1;
      if (!y) return -1;
      return (x < y ? -1 : 1) * dir;
    };
  }
  return shown.sort((a, b) => by(a, b) || byTitle(a, b));
}
