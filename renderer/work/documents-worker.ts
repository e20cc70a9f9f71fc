import { documentsServer } from './documents';
import { workerContext } from './import-context';
import { serveSelf } from './ports';

/// The documents worker, a module Web Worker of its own: documents read into the library, off the
/// page's thread.
serveSelf(documentsServer(workerContext()));
