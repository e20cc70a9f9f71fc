import type { BackupSince, BuiltBackup } from '../store/backups';
import { type ImportContext, createImportHandler } from './import-handler';
import { errorOf } from './worker-errors';
import { workerOrMainThread } from './worker-or-main-thread';
import type {
  DocumentFile,
  DocumentFileResult,
  ImportCommand,
  ImportReply,
  ImportRequest,
  ImportSummary,
  QdpxSummary,
  RevisionSummary,
} from './import-protocol';

/// What the client needs of its worker; a `Worker` is one.
export interface ImportPort {
  postMessage(message: ImportRequest): void;
  onmessage: ((event: MessageEvent<ImportReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

type Value = ImportSummary | RevisionSummary | DocumentFileResult[] | BuiltBackup | null;

/// The page's side of importing annotation files and revisions: preview and
/// apply run in the import worker; `apply` reports its progress for a
/// progress bar.
export class ImportClient {
  private readonly pending = new Map<number, { resolve: (v: Value) => void; reject: (e: Error) => void; progress?: (done: number, total: number) => void }>();
  private nextId = 1;
  private readonly importing = new Set<number>();

  constructor(private readonly port: ImportPort) {
    port.onmessage = (event) => this.receive(event.data);
    port.onerror = (event) => {
      event.preventDefault?.();
      const error = new Error(`The import worker failed: ${event.message || 'it could not be started'}. Nothing was changed.`);
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
  }

  /// Reads and plans a file; resolves to what importing it would do.
  /// Rejects with an ImportError naming what is wrong with a bad file.
  async preview(fileName: string, json: string): Promise<ImportSummary> {
    return (await this.request({ type: 'preview', fileName, json })) as ImportSummary;
  }

  /// Writes the previewed file; `onProgress(done, total)` follows the
  /// writing. All or nothing: a failure leaves the library as it was.
  async apply(onProgress?: (done: number, total: number) => void): Promise<ImportSummary> {
    return (await this.request({ type: 'apply' }, onProgress)) as ImportSummary;
  }

  /// Reads and plans a REFI-QDA project off the page's thread; resolves to
  /// what importing it would do. Rejects with an ImportError for a bad file.
  async previewQdpx(fileName: string, bytes: ArrayBuffer): Promise<QdpxSummary> {
    return (await this.request({ type: 'preview-qdpx', fileName, bytes })) as QdpxSummary;
  }

  /// Writes the previewed project, all or nothing, with progress.
  async applyQdpx(onProgress?: (done: number, total: number) => void): Promise<QdpxSummary> {
    return (await this.request({ type: 'apply-qdpx' }, onProgress)) as QdpxSummary;
  }

  /// Reads a new version of a document and re-anchors its annotations onto
  /// it, off the page's thread; resolves to what storing it would do.
  async previewRevision(documentId: string, fileName: string, source: string): Promise<RevisionSummary> {
    return (await this.request({ type: 'preview-revision', documentId, fileName, source })) as RevisionSummary;
  }

  /// Stores the previewed revision; resolves with its number.
  async applyRevision(): Promise<RevisionSummary> {
    return (await this.request({ type: 'apply-revision' })) as RevisionSummary;
  }

  /// Reads files into the library as documents, off the page's thread;
  /// `onProgress(done, total)` counts files. Resolves to each file's result;
  /// rejects with an error named CancelledError when `cancelDocuments` has
  /// stopped it, and then nothing of it is stored.
  async importDocuments(files: DocumentFile[], onProgress?: (done: number, total: number) => void): Promise<DocumentFileResult[]> {
    const id = this.nextId;
    this.importing.add(id);
    try {
      return (await this.request({ type: 'import-documents', files }, onProgress)) as DocumentFileResult[];
    } finally {
      this.importing.delete(id);
    }
  }

  /// Stops the document imports running: the files not yet stored are not
  /// stored. One that has begun storing finishes, and reports so.
  async cancelDocuments(): Promise<void> {
    await Promise.all([...this.importing].map((request) => this.request({ type: 'cancel', request })));
  }

  /// Builds the library's backup off the page's thread: full, or an
  /// increment on `since.base`; `null` when nothing changed since the last
  /// point (see buildBackup).
  async backup(since: BackupSince | null): Promise<BuiltBackup | null> {
    return (await this.request({ type: 'backup', since })) as BuiltBackup | null;
  }

  /// Forgets the previewed file or revision (the researcher cancelled).
  async discard(): Promise<void> {
    await this.request({ type: 'discard' });
  }

  private request(command: ImportCommand, progress?: (done: number, total: number) => void): Promise<Value> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, progress });
      this.port.postMessage({ id, command });
    });
  }

  private receive(reply: ImportReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    if ('progress' in reply) {
      waiting.progress?.(reply.progress.done, reply.progress.total);
      return;
    }
    this.pending.delete(reply.id);
    if (reply.ok) waiting.resolve(reply.value);
    else waiting.reject(errorOf(reply.error));
  }
}

/// The import worker, or, where the page may not start one, the same
/// handler on the main thread.
export function startImportPort(
  context: () => ImportContext,
  create: () => ImportPort = () => new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' }),
): ImportPort {
  return workerOrMainThread('Imports', create, () => mainThreadImportPort(context()));
}

/// The import handler behind a worker's interface, on the main thread.
export function mainThreadImportPort(context: ImportContext): ImportPort {
  const handle = createImportHandler(context);
  let queue = Promise.resolve();
  const port: ImportPort = {
    onmessage: null,
    onerror: null,
    postMessage(message) {
      const request = structuredClone(message);
      const run = () => handle(request, (reply) => port.onmessage?.({ data: structuredClone(reply) } as MessageEvent<ImportReply>));
      // A cancel goes past the queue, as in the worker.
      if (request.command.type === 'cancel') void run();
      else queue = queue.then(run);
    },
  };
  return port;
}
