import { describe, expect, it } from 'vitest';
import { type BlockWindow, type Drawing, drawingOf, nextDrawing, nextWindow, stepToward, windowAround } from './viewport';

// Sections are 32 blocks: section 14 is blocks 448–479.

describe('the window of drawn blocks', () => {
  it('is whole sections around a block, at least 40 blocks each side, clipped to the document', () => {
    expect(windowAround(0, 1000)).toEqual({ from: 0, to: 64 });
    expect(windowAround(500, 1000)).toEqual({ from: 448, to: 544 });
    expect(windowAround(999, 1000)).toEqual({ from: 928, to: 1000 });
    expect(windowAround(3, 10)).toEqual({ from: 0, to: 10 });
  });

  it('stays put while the screen is well inside it', () => {
    expect(nextWindow({ from: 448, to: 544 }, 480, 500, 1000)).toBeNull();
  });

  it('moves before the screen reaches its edge', () => {
    expect(nextWindow({ from: 448, to: 544 }, 515, 535, 1000)).toEqual({ from: 448, to: 576 });
    expect(nextWindow({ from: 448, to: 544 }, 455, 470, 1000)).toEqual({ from: 384, to: 512 });
  });

  it('jumps to a screen far away, as after dragging the scroll bar', () => {
    expect(nextWindow({ from: 0, to: 64 }, 900, 920, 1000)).toEqual({ from: 832, to: 992 });
  });

  it('never moves at the ends of the document', () => {
    expect(nextWindow({ from: 0, to: 64 }, 0, 20, 1000)).toBeNull();
    expect(nextWindow({ from: 928, to: 1000 }, 980, 999, 1000)).toBeNull();
    expect(nextWindow({ from: 0, to: 10 }, 0, 9, 10)).toBeNull();
  });

  it('steps toward a new window a few blocks at each edge, and stops there', () => {
    expect(stepToward({ from: 460, to: 541 }, { from: 475, to: 576 }, 8)).toEqual({ from: 468, to: 549 });
    expect(stepToward({ from: 468, to: 549 }, { from: 475, to: 576 }, 8)).toEqual({ from: 475, to: 557 });
    expect(stepToward({ from: 475, to: 570 }, { from: 475, to: 576 }, 8)).toEqual({ from: 475, to: 576 });
    expect(stepToward({ from: 460, to: 541 }, { from: 422, to: 521 }, 8)).toEqual({ from: 452, to: 533 });
  });
});

/// Every drawing on the way from `from` to `to`, one a frame.
function frames(from: Drawing, to: BlockWindow, step = 16): Drawing[] {
  const seen: Drawing[] = [];
  let current = from;
  const target = drawingOf(to);
  while (JSON.stringify(current) !== JSON.stringify(target)) {
    current = nextDrawing(current, to, step);
    seen.push(current);
    if (seen.length > 100) throw new Error('The drawing never reaches its target.');
  }
  return seen;
}

describe('moving the drawing while scrolling', () => {
  const start = drawingOf({ from: 448, to: 544 });

  it('draws the highlights of the next section while it is hidden, then shows it, then hides and clears the section left behind', () => {
    expect(frames(start, { from: 480, to: 576 })).toEqual([
      // Highlights of section 17 (blocks 544–575), hidden, 16 blocks a frame.
      { window: { from: 448, to: 560 }, sections: { from: 14, to: 17 } },
      { window: { from: 448, to: 576 }, sections: { from: 14, to: 17 } },
      // Section 17 shown, in a frame of its own.
      { window: { from: 448, to: 576 }, sections: { from: 14, to: 18 } },
      // Section 14 hidden, then its highlights dropped.
      { window: { from: 448, to: 576 }, sections: { from: 15, to: 18 } },
      { window: { from: 464, to: 576 }, sections: { from: 15, to: 18 } },
      { window: { from: 480, to: 576 }, sections: { from: 15, to: 18 } },
    ]);
  });

  it('never shows a section whose highlights are not all drawn, nor draws or drops highlights in a frame that shows one', () => {
    for (const [from, to] of [
      [start, { from: 480, to: 608 }],
      [start, { from: 384, to: 512 }],
      [drawingOf({ from: 0, to: 64 }), { from: 0, to: 128 }],
      [drawingOf({ from: 928, to: 1000 }), { from: 864, to: 1000 }],
    ] as const) {
      let previous = from;
      for (const frame of frames(from, to)) {
        const { window, sections } = frame;
        expect(sections.from * 32).toBeGreaterThanOrEqual(window.from);
        // The document has 1,000 blocks: its last section is short.
        expect(Math.min(sections.to * 32, 1000)).toBeLessThanOrEqual(window.to);
        const showsOne = sections.from < previous.sections.from || sections.to > previous.sections.to;
        if (showsOne) expect(frame.window).toEqual(previous.window);
        previous = frame;
      }
    }
  });
});
