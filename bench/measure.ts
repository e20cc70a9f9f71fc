/// One benchmark result, in the shape `npm run bench -- --json` prints.
export interface Result {
  name: string;
  unit: string;
  median: number;
  p95: number;
  runs: number;
  target: number;
  peer: { name: string; median: number } | null;
  ratio: number | null;
  pass: boolean;
  note?: string;
}

/// Runs `fn` `runs` times (after one warm-up) and returns the times in ms.
export async function timeRuns(runs: number, fn: () => unknown | Promise<unknown>): Promise<number[]> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}

export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[at]!;
}

export function result(
  name: string,
  unit: string,
  samples: readonly number[],
  target: number,
  peer: { name: string; median: number } | null,
  note?: string,
): Result {
  const median = quantile(samples, 0.5);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    name,
    unit,
    median: round(median),
    p95: round(quantile(samples, 0.95)),
    runs: samples.length,
    target,
    peer: peer ? { name: peer.name, median: round(peer.median) } : null,
    ratio: peer && peer.median > 0 ? Math.round((median / peer.median) * 1000) / 1000 : null,
    pass: median <= target,
    ...(note ? { note } : {}),
  };
}
