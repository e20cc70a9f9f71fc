import fc from 'fast-check';
import { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { loadCorpus, seed, seedIds } from '../../shared/test-support/corpus';
import { buildDoc } from './build-doc';
import { type Highlight, highlightsAt, highlightsKey, highlightsPlugin, maxNesting } from './highlights';
import { PositionMap } from './positions';
import { type SectionRange, sectionsCovering } from './sections';
import type { BlockWindow } from './viewport';

// The article, with its 45 footnotes: a few hundred blocks, enough for
// windows to move across several sections.
const article = seed(loadCorpus(), seedIds.article);
const doc = buildDoc(article.blocks);
const positions = new PositionMap(doc, article.text);
const blockCount = article.text.starts.length;

/// What a reader shows: each highlight drawn, by its place, id and classes
/// (read from ProseMirror's decoration type, which has no public getter),
/// and each section marked for drawing.
function drawn(state: EditorState): string[] {
  return highlightsKey
    .getState(state)!
    .set.find()
    .map((d) =>
      d.spec.inView
        ? `section ${d.from}`
        : `${d.spec.id as string} ${d.from}-${d.to} ${(d as unknown as { type: { attrs: { class: string } } }).type.attrs.class}`,
    )
    .sort();
}

function stateWith(highlights: Highlight[]): EditorState {
  return EditorState.create({ doc, plugins: [highlightsPlugin(positions, article.text, highlights)] });
}

const showing = (state: EditorState, window: BlockWindow, sections?: SectionRange) =>
  state.apply(state.tr.setMeta(highlightsKey, { type: 'window', window, sections }));

const highlightArb = fc.tuple(fc.nat({ max: article.text.length - 1 }), fc.integer({ min: 1, max: 4000 }), fc.boolean()).map(
  ([start, length, tagged]): Highlight => ({
    id: `h${start}-${length}`,
    start,
    end: Math.min(article.text.length, start + length),
    colors: tagged ? ['#3b7dd8'] : [],
  }),
);

const windowArb = fc
  .tuple(fc.nat({ max: blockCount - 1 }), fc.integer({ min: 1, max: 120 }))
  .map(([from, size]): BlockWindow => ({ from, to: Math.min(blockCount, from + size) }));

/// A window, and the sections shown of those it touches (while the window
/// moves, some of them are hidden).
const drawingArb = windowArb.chain((window) => {
  const all = sectionsCovering(window.from, window.to);
  return fc
    .tuple(fc.integer({ min: all.from, max: all.to }), fc.integer({ min: all.from, max: all.to }))
    .map(([a, b]) => ({ window, sections: { from: Math.min(a, b), to: Math.max(a, b) } }));
});

describe('the window of drawn highlights', () => {
  it('moved step by step, and its sections shown and hidden, draws what it would draw opened there', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(highlightArb, { maxLength: 300, selector: (h) => h.id }),
        fc.array(drawingArb, { minLength: 1, maxLength: 12 }),
        (highlights, drawings) => {
          let state = stateWith(highlights);
          // A selected highlight keeps its outline as it leaves and re-enters the window.
          if (highlights[0]) state = state.apply(state.tr.setMeta(highlightsKey, { type: 'select', id: highlights[0].id }));
          for (const { window, sections } of drawings) state = showing(state, window, sections);
          const last = drawings.at(-1)!;
          let fresh = showing(stateWith(highlights), last.window, last.sections);
          if (highlights[0]) fresh = fresh.apply(fresh.tr.setMeta(highlightsKey, { type: 'select', id: highlights[0].id }));
          expect(drawn(state)).toEqual(drawn(fresh));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('scrolled a few blocks at a time from the top to the end, draws the highlights of the last screen', () => {
    const highlights = Array.from({ length: 400 }, (_, i): Highlight => {
      const start = Math.floor((i * article.text.length) / 400);
      return { id: `h${i}`, start, end: Math.min(article.text.length, start + 200 + (i % 7) * 300), colors: ['#2e9e5b'] };
    });
    let state = stateWith(highlights);
    for (let from = 0; from + 80 <= blockCount; from += 3) state = showing(state, { from, to: from + 80 });
    const last = { from: blockCount - 80 - ((blockCount - 80) % 3), to: blockCount - ((blockCount - 80) % 3) };
    expect(drawn(state)).toEqual(drawn(showing(stateWith(highlights), last)));
    expect(drawn(state).some((d) => d.startsWith('section'))).toBe(true);
  });
});

describe('overlapping highlights', () => {
  // The highlights drawn at ProseMirror position `pos`, and how many of them
  // are elements of their own there (a node name) rather than merged into
  // the element around them.
  const at = (state: EditorState, pos: number) => {
    const here = highlightsKey
      .getState(state)!
      .set.find(pos, pos)
      .filter((d) => d.spec.id !== undefined && d.from <= pos && pos < d.to);
    return {
      drawn: here.map((d) => d.spec.id as string),
      elements: here.filter((d) => (d as unknown as { type: { attrs: { nodeName?: string } } }).type.attrs.nodeName).length,
    };
  };
  const passage = article.text.text.indexOf('Khrushchev');
  const overlapping = (count: number): Highlight[] =>
    Array.from({ length: count }, (_, i) => ({ id: `o${i}`, start: passage + i, end: passage + 60 + i, colors: [i % 2 ? '#3b7dd8' : '#e07b24'] }));

  it('each nest as an element of their own while a handful overlap, so their colours stack', () => {
    const state = stateWith(overlapping(5));
    const middle = positions.toPm(passage + 30, 1);
    expect(at(state, middle)).toEqual({ drawn: ['o0', 'o1', 'o2', 'o3', 'o4'], elements: 5 });
  });

  it('nest at most maxNesting deep however many overlap, and every one is still drawn and found by a click', () => {
    const state = stateWith(overlapping(60));
    for (let offset = passage; offset < passage + 120; offset++) {
      const pos = positions.toPm(offset, 1);
      const { drawn, elements } = at(state, pos);
      expect(elements).toBeLessThanOrEqual(maxNesting);
      expect(highlightsAt(state, pos)).toEqual(expect.arrayContaining(drawn));
    }
    const middle = positions.toPm(passage + 59, 1);
    expect(at(state, middle).drawn).toHaveLength(60);
    expect(highlightsAt(state, middle)).toHaveLength(60);
  });
});
