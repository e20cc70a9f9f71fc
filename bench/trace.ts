import { readFileSync } from 'node:fs';

/// What a Chromium trace must record for `longTasksIn`.
export const traceCategories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'toplevel'];

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { functionName?: string; url?: string; type?: string } };
}

/// A page main-thread task over 50 ms in a trace: when (ms from the
/// trace's first task), how long, and the functions or events over 5 ms
/// inside it.
export interface LongTask {
  at: number;
  /// When, on the trace's clock (µs).
  ts: number;
  ms: number;
  what: string;
}

/// The page's tasks over 50 ms in the trace written at `path`, how many
/// tasks it holds, and the longest.
export function longTasksIn(path: string): { tasks: LongTask[]; traced: number; longest: number } {
  const events = (JSON.parse(readFileSync(path, 'utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const onMain = events.filter((e) => main.has(`${e.pid}:${e.tid}`));
  const all = onMain.filter((e) => e.name === 'RunTask' && e.ph === 'X');
  // A loop, not a spread: a long trace holds more tasks than a call's arguments may.
  const first = all.reduce((min, e) => Math.min(min, e.ts), Number.POSITIVE_INFINITY);
  const tasks = all
    .filter((e) => (e.dur ?? 0) > 50_000)
    .map((task) => {
      const inside = onMain.filter((e) => e.ts >= task.ts && e.ts <= task.ts + task.dur! && e !== task && e.ph === 'X' && (e.dur ?? 0) > 5_000);
      const what = [...new Set(inside.map((e) => e.args?.data?.functionName || e.args?.data?.type || e.name))].slice(0, 8).join(', ');
      return { at: (task.ts - first) / 1000, ts: task.ts, ms: task.dur! / 1000, what };
    });
  return { tasks, traced: all.length, longest: all.reduce((max, e) => Math.max(max, e.dur ?? 0), 0) / 1000 };
}

interface CpuProfile {
  nodes: { id: number; parent?: number; children?: number[]; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/// What V8's sampling profiler (a `.cpuprofile` at `path`, on the trace's
/// clock) saw between `from` and `to` (µs): the functions with the most
/// samples of their own, and those most often on the stack, as
/// "name file:line ms" (the ms at the profile's interval).
export function samplesIn(path: string, from: number, to: number): string {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (id: number) => {
    const f = byId.get(id)!.callFrame;
    return `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let t = profile.startTime;
  profile.samples.forEach((id, k) => {
    const dt = profile.timeDeltas[k]!;
    t += dt;
    if (t < from || t > to) return;
    const ms = (profile.timeDeltas[k + 1] ?? dt) / 1000;
    self.set(label(id), (self.get(label(id)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) seen.add(label(at));
    for (const name of seen) total.set(name, (total.get(name) ?? 0) + ms);
  });
  const top = (map: Map<string, number>, n: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, ms]) => `${name} ${ms.toFixed(1)}`)
      .join('; ');
  return `self: ${top(self, 8)}\n    on the stack: ${top(total, 14)}`;
}
