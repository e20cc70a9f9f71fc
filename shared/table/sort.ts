import type { TagType } from '../annotation/model';
import { dateSortKey } from '../corpus/dates';
import type { AnnotationRow } from './rows';

/// The table's columns that rows sort by.
export type RowColumn = 'document' | 'date' | 'tags' | 'actor' | 'quote' | 'note' | 'links' | 'sets' | 'author';

export type SortDirection = 'ascending' | 'descending';

export interface SortOptions {
  /// The locale text columns sort in; the runtime's own by default.
  locale?: string | readonly string[];
  /// The library's tag types: tags then sort in their toolbar order, not by id.
  tagTypes?: readonly TagType[];
}

/// A tag as a sort key: its place in the tag types' order, then its id.
interface TagKey {
  rank: number;
  id: string;
}

type Key = string | number | readonly TagKey[] | null;

/// The rows sorted by `column`. Stable: rows that compare equal keep their
/// order, in either direction, so sorting by one column and then another
/// orders by the second and, within it, by the first. Empty cells (no date,
/// no actor, no tags, no note) come last in either direction, since a
/// researcher sorting looks for the rows that have the value. Text sorts as
/// `Intl.Collator` orders it in `options.locale`, numbers in numeric order
/// ("Brief No. 5" before "Brief No. 10"), punctuation ignored (a quote
/// opening with a quotation mark sorts by its first word); dates by
/// `compareDates`; tags by their first tag, then their second…; links and
/// sets by how many.
export function sortRows<R extends AnnotationRow>(rows: readonly R[], column: RowColumn, direction: SortDirection, options: SortOptions = {}): R[] {
  const collator = new Intl.Collator(options.locale as string | string[] | undefined, { numeric: true, ignorePunctuation: true });
  const sign = direction === 'ascending' ? 1 : -1;
  const tagRank = tagRanker(options.tagTypes, collator);
  // Each row's key worked out once, not at each of the n log n comparisons.
  const keys: Key[] = rows.map((row) => keyOf(row, column, tagRank));
  const empty = keys.map(isEmpty);
  const compare = comparer(column, collator);
  const order = rows.map((_, i) => i);
  order.sort((a, b) => Number(empty[a]) - Number(empty[b]) || (empty[a] ? 0 : sign * compare(keys[a]!, keys[b]!)) || a - b);
  return order.map((i) => rows[i]!);
}

function keyOf(row: AnnotationRow, column: RowColumn, tagRank: (tags: readonly string[]) => readonly TagKey[]): Key {
  switch (column) {
    case 'document':
      return row.documentTitle;
    case 'date':
      // The key `compareDates` compares, made once per row, not twice per comparison.
      return row.documentDate ? dateSortKey(row.documentDate.start) : null;
    case 'tags':
      return tagRank(row.tags);
    case 'actor':
      return row.actor ?? '';
    case 'quote':
      return row.quote;
    case 'note':
      return row.note;
    case 'links':
      return row.linkCount;
    case 'sets':
      return row.setIds.length;
    case 'author':
      return row.author ?? '';
    default:
      throw new RangeError(`The table has no column "${String(column)}" to sort by.`);
  }
}

function isEmpty(key: Key): boolean {
  if (key === null) return true;
  if (typeof key === 'string') return key.trim() === '';
  if (Array.isArray(key)) return key.length === 0;
  return false;
}

function comparer(column: RowColumn, collator: Intl.Collator): (a: Key, b: Key) => number {
  switch (column) {
    case 'date':
      return (a, b) => ((a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0);
    case 'links':
    case 'sets':
      return (a, b) => (a as number) - (b as number);
    case 'tags':
      return (a, b) => compareTags(a as readonly TagKey[], b as readonly TagKey[], collator);
    default:
      return (a, b) => collator.compare(a as string, b as string);
  }
}

/// Tags as sort keys: their places in the tag types' order (a tag of no
/// known type after the known ones), then their ids; only the ids without
/// `tagTypes`.
function tagRanker(tagTypes: readonly TagType[] | undefined, collator: Intl.Collator): (tags: readonly string[]) => readonly TagKey[] {
  const ranked = [...(tagTypes ?? [])].sort((a, b) => a.order - b.order || collator.compare(a.name, b.name));
  const rank = new Map(ranked.map((type, i) => [type.id, i]));
  return (tags) => tags.map((id) => ({ rank: rank.get(id) ?? ranked.length, id }));
}

function compareTags(a: readonly TagKey[], b: readonly TagKey[], collator: Intl.Collator): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = a[i]!.rank - b[i]!.rank || collator.compare(a[i]!.id, b[i]!.id);
    if (d) return d;
  }
  return a.length - b.length;
}
