import { describe, expect, it } from 'vitest';
import { toolbarPlace } from './SelectionToolbar';

const screen = { width: 1400, top: 70 };

describe('where the tag toolbar goes', () => {
  it('sits above the selection’s first line, its full height clear of it', () => {
    const place = toolbarPlace({ left: 300, top: 400, bottom: 460 }, { width: 380, height: 70 }, screen);
    expect(place.top + 70).toBeLessThanOrEqual(400);
    expect(place.left).toBe(300);
  });

  it('goes under the last line when the first is just below the header', () => {
    const place = toolbarPlace({ left: 300, top: 90, bottom: 150 }, { width: 380, height: 44 }, screen);
    expect(place.top).toBeGreaterThanOrEqual(150);
  });

  it('stays inside the window’s width', () => {
    const place = toolbarPlace({ left: 1300, top: 400, bottom: 430 }, { width: 380, height: 44 }, screen);
    expect(place.left + 380).toBeLessThanOrEqual(1400);
  });
});
