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

/// `memoryMB` once what a collection frees has been let go: V8 frees dead
/// array buffers on a background sweep after the collection, so a figure
/// read at once can still hold tens of MB of them (rank-probe's split
/// between two engines moved by 35 MB from run to run). Two collections
/// with a pause after each give the same figure run after run.
export async function settledMemoryMB(): Promise<number> {
  for (let k = 0; k < 2; k++) {
    memoryMB();
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return memoryMB();
}
