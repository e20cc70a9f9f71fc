import type { Annotation, TagType } from '../annotation/model';
import { formatDateSpan } from '../corpus/dates';
import type { LibraryDocument } from '../corpus/document';
import { csvTable } from './csv-table';

/// The columns of the CSV export, one row per annotation.
export const csvColumns = ['annotation id', 'document id', 'document title', 'document date', 'citation', 'tags', 'actor', 'quote', 'note', 'start', 'end', 'created', 'modified'] as const;

/// A CSV of annotations, UTF-8 with a byte-order mark so that Excel reads
/// the diacritics right, RFC 4180 quoting and CRLF line ends.
export function buildCsv(annotations: readonly Annotation[], tagTypes: readonly TagType[], documents: ReadonlyMap<string, LibraryDocument>): string {
  const names = new Map(tagTypes.map((t) => [t.id, t.name]));
  const rows: string[][] = [[...csvColumns]];
  for (const a of annotations) {
    const document = documents.get(a.documentId);
    rows.push([
      a.id,
      a.documentId,
      document?.meta.title ?? '',
      document?.meta.date ? formatDateSpan(document.meta.date) : '',
      document?.meta.citation ?? '',
      a.tags.map((t) => names.get(t) ?? t).join('; '),
      a.actor ?? '',
      a.quote.exact,
      a.note,
      String(a.position.start),
      String(a.position.end),
      a.created,
      a.modified,
    ]);
  }
  return csvTable(rows);
}
