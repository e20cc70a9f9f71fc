import { type DateSpan, dateSortKey } from '../corpus/dates';

/// The documents whose rows open the table, sorted by date (its first
/// view): the earliest-dated documents, in the order the model breaks
/// ties (by id), undated ones last, taken until they hold at least
/// `rows` annotations. A model of only their rows, sorted by date, is the
/// first `sum of their counts` rows of the whole table's, so the first
/// screen can be drawn from a few stored records while a library's other
/// columns are still being read.
export function leadingDocuments(
  counts: ReadonlyMap<string, number>,
  dateOf: (documentId: string) => DateSpan | null | undefined,
  rows: number,
): { documentIds: string[]; rows: number } {
  if (!Number.isInteger(rows) || rows < 1) throw new RangeError(`The table's first screen needs at least 1 row; ${rows} was asked for.`);
  const keyed = [...counts].filter(([, count]) => count > 0).map(([id, count]) => ({ id, count, key: keyOf(dateOf(id)) }));
  // As the model's date sort ranks rows: by the start's key, undated last;
  // rows of equal dates stay in the model's order, documents by id.
  keyed.sort((a, b) => (a.key === b.key ? compare(a.id, b.id) : a.key === null ? 1 : b.key === null ? -1 : compare(a.key, b.key)));
  const documentIds: string[] = [];
  let taken = 0;
  for (const { id, count } of keyed) {
    if (taken >= rows) break;
    documentIds.push(id);
    taken += count;
  }
  return { documentIds, rows: taken };
}

function keyOf(date: DateSpan | null | undefined): string | null {
  return date ? dateSortKey(date.start) : null;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
