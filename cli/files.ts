import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { defaultTagTypes } from '../shared/annotation/model';
import type { LibraryDocument } from '../shared/corpus/document';
import { InvalidInput, messageOf } from '../shared/errors';
import type { IncomingBatch } from '../shared/format/incoming';
import { maxImportCharacters } from '../shared/format/json-file';
import { qdpxIncoming } from '../shared/format/qdpx-incoming';
import { readQdpxProject } from '../shared/format/qdpx-read';
import { readAnnotationFile } from '../shared/format/read';
import { sniffAnnotationFile } from '../shared/format/sniff';
import { decodeText } from '../shared/importers/decode';
import { maxImportBytes } from '../shared/importers/limits';
import { defaultRelationTypes } from '../shared/links/model';

/// Input files larger than this are refused before reading: the app's own
/// limit for an annotation file.
export const maxInputBytes = maxImportCharacters;

/// A file or folder named on the command line that cannot be read; its path
/// is the file's, and the sentence names it.
export class InputError extends InvalidInput {
  override name = 'InputError';
  constructor(path: string, sentence: string) {
    super(path, sentence, sentence);
  }
}

/// An annotation file read as the app's import reads it: the batch, and
/// for a REFI-QDA project the documents its text sources make (those the
/// given library lacks).
export interface AnnotationInput {
  batch: IncomingBatch;
  newDocuments: LibraryDocument[];
  /// A JSON file's text (null for a project).
  json: string | null;
}

/// Reads an annotation file the way the app's import does: its kind told
/// from its bytes (`sniffAnnotationFile`), JSON through
/// `readAnnotationFile`, a .qdpx through the project reader against
/// `documents`. Throws ImportError for a file that is not a readable
/// annotation file, InputError for one that cannot be read at all.
export function readAnnotationInput(path: string, documents: ReadonlyMap<string, LibraryDocument> = new Map()): AnnotationInput {
  const library = { tagTypes: defaultTagTypes, relationTypes: defaultRelationTypes };
  const file = sniffAnnotationFile(path, readBytes(path, maxInputBytes));
  if (file.kind === 'json') return { batch: readAnnotationFile(file.text, library), newDocuments: [], json: file.text };
  const incoming = qdpxIncoming(readQdpxProject(file.bytes, basename(path)), { ...library, documents }, new Date());
  // What the app writes beside a project's batch (its links, actors, sets)
  // rides in the batch's library here, where a conversion looks for it.
  const batch: IncomingBatch = {
    ...incoming.batch,
    library: {
      // The app's own relation types, which a project's links name, go with
      // the links, as the app's library holds them.
      relationTypes: [...defaultRelationTypes.filter((r) => incoming.links.some((l) => l.relation === r.id)), ...incoming.relationTypes],
      links: incoming.links.map((l, i) => ({ ...l, path: `Links[${i}]` })),
      actors: incoming.actors,
      sets: incoming.sets,
    },
    setAside: [...incoming.batch.setAside, ...incoming.skipped.map((s) => ({ id: '', path: s.path, quote: '', reason: s.reason }))],
  };
  return { batch, newDocuments: incoming.newDocuments, json: null };
}

/// Reads a document's text file as the app's import does (`decodeText`: a
/// byte-order mark, UTF-8, UTF-16 without a mark, or the legacy encoding
/// the bytes clearly are). Throws ImportFileError naming the file for one
/// that is not text.
export function readDocumentText(path: string): string {
  return decodeText(readBytes(path, maxImportBytes), basename(path)).text;
}

/// A file's bytes, with one-line errors for what goes wrong and a refusal,
/// before reading, of a file over `limit` bytes.
export function readBytes(path: string, limit: number): Uint8Array {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new InputError(path, `${path} is not a file.`);
    size = stat.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(path, `${path} cannot be read: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : messageOf(error)}.`);
  }
  if (size > limit) throw new InputError(path, `${path} is ${Math.round(size / 1048576)} MB; inputs over ${limit / 1048576} MB are refused.`);
  return new Uint8Array(readFileSync(path));
}
