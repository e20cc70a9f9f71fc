import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { PositionMap } from './positions';

/// What the reader needs to draw one annotation's highlight.
export interface Highlight {
  id: string;
  start: number;
  end: number;
  /// Colours of the annotation's tag types, first tag first; none for an
  /// untagged passage.
  colors: string[];
}

/// Changes to the highlights, sent as transaction metadata so that the
/// decoration set is updated in place, never rebuilt on a React render.
export type HighlightAction =
  | { type: 'reset'; highlights: readonly Highlight[] }
  | { type: 'upsert'; highlights: readonly Highlight[] }
  | { type: 'remove'; ids: readonly string[] }
  | { type: 'select'; id: string | null }
  | { type: 'flash'; id: string | null };

interface HighlightState {
  set: DecorationSet;
  selected: string | null;
  flashing: string | null;
}

export const highlightsKey = new PluginKey<HighlightState>('highlights');

/// The keyed plugin holding the reader's highlights. Its state is a
/// DecorationSet mapped through every transaction; actions add, replace or
/// remove only the decorations they name.
export function highlightsPlugin(positions: PositionMap): Plugin<HighlightState> {
  const decorate = (highlight: Highlight, state: { selected: string | null; flashing: string | null }): Decoration => {
    const [first, second] = highlight.colors;
    const classes = ['hl'];
    if (!first) classes.push('hl-untagged');
    if (highlight.id === state.selected) classes.push('hl-selected');
    if (highlight.id === state.flashing) classes.push('hl-flash');
    const style = [first ? `--hl:${first}` : '', second ? `--hl2:${second}` : ''].filter(Boolean).join(';');
    return Decoration.inline(
      positions.toPm(highlight.start, 1),
      positions.toPm(highlight.end, -1),
      // `nodeName` makes each highlight its own element, so overlapping
      // highlights nest (and their colours stack) instead of merging into
      // one span with a single colour and a single id.
      { nodeName: 'span', class: classes.join(' '), 'data-annotation': highlight.id, ...(style ? { style } : {}) },
      // `inclusiveStart/End` off: the document is read-only, but a highlight
      // must never grow over neighbouring text.
      { id: highlight.id, highlight },
    );
  };

  const without = (set: DecorationSet, ids: ReadonlySet<string>): DecorationSet =>
    ids.size === 0 ? set : set.remove(set.find(undefined, undefined, (spec) => ids.has(spec.id as string)));

  // Re-draws one highlight with the current selection and flash state.
  const redraw = (set: DecorationSet, doc: EditorState['doc'], id: string | null, state: HighlightState): DecorationSet => {
    if (!id) return set;
    const found = set.find(undefined, undefined, (spec) => spec.id === id);
    const first = found[0];
    if (!first) return set;
    return set.remove(found).add(doc, [decorate(first.spec.highlight as Highlight, state)]);
  };

  return new Plugin<HighlightState>({
    key: highlightsKey,
    state: {
      init: () => ({ set: DecorationSet.empty, selected: null, flashing: null }),
      apply(tr: Transaction, value: HighlightState): HighlightState {
        let next: HighlightState = { ...value, set: value.set.map(tr.mapping, tr.doc) };
        const action = tr.getMeta(highlightsKey) as HighlightAction | undefined;
        if (!action) return next;
        switch (action.type) {
          case 'reset':
            next.set = DecorationSet.create(tr.doc, action.highlights.filter(valid).map((h) => decorate(h, next)));
            break;
          case 'upsert': {
            const ids = new Set(action.highlights.map((h) => h.id));
            next.set = without(next.set, ids).add(tr.doc, action.highlights.filter(valid).map((h) => decorate(h, next)));
            break;
          }
          case 'remove':
            next.set = without(next.set, new Set(action.ids));
            break;
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
  });
}

function valid(highlight: Highlight): boolean {
  return highlight.start < highlight.end;
}

/// The ids of the highlights covering a ProseMirror position, innermost
/// (shortest) first.
export function highlightsAt(state: EditorState, pos: number): string[] {
  const set = highlightsKey.getState(state)?.set;
  if (!set) return [];
  return set
    .find(pos, pos)
    .filter((d) => d.from <= pos && pos <= d.to)
    .sort((a, b) => a.to - a.from - (b.to - b.from))
    .map((d) => d.spec.id as string);
}
