import { ActorIndex } from '../actors/actor-index';
import type { Actor } from '../actors/model';
import type { Annotation, TagType } from '../annotation/model';
import { pageAt } from '../corpus/cite';
import { formatDateSpan } from '../corpus/dates';
import type { DocumentInfo } from '../corpus/document';
import type { Link } from '../links/model';
import { csvTable } from './csv-table';

/// The columns of the CSV export, one row per annotation. `actor` is the
/// actor's canonical name (after renames and merges), `name as tagged` the
/// name the passage was tagged with; `page` the source's page where the
/// passage starts (PDFs), `links` how many links the annotation has;
/// `made by` and `last changed by` the display names of a shared project's
/// authors (empty in a library never shared).
export const csvColumns = [
  'annotation id',
  'document id',
  'document title',
  'document date',
  'citation',
  'page',
  'tags',
  'actor',
  'name as tagged',
  'quote',
  'note',
  'links',
  'start',
  'end',
  'created',
  'modified',
  'made by',
  'last changed by',
] as const;

/// What else the CSV reads beside the annotations: the library's actors
/// and links.
export interface CsvLibrary {
  actors?: readonly Actor[];
  links?: readonly Pick<Link, 'from' | 'to'>[];
}

/// A CSV of annotations, UTF-8 with a byte-order mark so that Excel reads
/// the diacritics right, RFC 4180 quoting and CRLF line ends.
export function buildCsv(
  annotations: readonly Annotation[],
  tagTypes: readonly TagType[],
  documents: ReadonlyMap<string, DocumentInfo>,
  library: CsvLibrary = {},
): string {
  const row = csvRowMaker(tagTypes, documents, library);
  return csvTable([[...csvColumns], ...annotations.map(row)]);
}

/// The same CSV in pieces, a batch of annotations at a time: the text of
/// `buildCsv` over all of them, byte for byte.
export async function* csvPieces(
  annotations: AsyncIterable<readonly Annotation[]>,
  tagTypes: readonly TagType[],
  documents: ReadonlyMap<string, DocumentInfo>,
  library: CsvLibrary = {},
): AsyncGenerator<string> {
  const row = csvRowMaker(tagTypes, documents, library);
  // csvTable writes a byte-order mark and ends every row with CRLF: the
  // header's table less its end, then each batch's rows after a CRLF.
  yield csvTable([[...csvColumns]]).slice(0, -2);
  for await (const batch of annotations) {
    if (batch.length > 0) yield `\r\n${csvTable(batch.map(row)).slice(1, -2)}`;
  }
  yield '\r\n';
}

// The row of one annotation, with what the rows share read once.
function csvRowMaker(tagTypes: readonly TagType[], documents: ReadonlyMap<string, DocumentInfo>, library: CsvLibrary): (a: Annotation) => string[] {
  const names = new Map(tagTypes.map((t) => [t.id, t.name]));
  const actors = new ActorIndex(library.actors ?? []);
  const linkCount = new Map<string, number>();
  for (const link of library.links ?? []) {
    linkCount.set(link.from, (linkCount.get(link.from) ?? 0) + 1);
    if (link.to !== link.from) linkCount.set(link.to, (linkCount.get(link.to) ?? 0) + 1);
  }
  return (a) => {
    const document = documents.get(a.documentId);
    return [
      a.id,
      a.documentId,
      document?.meta.title ?? '',
      document?.meta.date ? formatDateSpan(document.meta.date) : '',
      document?.meta.citation ?? '',
      document ? (pageAt(document.pages, a.position.start) ?? '') : '',
      a.tags.map((t) => names.get(t) ?? t).join('; '),
      a.actor ? (actors.resolve(a.actor)?.name ?? a.actor) : '',
      a.actor ?? '',
      a.quote.exact,
      a.note,
      String(linkCount.get(a.id) ?? 0),
      String(a.position.start),
      String(a.position.end),
      a.created,
      a.modified,
      a.createdBy?.name ?? '',
      a.modifiedBy?.name ?? '',
    ];
  };
}
