import { formatDateSpan } from '../../../../shared/corpus/dates';
import { csvTable } from '../../../../shared/format/csv-table';
import type { AnnotationRow } from '../../../../shared/table/rows';

/// Names for the ids a row holds.
export interface CsvNames {
  tagType(id: string): string;
  relation(id: string): string;
  set(id: string): string;
}

const header = ['Document', 'Date', 'Tags', 'Actor', 'Name as tagged', 'Quote', 'Note', 'Links', 'Relations', 'Sets', 'Page', 'Document id', 'Annotation id'];

/// The rows as the table shows them, in its order, as a CSV file: ids are
/// named, lists joined by "; ", and the ids kept in the last columns so a
/// spreadsheet's rows can be traced back to the library. As the table
/// shows an Author column only in a shared project, so its CSV has Made by
/// and Last changed by only then.
export function tableCsv(rows: readonly AnnotationRow[], names: CsvNames): string {
  const authored = rows.some((row) => row.author !== null);
  const authors = (row: AnnotationRow) => (authored ? [row.author ?? '', row.changedBy ?? ''] : []);
  return csvTable([
    authored ? [...header.slice(0, -2), 'Made by', 'Last changed by', ...header.slice(-2)] : header,
    ...rows.map((row) => [
      row.documentTitle,
      row.documentDate ? formatDateSpan(row.documentDate) : '',
      row.tags.map(names.tagType).join('; '),
      row.actor ?? '',
      row.taggedActor ?? '',
      row.quote,
      row.note,
      String(row.linkCount),
      row.relations.map(names.relation).join('; '),
      row.setIds.map(names.set).join('; '),
      row.page ?? '',
      ...authors(row),
      row.documentId,
      row.annotationId,
    ]),
  ]);
}
