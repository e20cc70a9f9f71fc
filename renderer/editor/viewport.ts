import type { EditorView } from 'prosemirror-view';
import { type SectionRange, blockElement, sectionSize, sectionsCovering } from './sections';

/// A range of top-level blocks, [from, to).
export interface BlockWindow {
  from: number;
  to: number;
}

// Blocks drawn beyond each edge of the screen, at least. Enough that a fast
// wheel scroll stays inside the window between two frames, few enough that
// the window holds a few hundred highlights.
const margin = 40;
// The window moves once the screen comes this close to its edge: soon
// enough that its next section is drawn and shown (three frames, see
// `nextDrawing`) before the screen reaches it, and rarely enough that a
// slow scroll moves it every few dozen blocks rather than on every frame.
const guard = 12;

/// `window` grown to whole sections, within the document's `blockCount`
/// blocks. The reader draws whole sections: a section is shown (laid out)
/// or hidden as one, so its highlights are best drawn as one too.
export function wholeSections(window: BlockWindow, blockCount: number): BlockWindow {
  const { from, to } = sectionsCovering(Math.max(0, window.from), Math.min(blockCount, window.to));
  return { from: from * sectionSize, to: Math.min(blockCount, to * sectionSize) };
}

/// The window of blocks to draw around block `center`.
export function windowAround(center: number, blockCount: number): BlockWindow {
  return wholeSections({ from: center - margin, to: center + margin + 1 }, blockCount);
}

// Blocks a window move may add or drop at each edge in one frame. Those
// blocks are in hidden sections (see `nextDrawing`), so the browser neither
// lays them out nor paints them; what is left is ProseMirror drawing their
// text and highlights, a fraction of a millisecond a block.
const maxStep = 16;

/// `current` moved toward `target` by at most `step` blocks at each edge.
export function stepToward(current: BlockWindow, target: BlockWindow, step: number): BlockWindow {
  const toward = (from: number, to: number) => (to > from ? Math.min(to, from + step) : Math.max(to, from - step));
  return { from: toward(current.from, target.from), to: toward(current.to, target.to) };
}

/// What the reader draws: the highlights of a window of blocks, and the
/// sections the browser lays out and paints, all of whose blocks are in the
/// window.
export interface Drawing {
  window: BlockWindow;
  sections: SectionRange;
}

/// The next frame's drawing on the way from `current` to `heading`, a
/// window of whole sections. Showing a section (its 32 blocks laid out and
/// painted) takes half a frame's time here, and drawing highlights in a
/// shown section means laying its blocks out again; both in one frame, with
/// a garbage collection, made a long task. So each frame does one kind of
/// work, in this order: it draws the highlights of the blocks coming in
/// while their sections are still hidden, shows those sections one at a
/// time (each between two frames, see `trackViewport`), hides the sections
/// going out, and then drops the highlights of their blocks. A shown
/// section always has all its highlights drawn.
export function nextDrawing(current: Drawing, heading: BlockWindow, step: number): Drawing {
  const { window, sections } = current;
  const grown = { from: Math.min(window.from, heading.from), to: Math.max(window.to, heading.to) };
  if (grown.from < window.from || grown.to > window.to) return { window: stepToward(window, grown, step), sections };
  const needed = sectionsCovering(heading.from, heading.to);
  if (needed.to > sections.to) return { window, sections: { from: sections.from, to: sections.to + 1 } };
  if (needed.from < sections.from) return { window, sections: { from: sections.from - 1, to: sections.to } };
  if (needed.from > sections.from || needed.to < sections.to) return { window, sections: needed };
  return { window: stepToward(window, heading, step), sections };
}

/// The drawing for `window` at once, as after a jump or on opening.
export function drawingOf(window: BlockWindow): Drawing {
  return { window, sections: sectionsCovering(window.from, window.to) };
}

/// The window to draw for blocks [first, last] on screen, or `null` when
/// the current window already covers them with room to spare.
export function nextWindow(current: BlockWindow, first: number, last: number, blockCount: number): BlockWindow | null {
  const low = current.from === 0 ? 0 : current.from + guard;
  const high = current.to === blockCount ? blockCount : current.to - guard;
  if (first >= low && last < high) return null;
  return wholeSections({ from: first - margin, to: last + 1 + margin }, blockCount);
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
  window: { current(): Drawing; blockCount(): number; show(drawing: Drawing): void },
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
    const drawn = current.window;
    // Without one element per block the screen cannot be told apart: draw all.
    const next = visible
      ? nextWindow(drawn, visible.first, visible.last, blockCount)
      : drawn.from === 0 && drawn.to === blockCount
        ? null
        : { from: 0, to: blockCount };
    if (next) heading = next;
    if (!heading) return;
    // A screen outside the shown sections (a jump) is drawn at once;
    // otherwise the drawing moves toward the target over several frames,
    // none of which does much.
    const shown = current.sections;
    const covered = visible && visible.first >= shown.from * sectionSize && visible.last < shown.to * sectionSize;
    const arrived = drawingOf(heading);
    const step = covered ? nextDrawing(current, heading, maxStep) : arrived;
    const showing = covered && (step.sections.from < shown.from || step.sections.to > shown.to);
    if (showing) showBetweenFrames(current, step);
    else window.show(step);
    if (sameDrawing(step, arrived)) heading = null;
    else if (!showing) schedule();
  };
  const schedule = () => {
    if (!pending && !laying && !destroyed) pending = frame.requestAnimationFrame(check);
  };

  // Showing a section makes the browser style and lay out its few hundred
  // highlight elements, 15-30 ms here. In a frame, on top of that frame's
  // own layout and painting, it made the long tasks of a fast scroll; so a
  // section is shown in a task of its own between two frames, which lays
  // it out there and then, and leaves the next frame only its painting.
  // Checks wait for it: the next one is asked for once it is done.
  let laying: ReturnType<typeof setTimeout> | undefined;
  const showBetweenFrames = (planned: Drawing, step: Drawing) => {
    laying = setTimeout(() => {
      laying = undefined;
      if (destroyed) return;
      // A jump (`Reader.scrollTo`) may have drawn another window since:
      // the step, planned from the drawing before it, would undo it.
      if (sameDrawing(window.current(), planned)) {
        window.show(step);
        void view.dom.offsetHeight;
      }
      schedule();
    });
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
      clearTimeout(laying);
      target.removeEventListener('scroll', schedule);
      frame.removeEventListener('resize', schedule);
    },
  };
}

function sameDrawing(a: Drawing, b: Drawing): boolean {
  return a.window.from === b.window.from && a.window.to === b.window.to && a.sections.from === b.sections.from && a.sections.to === b.sections.to;
}

/// The nearest ancestor that scrolls, or `null` for the page itself.
function scrollParent(element: HTMLElement): HTMLElement | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if (overflowY === 'auto' || overflowY === 'scroll') return node;
  }
  return null;
}
