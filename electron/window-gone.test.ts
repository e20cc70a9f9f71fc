import { EventEmitter } from 'node:events';
import type { WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { whenWindowGone } from './window-gone';

// A window's webContents as far as the watch needs: an id and its events.
function windowOf(id: number): EventEmitter & { id: number } {
  return Object.assign(new EventEmitter(), { id });
}

describe('what main holds for a window', () => {
  it('is let go once when the window is destroyed, however often it called', () => {
    const dropped: number[] = [];
    const watch = whenWindowGone((owner) => dropped.push(owner));
    const window = windowOf(7);
    watch(window as unknown as WebContents);
    watch(window as unknown as WebContents);
    window.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false });
    expect(dropped).toEqual([]);
    window.emit('destroyed');
    expect(dropped).toEqual([7]);
  });

  it('is let go at a reload when asked, not at a frame’s or an anchor’s navigation', () => {
    const dropped: number[] = [];
    const watch = whenWindowGone((owner) => dropped.push(owner), { reload: true });
    const window = windowOf(3);
    watch(window as unknown as WebContents);
    window.emit('did-start-navigation', { isMainFrame: false, isSameDocument: false });
    window.emit('did-start-navigation', { isMainFrame: true, isSameDocument: true });
    expect(dropped).toEqual([]);
    window.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false });
    expect(dropped).toEqual([3]);
  });
});
