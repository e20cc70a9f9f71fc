import { describe, expect, it } from 'vitest';
import { nextWindow, stepToward, windowAround } from './viewport';

describe('the window of drawn blocks', () => {
  it('is centred on a block and clipped to the document', () => {
    expect(windowAround(0, 1000)).toEqual({ from: 0, to: 41 });
    expect(windowAround(500, 1000)).toEqual({ from: 460, to: 541 });
    expect(windowAround(999, 1000)).toEqual({ from: 959, to: 1000 });
    expect(windowAround(3, 10)).toEqual({ from: 0, to: 10 });
  });

  it('stays put while the screen is well inside it', () => {
    expect(nextWindow({ from: 460, to: 541 }, 480, 500, 1000)).toBeNull();
  });

  it('moves before the screen reaches its edge', () => {
    expect(nextWindow({ from: 460, to: 541 }, 515, 535, 1000)).toEqual({ from: 475, to: 576 });
    expect(nextWindow({ from: 460, to: 541 }, 462, 480, 1000)).toEqual({ from: 422, to: 521 });
  });

  it('jumps to a screen far away, as after dragging the scroll bar', () => {
    expect(nextWindow({ from: 0, to: 41 }, 900, 920, 1000)).toEqual({ from: 860, to: 961 });
  });

  it('never moves at the ends of the document', () => {
    expect(nextWindow({ from: 0, to: 41 }, 0, 20, 1000)).toBeNull();
    expect(nextWindow({ from: 959, to: 1000 }, 980, 999, 1000)).toBeNull();
    expect(nextWindow({ from: 0, to: 10 }, 0, 9, 10)).toBeNull();
  });

  it('steps toward a new window a few blocks at each edge, and stops there', () => {
    expect(stepToward({ from: 460, to: 541 }, { from: 475, to: 576 }, 8)).toEqual({ from: 468, to: 549 });
    expect(stepToward({ from: 468, to: 549 }, { from: 475, to: 576 }, 8)).toEqual({ from: 475, to: 557 });
    expect(stepToward({ from: 475, to: 570 }, { from: 475, to: 576 }, 8)).toEqual({ from: 475, to: 576 });
    expect(stepToward({ from: 460, to: 541 }, { from: 422, to: 521 }, 8)).toEqual({ from: 452, to: 533 });
  });
});
