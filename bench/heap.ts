import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// Heap figures mean something only after a full collection; tsx gives no
// --expose-gc, so the flag is set at run time and gc fetched from a fresh
// context.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/// The heap in use, and array buffers, in MB, after a full collection.
export function memoryMB(): number {
  collect();
  const usage = process.memoryUsage();
  return (usage.heapUsed + usage.arrayBuffers) / 2 ** 20;
}
