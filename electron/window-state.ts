import { z } from 'zod';

/// The main window's size, position and whether it was maximised, kept in
/// window-state.json in userData and restored on launch.
export const windowStateSchema = z.strictObject({
  x: z.number().int().min(-100_000).max(100_000),
  y: z.number().int().min(-100_000).max(100_000),
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
  maximised: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

/// A rectangle on the screen (a display's work area, a window's bounds).
export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/// The window's size on a first launch, and its smallest.
export const defaultSize = { width: 1400, height: 900 } as const;
export const minimumSize = { width: 900, height: 600 } as const;

// How much of the window's top must be on a display for it to be reached
// and dragged: a window restored onto a monitor since unplugged is not.
const reachable = { width: 120, height: 40 };

/// Where the window opens: where it was, if enough of its top is still on
/// one of `displays` (work areas), at most as large as the largest of them;
/// otherwise the default size, placed by the system.
export function placement(
  stored: WindowState | null,
  displays: readonly Area[],
): { bounds: Partial<Area> & { width: number; height: number }; maximised: boolean } {
  const largest = displays.reduce((a, d) => ({ width: Math.max(a.width, d.width), height: Math.max(a.height, d.height) }), { width: 0, height: 0 });
  const fit = (width: number, height: number) => ({
    width: Math.max(minimumSize.width, largest.width ? Math.min(width, largest.width) : width),
    height: Math.max(minimumSize.height, largest.height ? Math.min(height, largest.height) : height),
  });
  if (!stored) return { bounds: fit(defaultSize.width, defaultSize.height), maximised: false };
  const size = fit(stored.width, stored.height);
  const top: Area = { x: stored.x, y: stored.y, width: size.width, height: reachable.height };
  const onScreen = displays.some((d) => overlap(top, d).width >= reachable.width && overlap(top, d).height >= Math.min(reachable.height, d.height));
  return { bounds: onScreen ? { x: stored.x, y: stored.y, ...size } : size, maximised: stored.maximised };
}

function overlap(a: Area, b: Area): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}
