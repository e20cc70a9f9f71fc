/// The page's JS heap in MB, as Chromium's `performance.memory` gives it;
/// `null` in a browser without it.
export function heapMB(): number | null {
  const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  return memory ? Math.round(memory.usedJSHeapSize / 1048576) : null;
}
