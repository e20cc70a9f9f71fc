import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listWindow, rowScrollTop } from './window';

const rowHeight = 36;
const viewport = 720;
const safeHeight = 10_000_000;
const base = { rowHeight, viewport, overscan: 4, safeHeight };

/// The rows whose pixels are in view, from the window's layout.
function inView(w: ReturnType<typeof listWindow>, scrollTop: number): number[] {
  const seen: number[] = [];
  for (let i = w.first; i < w.end; i++) {
    const top = w.before + w.shift + (i - w.first) * rowHeight;
    if (top < scrollTop + viewport && top + rowHeight > scrollTop) seen.push(i);
  }
  return seen;
}

describe('listWindow', () => {
  it('draws the rows in view and lays out their full height while it is safe', () => {
    const w = listWindow({ ...base, count: 2_000, scrollTop: 3_600 });
    expect(w.height).toBe(72_000);
    expect(inView(w, 3_600)).toEqual(Array.from({ length: 20 }, (_, i) => 100 + i));
    expect(w.before + (w.end - w.first) * rowHeight + w.after).toBe(w.height);
  });

  it('reaches the last of a million rows at the end of the scroll, past the browser’s height limit', () => {
    const count = 1_000_000;
    const end = listWindow({ ...base, count, scrollTop: 1e12 });
    expect(end.height).toBe(safeHeight);
    expect(inView(end, safeHeight - viewport).at(-1)).toBe(count - 1);
    // The last row sits at the bottom of the view, not below it.
    const last = end.before + end.shift + (count - 1 - end.first) * rowHeight;
    expect(last + rowHeight).toBe(safeHeight);
    expect(listWindow({ ...base, count, scrollTop: 0 }).first).toBe(0);
  });

  it('draws a screenful of rows wherever a scaled scroll stops, and leaves no gap in view', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (count, at) => {
        const height = Math.min(count * rowHeight, safeHeight);
        const scrollTop = at * Math.max(0, height - viewport);
        const w = listWindow({ ...base, count, scrollTop });
        const seen = inView(w, scrollTop);
        expect(w.end - w.first).toBeLessThanOrEqual(viewport / rowHeight + 2 + 2 * base.overscan);
        if (count * rowHeight >= viewport) {
          // Rows cover the view from its top to its bottom.
          const top = w.before + w.shift + (seen[0]! - w.first) * rowHeight;
          expect(top).toBeLessThanOrEqual(scrollTop + 1e-6);
          expect(top + seen.length * rowHeight).toBeGreaterThanOrEqual(scrollTop + viewport - 1e-6);
        }
      }),
    );
  });
});

describe('rowScrollTop', () => {
  it('brings any row of a scaled list to the top of the view', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (count, at) => {
        const index = Math.floor(at * (count - 1));
        const scrollTop = rowScrollTop(index, { count, rowHeight, viewport, safeHeight });
        expect(inView(listWindow({ ...base, count, scrollTop }), scrollTop)).toContain(index);
      }),
    );
  });

  it('throws on a row height that cannot lay out a list', () => {
    expect(() => listWindow({ ...base, rowHeight: 0, count: 1, scrollTop: 0 })).toThrow(RangeError);
  });
});
