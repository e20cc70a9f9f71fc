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
};
export type DocumentsApi = typeof documentsApi;

/// The handlers over `context`.
export function documentsHandlers(context: ImportContext): Handlers<DocumentsApi> {
  return {
    import: ({ files }, call) => importDocuments(context, files, call.progress, new Date(), cancelCheck(call.cancelled)),
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
  const taken = new Set(await sourceOf(await context.documents()).ids());
  const results: DocumentFileResult[] = [];
  const stored: DocumentRow[] = [];
  progress(0, files.length);
  for (const [i, file] of files.entries()) {
    await checkCancelled(cancelled);
    try {
      const imported = await importFile(file.name, new Uint8Array(file.bytes), { encoding: file.encoding, cancelled });
      const row = documentRowOf(imported, taken, now);
      taken.add(row.id);
      stored.push(row);
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
        results.push({ fileName: file.name, ok: false, code: error.code, message: error.message, ...(error.code === 'encoding' ? { bytes: file.bytes } : {}) });
      else results.push({ fileName: file.name, ok: false, code: 'corrupt', message: `${file.name} could not be read: ${messageOf(error)}` });
    }
    progress(i + 1, files.length);
  }
  await checkCancelled(cancelled);
  if (stored.length === 0) return results;
  try {
    await addDocuments(context.db, stored);
  } catch (error) {
    const message = messageOf(error);
    return results.map((r) => (r.ok ? { fileName: r.fileName, ok: false, code: 'storage', message: `${r.fileName} was read but not stored: ${message}` } : r));
  }
  return results;
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
