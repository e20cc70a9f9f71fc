import { formatDateSpan } from './dates';
import type { LibraryDocument, PageStart } from './document';
import type { DocumentMeta } from './metadata';

/// The label of the page holding `offset`: the last page starting at or
/// before it; `null` for a document without pages.
export function pageAt(pages: readonly PageStart[], offset: number): string | null {
  let lo = 0;
  let hi = pages.length - 1;
  let found: PageStart | null = null;
  // Binary search: a 1,000-page volume is asked for every passage listed.
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (pages[mid]!.offset <= offset) {
      found = pages[mid]!;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found?.label ?? pages[0]?.label ?? null;
}

/// The pages a passage `[start, end)` spans: "12", or "12–13" across a break.
export function pagesOf(pages: readonly PageStart[], start: number, end: number): string | null {
  const first = pageAt(pages, start);
  const last = pageAt(pages, Math.max(start, end - 1));
  return first === null ? null : first === last ? first : `${first}–${last}`;
}

/// A document's citation: as the source gives it, or built from its parts
/// in the order a footnote takes them: author, “title”, date, archive, fond,
/// file, pages, URL.
export function documentCitation(meta: DocumentMeta): string {
  if (meta.citation) return meta.citation;
  const parts = [
    meta.authors.join(', ') || null,
    `“${meta.title}”`,
    meta.date ? formatDateSpan(meta.date) : null,
    meta.publisher,
    meta.archive,
    meta.fond,
    meta.folder,
    meta.pageRange,
    meta.translator ? `translated by ${meta.translator}` : null,
    meta.url,
  ];
  return parts.filter((part): part is string => !!part && part.trim() !== '').join(', ');
}

/// What "copy citation" gives for a passage: the document's citation, then
/// the page (or pages) the passage is on where the source has pages.
export function passageCitation(document: Pick<LibraryDocument, 'meta' | 'pages'>, start: number, end: number): string {
  const citation = documentCitation(document.meta).replace(/[.\s]+$/, '');
  const pages = pagesOf(document.pages, start, end);
  if (!pages) return `${citation}.`;
  return `${citation}, ${pages.includes('–') ? 'pp.' : 'p.'} ${pages}.`;
}
