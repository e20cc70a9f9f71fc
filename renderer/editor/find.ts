import { Plugin, PluginKey } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { FindMatch } from '../../shared/search/find';
import type { PositionMap } from './positions';

/// What the find bar asks the reader to show: every match, and which one is
/// current (an index into `matches`, or -1).
export interface FindState {
  matches: readonly FindMatch[];
  current: number;
}

export const findKey = new PluginKey<DecorationSet>('find');

/// Draws the find bar's matches as decorations over the canonical text (the
/// DOM is never searched: sections the browser skips are found all the same).
/// A transaction with `findKey` meta (a `FindState`, or null to clear) sets
/// them; the reader's document never changes, so they never need mapping.
export function findPlugin(positions: PositionMap): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: findKey,
    state: {
      init: () => DecorationSet.empty,
      apply: (tr, current) => {
        const meta = tr.getMeta(findKey) as FindState | null | undefined;
        if (meta === undefined) return current;
        if (meta === null || meta.matches.length === 0) return DecorationSet.empty;
        const decorations = meta.matches.map((match, i) =>
          Decoration.inline(
            positions.toPm(match.start, 1),
            positions.toPm(match.end, -1),
            i === meta.current ? { class: 'find-match find-current', 'data-find': 'current' } : { class: 'find-match' },
          ),
        );
        return DecorationSet.create(tr.doc, decorations);
      },
    },
    props: { decorations: (state) => findKey.getState(state) },
  });
}
