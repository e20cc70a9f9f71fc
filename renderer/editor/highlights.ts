import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import type { DocText } from '../../shared/document/text';
import { type Highlight, HighlightIndex } from './highlight-index';
import type { PositionMap } from './positions';
import { type SectionRange, sectionsCovering } from './sections';
import { type BlockWindow, trackViewport, windowAround } from './viewport';

export type { Highlight } from './highlight-index';

/// Changes to the highlights, sent as transaction metadata so that the
/// decoration set is updated in place, never rebuilt on a React render.
export type HighlightAction =
  | { type: 'reset'; highlights: readonly Highlight[] }
  | { type: 'upsert'; highlights: readonly Highlight[] }
  | { type: 'remove'; ids: readonly string[] }
  | { type: 'select'; id: string | null }
  | { type: 'flash'; id: string | null }
  /// Draw the highlights of these blocks (the ones on screen and a margin),
  /// and lay out these sections (by default, the ones holding the blocks).
  | { type: 'window'; window: BlockWindow; sections?: SectionRange };

interface HighlightState {
  /// Every highlight of the document. Shared by successive states and
  /// changed in place: a read-only reader never returns to an earlier
  /// state, and copying 50,000 entries on each change would cost more than
  /// the change itself.
  index: HighlightIndex;
  /// The blocks whose highlights are decorations now.
  window: BlockWindow;
  /// The sections the browser lays out and paints. Every block of them is
  /// in `window`; while the window moves, some of its sections are hidden
  /// (see `nextDrawing` in viewport.ts).
  sections: SectionRange;
  /// Decorations for the highlights touching `window`, and only those: a
  /// DecorationSet over 10,000 highlights takes a second to build and makes
  /// every change slow, while the few hundred on screen take a millisecond.
  set: DecorationSet;
  selected: string | null;
  flashing: string | null;
}

export const highlightsKey = new PluginKey<HighlightState>('highlights');

// Highlights nest: each is its own element in every stretch of text it
// covers, so that overlapping passages stack their colours. Past this many
// at one place, a highlight that starts there is drawn into the element
// around it instead of an element of its own (ProseMirror adds the
// attributes of an inline decoration without a node name to the element of
// the decoration before it): it still colours its text and answers a
// click, but no longer stacks its own colour. Nesting without
// a bound grows the elements with the square of the overlap: 2,000
// passages on an 8 KB memorandum made 63,000 elements, 20,000 took a
// minute to draw. Real tagging stacks a handful (five at most in the
// benchmark's 10,000), which stay as they were.
export const maxNesting = 8;

