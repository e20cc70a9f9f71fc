import { backupsServer } from './backups';
import { workerContext } from './import-context';
import { serveSelf } from './ports';

/// The backups worker, a module Web Worker of its own: the whole-library backup built, off the
/// page's thread.
serveSelf(backupsServer(workerContext()));
