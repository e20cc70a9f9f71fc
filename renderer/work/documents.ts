import { messageOf } from '../../shared/errors';
import { z } from 'zod';
import { type CancelCheck, CancelledError, checkCancelled } from '../../shared/importers/cancel';
import { ImportFileError } from '../../shared/importers/errors';
import { importFile } from '../../shared/importers/import-file';
import { method } from '../../shared/rpc/api';
import { type Handlers, type Server, createServer } from '../../shared/rpc/server';
import type { DocumentRow } from '../store/db';
import { addDocuments, documentRowOf } from '../store/documents';
import { sourceOf } from '../store/document-source';
import type { ImportContext } from './import-context';
import type { DocumentFile, DocumentFileResult } from './import-protocol';

// A file's bytes are checked as one ArrayBuffer, never byte by byte.
const documentFile = z.strictObject({ name: z.string().min(1).max(1000), bytes: z.instanceof(ArrayBuffer), encoding: z.string().max(64).optional() });

/// The document-import worker's API: files (.txt, .md, .html, .docx, .pdf)
/// read into the library as documents.
export const documentsApi = {
  /// Reads the files, counting them as progress: each that reads is stored,
  /// each that does not is reported; a file is stored whole or not at all.
  /// Cancelled (the call's signal), it stores nothing and rejects with
  /// CancelledError.
  import: method<DocumentFileResult[]>()(z.strictObject({ files: z.array(documentFile).max(10_000) })),
  /// A part of an import whose files reach the page a few at a time (a
  /// folder's): each part's files are read, and answered, as `import`
  /// reads them, but nothing is stored until `finishPart`. A cancelled
  /// part drops the whole import; a new import's first part drops any
  /// other left unfinished.
  importPart: method<DocumentFileResult[]>()(
    z.strictObject({ session: z.string().uuid('must be a new import’s id'), first: z.boolean(), files: z.array(documentFile).max(1_000) }),
  ),
  /// Stores every file the import's parts read, in one transaction, and
  /// answers all its results in order (a failed store fails each).
  finishPart: method<DocumentFileResult[]>()(z.strictObject({ session: z.string().uuid('must be an import’s id') })),
  /// Drops an import's parts: nothing of it is stored.
  dropPart: method<null>()(z.strictObject({ session: z.string().uuid('must be an import’s id') })),
};
export type DocumentsApi = typeof documentsApi;

/// The handlers over `context`.
export function documentsHandlers(context: ImportContext): Handlers<DocumentsApi> {
  // The one import whose parts are arriving: one at a time, as the page
  // imports one at a time.
  let open: { session: string; batch: DocumentBatch } | null = null;
  const opened = (session: string) => {
    if (open?.session !== session) throw new RangeError(`No import ${session} is open in the document import worker; its first part starts one.`);
    return open.batch;
  };
  return {
    import: ({ files }, call) => importDocuments(context, files, call.progress, new Date(), cancelCheck(call.cancelled)),
    async importPart({ session, first, files }, call) {
      if (first) open = { session, batch: await DocumentBatch.start(context, new Date()) };
      const batch = opened(session);
      try {
        return await batch.read(files, call.progress, cancelCheck(call.cancelled));
      } catch (error) {
        if (error instanceof CancelledError) open = null;
        throw error;
      }
    },
    async finishPart({ session }) {
      const batch = opened(session);
      open = null;
      return await batch.store(cancelCheck(() => false));
    },
    async dropPart({ session }) {
      if (open?.session === session) open = null;
      return null;
    },
  };
}

/// The document-import worker's server over `context`.
export function documentsServer(context: ImportContext): Server {
  return createServer(documentsApi, documentsHandlers(context), 'document import worker');
}

/// Reads each file into a document, then stores every one that read in one
/// transaction. A file that does not read is reported and nothing of it is
/// kept; if storing fails, none is kept and each says so. `cancelled` is
/// asked between files and a PDF's pages, and last before storing: once it
/// says so, the import stops with CancelledError and stores nothing.
export async function importDocuments(
  context: ImportContext,
  files: readonly DocumentFile[],
  progress: (done: number, total: number) => void,
  now = new Date(),
  cancelled?: CancelCheck,
): Promise<DocumentFileResult[]> {
  const batch = await DocumentBatch.start(context, now);
  await batch.read(files, progress, cancelled);
  return await batch.store(cancelled);
}

/// The files of one import, read a part at a time and stored together:
/// the rows wait here until `store`, so an import stopped before it
/// leaves the library as it was.
export class DocumentBatch {
  private readonly results: DocumentFileResult[] = [];
  private readonly rows: DocumentRow[] = [];

  private constructor(
    private readonly context: ImportContext,
    private readonly taken: Set<string>,
    private readonly now: Date,
  ) {}

  /// An empty import into `context`'s library, its ids not yet taken.
  static async start(context: ImportContext, now: Date): Promise<DocumentBatch> {
    return new DocumentBatch(context, new Set(await sourceOf(await context.documents()).ids()), now);
  }

  /// Reads `files`, counting them as progress, and answers their results.
  async read(files: readonly DocumentFile[], progress: (done: number, total: number) => void, cancelled?: CancelCheck): Promise<DocumentFileResult[]> {
    const results: DocumentFileResult[] = [];
    progress(0, files.length);
    for (const [i, file] of files.entries()) {
      await checkCancelled(cancelled);
      try {
        const imported = await importFile(file.name, new Uint8Array(file.bytes), { encoding: file.encoding, cancelled });
        const row = documentRowOf(imported, this.taken, this.now);
        this.taken.add(row.id);
        this.rows.push(row);
        results.push({
          fileName: file.name,
          ok: true,
          documentId: row.id,
          title: row.meta.title,
          format: row.format,
          pages: row.pages.length,
          encoding: row.encoding,
          warnings: imported.warnings,
        });
      } catch (error) {
        if (error instanceof CancelledError) throw error;
        if (error instanceof ImportFileError)
          results.push({
            fileName: file.name,
            ok: false,
            code: error.code,
            message: error.message,
            ...(error.code === 'encoding' ? { bytes: file.bytes } : {}),
          });
        else results.push({ fileName: file.name, ok: false, code: 'corrupt', message: `${file.name} could not be read: ${messageOf(error)}` });
      }
      progress(i + 1, files.length);
    }
    this.results.push(...results);
    return results;
  }

  /// Stores every file read so far in one transaction; answers every
  /// result in order, each read file's a storage failure if that failed.
  async store(cancelled?: CancelCheck): Promise<DocumentFileResult[]> {
    await checkCancelled(cancelled);
    if (this.rows.length === 0) return this.results;
    try {
      await addDocuments(this.context.db, this.rows);
    } catch (error) {
      const message = messageOf(error);
      return this.results.map((r) =>
        r.ok ? { fileName: r.fileName, ok: false, code: 'storage', message: `${r.fileName} was read but not stored: ${message}` } : r,
      );
    }
    return this.results;
  }
}

/// A cancel check that lets the thread read its messages (where a cancel
/// arrives) at least every 50 ms of work: pdf.js reads pages on promises
/// alone, and would otherwise keep the message waiting to the end.
function cancelCheck(isCancelled: () => boolean): CancelCheck {
  let last = Date.now();
  return async () => {
    if (Date.now() - last >= 50) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      last = Date.now();
    }
    return isCancelled();
  };
}