/// The keyed plugin holding the reader's highlights. Its state is a
/// DecorationSet mapped through every transaction, holding the highlights
/// of the blocks on screen; actions add, replace or remove only the
/// decorations they name, and scrolling moves the window.
///
/// `initial` highlights are drawn with the document's first render: adding
/// them in a later transaction would make ProseMirror walk every block
/// again to compare decorations.
export function highlightsPlugin(positions: PositionMap, text: DocText, initial: readonly Highlight[] = []): Plugin<HighlightState> {
  const decorate = (highlight: Highlight, state: { index: HighlightIndex; selected: string | null; flashing: string | null }): Decoration => {
    const [first, second] = highlight.colors;
    const classes = ['hl'];
    if (!first) classes.push('hl-untagged');
    if (highlight.id === state.selected) classes.push('hl-selected');
    if (highlight.id === state.flashing) classes.push('hl-flash');
    const style = [first ? `--hl:${first}` : '', second ? `--hl2:${second}` : ''].filter(Boolean).join(';');
    // Every highlight covering its start began at or before it and is still
    // open there: so where these nest, at most `maxNesting` do at any place.
    const nested = state.index.coveringAt(highlight.start) <= maxNesting;
    const attrs = { class: classes.join(' '), 'data-annotation': highlight.id, ...(style ? { style } : {}) };
    return Decoration.inline(
      positions.toPm(highlight.start, 1),
      positions.toPm(highlight.end, -1),
      // `nodeName` makes each highlight its own element, so overlapping
      // highlights nest (and their colours stack) instead of merging into
      // one span with a single colour and a single id.
      nested ? { nodeName: 'span', ...attrs } : attrs,
      // `inclusiveStart/End` off: the document is read-only, but a highlight
      // must never grow over neighbouring text.
      { id: highlight.id, highlight },
    );
  };

  const without = (set: DecorationSet, ids: ReadonlySet<string>): DecorationSet =>
    ids.size === 0 ? set : set.remove(set.find(undefined, undefined, (spec) => ids.has(spec.id as string)));

  // The sections shown are marked `in-view`; the style sheet lets the
  // browser skip laying out and painting every other section
  // (`content-visibility: hidden`). The browser's own `auto` would do the
  // same without the marks, but checks every section against the screen on
  // every frame.
  const inView = (sections: SectionRange, except: SectionRange = { from: 0, to: 0 }): Decoration[] => {
    const marks: Decoration[] = [];
    for (let i = sections.from; i < sections.to; i++) {
      if (i >= except.from && i < except.to) continue;
      const { from, to } = positions.sectionRange(i);
      marks.push(Decoration.node(from, to, { class: 'in-view' }, { inView: true }));
    }
    return marks;
  };

  const build = (doc: EditorState['doc'], state: HighlightState): DecorationSet =>
    DecorationSet.create(doc, [...inView(state.sections), ...state.index.inBlocks(state.window.from, state.window.to).map((h) => decorate(h, state))]);

  // The set for `next`, `set` having been drawn for `before`: only the
  // decorations of the blocks and sections that came in or went out
  // change. Rebuilding all of them on each step of a scroll made every step
  // allocate and compare a few hundred decorations, and made ProseMirror
  // look again at every block of the window.
  const move = (set: DecorationSet, doc: EditorState['doc'], before: HighlightState, next: HighlightState): DecorationSet => {
    const { index, window, sections } = next;
    const previous = before.window;
    if (window.from >= previous.to || previous.from >= window.to) return build(doc, next);
    const outside = (a: BlockWindow, b: BlockWindow) =>
      [
        { from: a.from, to: Math.min(a.to, b.from) },
        { from: Math.max(a.from, b.to), to: a.to },
      ].filter((r) => r.from < r.to);
    const leaving = new Set<string>();
    for (const r of outside(previous, window)) {
      for (const h of index.inBlocks(r.from, r.to)) if (!index.touches(h.id, window.from, window.to)) leaving.add(h.id);
    }
    const entering = new Map<string, Highlight>();
    for (const r of outside(window, previous)) {
      for (const h of index.inBlocks(r.from, r.to)) if (!index.touches(h.id, previous.from, previous.to)) entering.set(h.id, h);
    }
    const hidden = new Set<number>();
    for (let i = before.sections.from; i < before.sections.to; i++) {
      if (i < sections.from || i >= sections.to) hidden.add(positions.sectionRange(i).from);
    }
    const marks = inView(sections, before.sections);
    const gone = set.find(undefined, undefined, (spec) => (spec.inView ? false : leaving.has(spec.id as string)));
    const unmarked = hidden.size === 0 ? [] : set.find(undefined, undefined, (spec) => spec.inView === true).filter((d) => hidden.has(d.from));
    return set.remove([...gone, ...unmarked]).add(doc, [...marks, ...[...entering.values()].map((h) => decorate(h, next))]);
  };

  // Re-draws one highlight with the current selection and flash state.
  const redraw = (set: DecorationSet, doc: EditorState['doc'], id: string | null, state: HighlightState): DecorationSet => {
    if (!id) return set;
    const highlight = state.index.get(id);
    if (!highlight || !state.index.touches(id, state.window.from, state.window.to)) return set;
    return without(set, new Set([id])).add(doc, [decorate(highlight, state)]);
  };

  return new Plugin<HighlightState>({
    key: highlightsKey,
    state: {
      init: (_, state) => {
        const index = new HighlightIndex(text, initial);
        const window = windowAround(0, index.blockCount);
        const value: HighlightState = {
          index,
          window,
          sections: sectionsCovering(window.from, window.to),
          set: DecorationSet.empty,
          selected: null,
          flashing: null,
        };
        return { ...value, set: build(state.doc, value) };
      },
      apply(tr: Transaction, value: HighlightState): HighlightState {
        let next: HighlightState = { ...value, set: value.set.map(tr.mapping, tr.doc) };
        const action = tr.getMeta(highlightsKey) as HighlightAction | undefined;
        if (!action) return next;
        const { index, window } = next;
        switch (action.type) {
          case 'reset':
            next.index = new HighlightIndex(text, action.highlights);
            next.set = build(tr.doc, next);
            break;
          case 'upsert': {
            for (const highlight of action.highlights) index.put(highlight);
            const shown = action.highlights.filter((h) => index.get(h.id) === h && index.touches(h.id, window.from, window.to));
            next.set = without(next.set, new Set(action.highlights.map((h) => h.id))).add(
              tr.doc,
              shown.map((h) => decorate(h, next)),
            );
            break;
          }
          case 'remove':
            for (const id of action.ids) index.delete(id);
            next.set = without(next.set, new Set(action.ids));
            break;
          case 'window': {
            const before = next;
            next = { ...next, window: action.window, sections: action.sections ?? sectionsCovering(action.window.from, action.window.to) };
            next.set = move(next.set, tr.doc, before, next);
            break;
          }
          case 'select': {
            const previous = next.selected;
            next = { ...next, selected: action.id };
            next.set = redraw(redraw(next.set, tr.doc, previous, next), tr.doc, action.id, next);
            break;
          }
          case 'flash': {
            const previous = next.flashing;
            next = { ...next, flashing: action.id };
            next.set = redraw(redraw(next.set, tr.doc, previous, next), tr.doc, action.id, next);
            break;
          }
        }
        return next;
      },
    },
    props: {
      decorations(state) {
        return highlightsKey.getState(state)?.set;
      },
    },
    view: (view: EditorView) =>
      trackViewport(view, {
        current: () => highlightsKey.getState(view.state)!,
        blockCount: () => highlightsKey.getState(view.state)!.index.blockCount,
        show: ({ window, sections }) => view.dispatch(view.state.tr.setMeta(highlightsKey, { type: 'window', window, sections } satisfies HighlightAction)),
      }),
  });
}

/// The ids of the highlights covering a ProseMirror position, innermost
/// (shortest) first.
export function highlightsAt(state: EditorState, pos: number): string[] {
  const set = highlightsKey.getState(state)?.set;
  if (!set) return [];
  return set
    .find(pos, pos, (spec) => spec.id !== undefined)
    .filter((d) => d.from <= pos && pos <= d.to)
    .sort((a, b) => a.to - a.from - (b.to - b.from))
    .map((d) => d.spec.id as string);
}

/// The window of blocks whose highlights are drawn now.
export function highlightWindow(state: EditorState): BlockWindow | null {
  return highlightsKey.getState(state)?.window ?? null;
}
