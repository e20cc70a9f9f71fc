import { foldTerm } from '../search/fold';
import type { AnnotationRow } from './rows';

/// A row with its searchable text folded once, so that filtering 10,000
/// rows as the researcher types costs substring tests, not folding.
export interface PreparedRow {
  row: AnnotationRow;
  /// Quote, note, actor (canonical and as tagged) and document title, each
  /// folded as search folds text.
  text: string;
}

// Fields are folded joined by a control character that folding keeps and
// no term can hold, so that a phrase never matches across two of them.
const separator = '\u0001';
const separators = /\u0001/g;

/// Prepares rows for `filterRows`; do it once when the rows change. Titles
/// and actor names, shared by many rows, are folded once each. Given the
/// rows prepared before a change (`previous`), a row whose searchable
/// fields are unchanged keeps its folded text: after one edit, only the
/// edited row is folded again.
export function prepareRows(rows: readonly AnnotationRow[], previous: readonly PreparedRow[] = []): PreparedRow[] {
  const before = new Map(previous.map((prepared) => [prepared.row.annotationId, prepared]));
  const memo = new Map<string, string>();
  const foldShared = (text: string) => {
    let folded = memo.get(text);
    if (folded === undefined) memo.set(text, (folded = foldTerm(clean(text))));
    return folded;
  };
  return rows.map((row) => {
    const old = before.get(row.annotationId);
    if (old && sameText(old.row, row)) return { row, text: old.text };
    const names = row.taggedActor !== null && row.taggedActor !== row.actor ? [row.actor ?? '', row.taggedActor] : [row.actor ?? ''];
    const shared = [...names, row.documentTitle].map(foldShared);
    // Quote and note, unique to the row, in one call: folding has a cost per call.
    return { row, text: [foldTerm(`${clean(row.quote)}${separator}${clean(row.note)}`), ...shared].join(separator) };
  });
}

function sameText(a: AnnotationRow, b: AnnotationRow): boolean {
  return a.quote === b.quote && a.note === b.note && a.actor === b.actor && a.taggedActor === b.taggedActor && a.documentTitle === b.documentTitle;
}

function clean(text: string): string {
  return text.includes(separator) ? text.replace(separators, ' ') : text;
}

/// What the table shows. Every criterion given must hold; an absent (or
/// empty) one does not filter.
export interface RowFilter {
  /// Rows with any of these tag types.
  tagTypeIds?: readonly string[];
  /// Rows whose tagged name resolves to this actor.
  actorId?: string | null;
  /// Rows of any of these documents.
  documentIds?: readonly string[];
  /// Rows in this set.
  setId?: string | null;
  /// Rows with a link of this relation type, from or to them.
  relationType?: string | null;
  /// Rows made by this author (a machine's id), in a shared project.
  authorId?: string | null;
  /// Words that must all occur in the quote, note, actor or document
  /// title, case and diacritics folded ("mehilli" finds "Mëhilli"), each
  /// anywhere in a word ("khrush" finds "Khrushchev"); "a phrase" in double
  /// quotes must occur as written.
  text?: string;
}

/// The words of a free-text filter, folded: `"a phrase"` is one.
export function filterTerms(text: string): string[] {
  const terms: string[] = [];
  for (const match of clean(text).matchAll(/["“”]([^"“”]*)["“”]?|([^\s"“”]+)/g)) {
    const term = foldTerm(match[1] ?? match[2] ?? '');
    if (term) terms.push(term);
  }
  return terms;
}

/// The rows `filter` keeps, in their order.
export function filterRows(rows: readonly PreparedRow[], filter: RowFilter): AnnotationRow[] {
  const tags = filter.tagTypeIds?.length ? new Set(filter.tagTypeIds) : null;
  const documents = filter.documentIds?.length ? new Set(filter.documentIds) : null;
  const { actorId, setId, relationType, authorId } = filter;
  const terms = filter.text ? filterTerms(filter.text) : [];
  const kept: AnnotationRow[] = [];
  for (const { row, text } of rows) {
    if (tags && !row.tags.some((tag) => tags.has(tag))) continue;
    if (actorId && row.actorId !== actorId) continue;
    if (documents && !documents.has(row.documentId)) continue;
    if (setId && !row.setIds.includes(setId)) continue;
    if (relationType && !row.relations.includes(relationType)) continue;
    if (authorId && row.authorId !== authorId) continue;
    if (!terms.every((term) => text.includes(term))) continue;
    kept.push(row);
  }
  return kept;
}
