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
      return { at: (task.ts - first) / 1000, ms: task.dur! / 1000, what };
    });
  return { tasks, traced: all.length, longest: all.reduce((max, e) => Math.max(max, e.dur ?? 0), 0) / 1000 };
}
