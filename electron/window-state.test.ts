import { describe, expect, it } from 'vitest';
import { defaultSize, placement } from './window-state';

const laptop = { x: 0, y: 0, width: 1920, height: 1050 };
const second = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('window placement', () => {
  it('restores size, position and maximised where the window was', () => {
    expect(placement({ x: 2000, y: 100, width: 1600, height: 1000, maximised: true }, [laptop, second])).toEqual({
      bounds: { x: 2000, y: 100, width: 1600, height: 1000 },
      maximised: true,
    });
  });

  it('keeps the size but lets the system place a window left on a monitor since unplugged', () => {
    expect(placement({ x: 2000, y: 100, width: 1600, height: 1000, maximised: false }, [laptop])).toEqual({
      bounds: { width: 1600, height: 1000 },
      maximised: false,
    });
  });

  it('shrinks a window larger than any display, and opens at the default size the first time', () => {
    expect(placement({ x: 0, y: 0, width: 5000, height: 4000, maximised: false }, [laptop]).bounds).toEqual({ x: 0, y: 0, width: 1920, height: 1050 });
    expect(placement(null, [laptop])).toEqual({ bounds: { ...defaultSize }, maximised: false });
  });
});
