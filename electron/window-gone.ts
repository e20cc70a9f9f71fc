import type { WebContents } from 'electron';

/// What main holds for a window (open reads and saves, chosen files) let go
/// when the window goes: returns a function to call with each sender
/// before it is given something, which calls `drop` with its id once it is
/// destroyed (closed, crashed) and, with `reload`, when its page is
/// replaced too (a reload's new page knows none of the old handles). Each
/// window is watched once, however often it calls.
export function whenWindowGone(drop: (owner: number) => void, options: { reload?: boolean } = {}): (sender: WebContents) => void {
  const watched = new Set<number>();
  return (sender) => {
    const owner = sender.id;
    if (watched.has(owner)) return;
    watched.add(owner);
    sender.on('destroyed', () => {
      watched.delete(owner);
      drop(owner);
    });
    if (options.reload)
      sender.on('did-start-navigation', (details) => {
        if (details.isMainFrame && !details.isSameDocument) drop(owner);
      });
  };
}
