import { bundledDocuments } from '../corpus';
import { db } from '../store/db';
import { currentDocuments } from '../store/documents';
import { createImportHandler } from './import-handler';
import type { ImportReply, ImportRequest } from './import-protocol';

/// The import worker: a module Web Worker with its own connection to the
/// library's IndexedDB. Dexie tells the page's live queries of its writes.

// The worker's global scope, typed by what this file uses of it (the
// renderer is checked against the DOM library, whose `self` is a window).
interface WorkerScope {
  onmessage: ((event: MessageEvent<ImportRequest>) => void) | null;
  postMessage(message: ImportReply): void;
}

const scope = self as unknown as WorkerScope;
const library = db();
const handle = createImportHandler({ db: library, documents: () => currentDocuments(library, bundledDocuments()) });

// One request at a time, in order: a file is previewed before it is
// applied. A cancel goes past the queue: it is for the request running.
let queue = Promise.resolve();
scope.onmessage = (event) => {
  const run = () => handle(event.data, (reply) => scope.postMessage(reply));
  if (event.data.command.type === 'cancel') void run();
  else queue = queue.then(run);
};
