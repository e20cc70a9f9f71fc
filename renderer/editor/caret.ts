import { Plugin } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { highlightsKey } from './highlights';

/// Rings the highlight the caret is in (the innermost, where several
/// overlap), so a keyboard user moving through the text sees which passage
/// Enter will show; CSS draws the ring only while the text has the focus.
export function caretPlugin(): Plugin {
  return new Plugin({
    props: {
      decorations: (state) => {
        const { selection } = state;
        if (!selection.empty) return null;
        const set = highlightsKey.getState(state)?.set;
        if (!set) return null;
        const pos = selection.from;
        const inner = set
          .find(pos, pos, (spec) => spec.id !== undefined)
          .filter((d) => d.from <= pos && pos <= d.to && d.from < d.to)
          .sort((a, b) => a.to - a.from - (b.to - b.from))[0];
        return inner ? DecorationSet.create(state.doc, [Decoration.inline(inner.from, inner.to, { class: 'hl-caret' })]) : null;
      },
    },
  });
}
