import type { EditorView } from 'prosemirror-view';
import { blockElement, sectionSize } from './sections';

/// A range of top-level blocks, [from, to).
export interface BlockWindow {
  from: number;
  to: number;
}

// Blocks drawn beyond each edge of the screen. Enough that a fast wheel
// scroll stays inside the window between two frames, few enough that
// moving the window costs a millisecond or two.
const margin = 40;
// The window moves once the screen comes this close to its edge, so that a
// slow scroll moves it every few dozen blocks rather than on every frame.
const guard = 10;

/// The window of blocks to draw around block `center`.
export function windowAround(center: number, blockCount: number): BlockWindow {
  return { from: Math.max(0, center - margin), to: Math.min(blockCount, center + margin + 1) };
}

// Blocks a window move may add or drop at each edge in one frame while the
// screen is inside it: drawing a block's highlights costs a fraction of a
// millisecond, thirty at once made a long task.
const maxStep = 8;

/// `current` moved toward `target` by at most `step` blocks at each edge.
export function stepToward(current: BlockWindow, target: BlockWindow, step: number): BlockWindow {
  const toward = (from: number, to: number) => (to > from ? Math.min(to, from + step) : Math.max(to, from - step));
  return { from: toward(current.from, target.from), to: toward(current.to, target.to) };
}

/// The window to draw for blocks [first, last] on screen, or `null` when
/// the current window already covers them with room to spare.
export function nextWindow(current: BlockWindow, first: number, last: number, blockCount: number): BlockWindow | null {
  const low = current.from === 0 ? 0 : current.from + guard;
  const high = current.to === blockCount ? blockCount : current.to - guard;
  if (first >= low && last < high) return null;
  return { from: Math.max(0, first - margin), to: Math.min(blockCount, last + 1 + margin) };
}

/// The first and last blocks whose boxes meet the vertical band [top,
/// bottom] (client coordinates), found by binary search, first over the
/// sections, then over the blocks of the sections met: a block's box in a
/// section the browser skips would make it lay that section out. `null`
/// when the view's DOM does not hold the document's sections and blocks.
export function visibleBlocks(view: EditorView, count: number, top: number, bottom: number): { first: number; last: number } | null {
  if (count === 0 || !blockElement(view, count - 1) || blockElement(view, count)) return null;
  const sections = view.dom.children;
  const sectionRect = (i: number) => sections[i]!.getBoundingClientRect();
  const firstSection = firstMeeting(sections.length, (i) => sectionRect(i).bottom >= top);
  const lastSection = lastMeeting(firstSection, sections.length, (i) => sectionRect(i).top <= bottom);
  const blockRect = (i: number) => blockElement(view, i)!.getBoundingClientRect();
  const from = firstSection * sectionSize;
  const to = Math.min(count, (lastSection + 1) * sectionSize);
  const first = firstMeeting(to, (i) => blockRect(i).bottom >= top, from);
  const last = lastMeeting(first, to, (i) => blockRect(i).top <= bottom);
  return { first, last };
}

// The first index in [from, to) where `reached` holds (it holds from some
// index on), or to - 1.
function firstMeeting(to: number, reached: (i: number) => boolean, from = 0): number {
  let lo = from;
  let hi = to - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (reached(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

// The last index in [from, to) where `before` holds (it holds up to some
// index), or from.
function lastMeeting(from: number, to: number, before: (i: number) => boolean): number {
  let lo = from;
  let hi = to - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (before(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/// Watches the reader's scrolling container and asks for a new window of
/// blocks whenever the blocks on screen near the edge of the current one.
/// Checks run at most once a frame, after layout.
export function trackViewport(
  view: EditorView,
  window: { current(): BlockWindow; blockCount(): number; show(window: BlockWindow): void },
): { update(): void; destroy(): void } {
  const scroller = scrollParent(view.dom);
  const target: EventTarget = scroller ?? view.dom.ownerDocument.defaultView!;
  const frame = view.dom.ownerDocument.defaultView!;
  let pending = 0;
  let destroyed = false;

  // Where the window is going, while it moves there a few blocks a frame.
  let heading: BlockWindow | null = null;
  const check = () => {
    pending = 0;
    if (destroyed) return;
    const band = scroller ? scroller.getBoundingClientRect() : { top: 0, bottom: frame.innerHeight };
    const blockCount = window.blockCount();
    const visible = visibleBlocks(view, blockCount, band.top, band.bottom);
    const current = window.current();
    // Without one element per block the screen cannot be told apart: draw all.
    const next = visible
      ? nextWindow(current, visible.first, visible.last, blockCount)
      : current.from === 0 && current.to === blockCount
        ? null
        : { from: 0, to: blockCount };
    if (next) heading = next;
    if (!heading) return;
    // A screen outside the window (a jump) is drawn at once; otherwise the
    // window steps toward the target, so no frame draws many blocks.
    const covered = visible && visible.first >= current.from && visible.last < current.to;
    const step = covered ? stepToward(current, heading, maxStep) : heading;
    window.show(step);
    if (step.from === heading.from && step.to === heading.to) heading = null;
    else schedule();
  };
  const schedule = () => {
    if (!pending && !destroyed) pending = frame.requestAnimationFrame(check);
  };

  target.addEventListener('scroll', schedule, { passive: true });
  frame.addEventListener('resize', schedule, { passive: true });
  schedule();
  return {
    // Any change to the view (a new set of highlights, a resized column)
    // may change what is on screen.
    update: schedule,
    destroy() {
      destroyed = true;
      if (pending) frame.cancelAnimationFrame(pending);
      target.removeEventListener('scroll', schedule);
      frame.removeEventListener('resize', schedule);
    },
  };
}

/// The nearest ancestor that scrolls, or `null` for the page itself.
function scrollParent(element: HTMLElement): HTMLElement | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if (overflowY === 'auto' || overflowY === 'scroll') return node;
  }
  return null;
}
