import { annotationsServer } from './annotations';
import { workerContext } from './import-context';
import { serveSelf } from './ports';

/// The annotations worker, a module Web Worker of its own: annotation files read, planned and written, off the
/// page's thread.
serveSelf(annotationsServer(workerContext()));
