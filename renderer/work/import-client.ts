import { type Api, methodsOf } from '../../shared/rpc/api';
import { type Calls, PortClient } from '../../shared/rpc/port';
import type { Server } from '../../shared/rpc/server';
import { type AnnotationsApi, annotationsApi, annotationsServer } from './annotations';
import { type BackupsApi, backupsApi, backupsServer } from './backups';
import { type DocumentsApi, documentsApi, documentsServer } from './documents';
import type { ImportContext } from './import-context';
import type { DocumentFile, DocumentFileResult } from './import-protocol';
import type { LaterFile } from '../host/host';
import { CancelledError } from '../../shared/importers/cancel';
import { messageOf } from '../../shared/errors';
import { type WorkerPort, linkOf, mainThreadPort, startPort } from './ports';
import { type RevisionsApi, revisionsApi, revisionsServer } from './revisions';

/// The page's side of what comes into the library: one worker per concern,
/// each started the first time it is needed, each a typed client of its
/// API. Where the page may not start workers, the same servers run on the
/// page's thread.
export interface ImportClient {
  /// Annotation files: preview → plan id → apply or discard.
  annotations: Calls<AnnotationsApi>;
  /// Revisions of a document: preview → plan id → apply or discard.
  revisions: Calls<RevisionsApi>;
  /// Documents read into the library, with a cancel.
  documents: DocumentImports;
}

/// Where each worker's port comes from: the workers, or (tests, pages
/// without workers) their servers on this thread.
export type PortSource = (name: 'annotations' | 'revisions' | 'documents' | 'backups', server: () => Server) => WorkerPort;

/// The app's import workers over `context` (read when a worker must run on
/// the page's thread).
export function startImports(context: () => ImportContext, ports: PortSource = workerPorts): ImportClient {
  return {
    annotations: clientOf(
      annotationsApi,
      ports('annotations', () => annotationsServer(context())),
      'annotation import worker',
    ),
    revisions: clientOf(
      revisionsApi,
      ports('revisions', () => revisionsServer(context())),
      'revision worker',
    ),
    documents: new DocumentImports(
      clientOf(
        documentsApi,
        ports('documents', () => documentsServer(context())),
        'document import worker',
      ),
    ),
  };
}

/// The backup worker over `context`.
export function startBackups(context: () => ImportContext, ports: PortSource = workerPorts): Calls<BackupsApi> {
  return clientOf(
    backupsApi,
    ports('backups', () => backupsServer(context())),
    'backup worker',
  );
}

/// Every server on the page's thread, as tests run them.
export const mainThreadPorts: PortSource = (_name, server) => mainThreadPort(server(), { serial: true });

/// Documents read into the library in their worker; `cancel` stops the
/// imports running.
export class DocumentImports {
  private readonly running = new Set<AbortController>();

  constructor(private readonly calls: Calls<DocumentsApi>) {}

  /// Reads `files` into the library as documents; `onProgress(done, total)`
  /// counts files. Their bytes are handed to the worker, not copied: the
  /// caller's are left empty, and a file that may be read again in another
  /// encoding has its bytes in its result. Resolves to each file's result;
  /// rejects with a CancelledError when `cancel` stopped it, and then
  /// nothing of it is stored.
  async import(files: DocumentFile[], onProgress?: (done: number, total: number) => void): Promise<DocumentFileResult[]> {
    const controller = new AbortController();
    this.running.add(controller);
    // A drop of 1,000 PDFs is 40 MB: copied, it held the page 219 ms in
    // one task as the request was posted.
    const transfer = [...new Set(files.map((file) => file.bytes))];
    try {
      return await this.calls.import({ files }, { onProgress, signal: controller.signal, transfer });
    } finally {
      this.running.delete(controller);
    }
  }

  /// Reads `files` into the library as `import` does, but takes each
  /// file's bytes only as the worker comes to it, a part of a few files at
  /// a time (a folder of 1,000 PDFs never sits on the page at once); a file
  /// with a problem, or whose read fails, is reported as unreadable.
  /// Answers a result for each file, in order; rejects with a
  /// CancelledError when `cancel` stopped it, and then nothing is stored.
  async importLater(
    files: readonly LaterFile[],
    onProgress?: (done: number, total: number) => void,
    part = { files: 8, bytes: 4 << 20 },
  ): Promise<DocumentFileResult[]> {
    const controller = new AbortController();
    this.running.add(controller);
    const session = crypto.randomUUID();
    const early = new Map<number, DocumentFileResult>();
    const signal = controller.signal;
    let first = true;
    let done = 0;
    try {
      onProgress?.(0, files.length);
      for (let at = 0; at < files.length; ) {
        const sent: DocumentFile[] = [];
        let bytes = 0;
        const start = at;
        while (at < files.length && sent.length < part.files && bytes < part.bytes) {
          const file = files[at]!;
          const read =
            'read' in file
              ? await file.read().then(
                  (buffer) => buffer,
                  (error: unknown) => messageOf(error),
                )
              : file.problem;
          if (signal.aborted) throw new CancelledError();
          if (typeof read === 'string') early.set(at, { fileName: file.name, ok: false, code: 'unreadable', message: read });
          else {
            sent.push({ name: file.name, bytes: read });
            bytes += read.byteLength;
          }
          at++;
        }
        const before = done + (at - start - sent.length);
        if (sent.length > 0 || first) {
          await this.calls.importPart(
            { session, first, files: sent },
            { onProgress: onProgress && ((n) => onProgress(before + n, files.length)), signal, transfer: sent.map((file) => file.bytes) },
          );
          first = false;
        }
        done = at;
        onProgress?.(done, files.length);
      }
      if (signal.aborted) throw new CancelledError();
      const read = first ? [] : await this.calls.finishPart({ session });
      let next = 0;
      return files.map((_, index) => early.get(index) ?? read[next++]!);
    } catch (error) {
      await this.calls.dropPart({ session }).catch(() => {});
      throw error;
    } finally {
      this.running.delete(controller);
    }
  }

  /// Stops the imports running: the files not yet stored are not stored.
  /// One that has begun storing finishes, and reports so.
  cancel(): void {
    for (const controller of this.running) controller.abort();
  }
}

function clientOf<A extends Api>(api: A, port: WorkerPort, name: string): Calls<A> {
  return new PortClient<A>(methodsOf(api), linkOf(port), name).calls;
}

// Each worker is its own module file, so bundlers see each `new Worker(new
// URL(…))` and build it; started lazily, at its first request.
const workerPorts: PortSource = (name, server) =>
  startPort(`${name[0]!.toUpperCase()}${name.slice(1)} imports`, workers[name], server, { serial: true, lazy: true });

const workers: Record<Parameters<PortSource>[0], () => WorkerPort> = {
  annotations: () => new Worker(new URL('./annotations-worker.ts', import.meta.url), { type: 'module' }),
  revisions: () => new Worker(new URL('./revisions-worker.ts', import.meta.url), { type: 'module' }),
  documents: () => new Worker(new URL('./documents-worker.ts', import.meta.url), { type: 'module' }),
  backups: () => new Worker(new URL('./backups-worker.ts', import.meta.url), { type: 'module' }),
};
