import { revisionsServer } from './revisions';
import { workerContext } from './import-context';
import { serveSelf } from './ports';

/// The revisions worker, a module Web Worker of its own: revisions re-anchored and stored, off the
/// page's thread.
serveSelf(revisionsServer(workerContext()));
