import type { Annotation, TagType } from '../annotation/model';
import type { DocumentInfo } from '../corpus/document';
import { jsonPieces, pieceCharacters, streamed } from './json-stream';
import { type NativeFile, formatName, formatVersion, nativeAnnotation, nativeDocuments, nativeTagTypes } from './native';

/// The native file written a piece at a time: the same text, byte for
/// byte, as `JSON.stringify(buildNativeFile(…), null, 2)` plus its final
/// line break, with the annotations (and the long lists of a whole-library
/// file) read batch by batch rather than held all at once.

type Library = NonNullable<NativeFile['library']>;

/// A list of the file, whole or in batches read as it is written.
export type Batches<T> = readonly T[] | AsyncIterable<readonly T[]>;

/// The rest of the library, for a whole-library export or backup, each list
/// in the order the file gives it (as `buildNativeFile` is given them).
export interface StreamedLibrary {
  relationTypes: Batches<Library['relationTypes'][number]>;
  links: Batches<Library['links'][number]>;
  actors: Batches<Library['actors'][number]>;
  sets: Batches<Library['sets'][number]>;
  documents?: Batches<NonNullable<Library['documents']>[number]>;
  documentEdits?: Batches<NonNullable<Library['documentEdits']>[number]>;
  revisions?: Batches<NonNullable<Library['revisions']>[number]>;
  reviews?: Batches<NonNullable<Library['reviews']>[number]>;
}

/// What the file is written from.
export interface NativeSource {
  tagTypes: readonly TagType[];
  documents: ReadonlyMap<string, DocumentInfo>;
  /// The documents whose annotations `annotations` yields (the file's
  /// `documents` are listed before its annotations are read).
  documentIds: Iterable<string>;
  /// The annotations in the file's order: by document id, then start, then
  /// id. Another order is a programming error (a RangeError).
  annotations: AsyncIterable<readonly Annotation[]>;
  scope: NativeFile['scope'];
  exported: Date;
  library?: StreamedLibrary;
  missingDocuments?: 'refuse' | 'keep';
}

/// The native file's text in pieces of about `size` characters. A document
/// missing from the library is refused (an InvalidInput) before the first
/// piece, as `buildNativeFile` refuses it.
export async function* nativePieces(source: NativeSource, size = pieceCharacters): AsyncGenerator<string> {
  const documentIds = new Set(source.documentIds);
  const file = {
    format: formatName,
    version: formatVersion,
    exported: source.exported.toISOString(),
    scope: source.scope,
    tagTypes: nativeTagTypes(source.tagTypes),
    documents: nativeDocuments(documentIds, source.documents, source.missingDocuments),
    annotations: streamed(entries(source.annotations, documentIds, source.documents)),
    ...(source.library ? { library: libraryOf(source.library) } : {}),
  };
  yield* jsonPieces(file, size);
  yield '\n';
}

async function* entries(
  annotations: AsyncIterable<readonly Annotation[]>,
  documentIds: ReadonlySet<string>,
  documents: ReadonlyMap<string, DocumentInfo>,
): AsyncGenerator<unknown[]> {
  let last: Annotation | undefined;
  for await (const batch of annotations) {
    yield batch.map((annotation) => {
      if (!documentIds.has(annotation.documentId))
        throw new RangeError(`The annotation ${annotation.id} is of the document ${annotation.documentId}, which the file's documents do not list.`);
      if (last && !inFileOrder(last, annotation))
        throw new RangeError(`The annotation ${annotation.id} came after ${last.id}; a native file lists annotations by document, start and id.`);
      last = annotation;
      return nativeAnnotation(annotation, documents.get(annotation.documentId)?.meta.citation ?? null);
    });
  }
}

function inFileOrder(a: Annotation, b: Annotation): boolean {
  if (a.documentId !== b.documentId) return a.documentId < b.documentId;
  return a.position.start < b.position.start || (a.position.start === b.position.start && a.id < b.id);
}

// The library's lists in the file's key order, a streamed array for each
// given in batches.
function libraryOf(library: StreamedLibrary): Record<string, unknown> {
  const keys = ['relationTypes', 'links', 'actors', 'sets', 'documents', 'documentEdits', 'revisions', 'reviews'] as const;
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const list = library[key];
    if (list !== undefined) out[key] = Array.isArray(list) ? list : streamed(list as AsyncIterable<readonly unknown[]>);
  }
  return out;
}
