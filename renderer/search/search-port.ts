import { createSearchHandler } from './search-handler';
import { type WorkerPort, startPort } from '../work/ports';

/// The search worker, or, where the page may not start one, the same
/// server on the main thread.
export function startSearchPort(create: () => WorkerPort = () => new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' })): WorkerPort {
  return startPort('Searches', create, () => createSearchHandler(), { serial: true });
}
