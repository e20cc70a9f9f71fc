import { EditorState, TextSelection } from 'prosemirror-state';
import type { Decoration } from 'prosemirror-view';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../shared/document/model';
import { DocText } from '../../shared/document/text';
import { importFile } from '../../shared/importers/import-file';
import { fixture } from '../../shared/importers/test-support/sources';
import { buildDoc } from './build-doc';
import { pageMarkers, pagesKey, pagesPlugin } from './pages';
import { PositionMap } from './positions';

const paragraph = (text: string): Block => ({ kind: 'paragraph', level: 0, marker: '', depth: 0, quoted: false, spans: [{ text, marks: [] }] });

function reader(blocks: Block[]) {
  const text = new DocText(blocks);
  const doc = buildDoc(blocks);
  return { text, doc, positions: new PositionMap(doc, text) };
}

// biome-ignore lint/correctness/usePlaywrightValidDescribeCallback: a vitest suite, which may read its fixture before its tests.
describe('page markers of an imported PDF', async () => {
  const imported = await importFile('fo-brief-1962.pdf', fixture('fo-brief-1962.pdf'));
  const { text, doc, positions } = reader(imported.blocks);
  const markers = pageMarkers(imported.pages, positions, text);

  it('stand where each page’s text begins, labelled with its number', () => {
    expect(markers.map((m) => m.label)).toEqual(['1', '2', '3']);
    // The words that follow each marker in the reader are the page's first words.
    // Each stands just before its paragraph, whose first words are the page's.
    const after = markers.map((m) => doc.nodeAt(m.pos)!.textContent.slice(0, 14));
    expect(after).toEqual(['Visit of the I', '7. Conversely,', '13. Notes.']);
    expect(markers.every((m) => m.atBlockStart)).toBe(true);
    // And each position is the page's offset in the canonical text.
    expect(markers.map((m) => positions.fromPm(m.pos, 1))).toEqual(imported.pages.map((p) => p.offset));
  });

  it('are widgets only: the text, and the offsets of a selection across a page break, are unchanged', () => {
    const plain = EditorState.create({ doc });
    const marked = EditorState.create({ doc, plugins: [pagesPlugin(doc, imported.pages, positions, text)] });
    const set = pagesKey.getState(marked)!;
    const found: Decoration[] = set.find();
    expect(found).toHaveLength(3);
    // A widget covers no text: it starts and ends where it stands.
    expect(found.every((d) => d.from === d.to)).toBe(true);
    expect(marked.doc.textBetween(0, marked.doc.content.size, '\n\n')).toBe(text.text);

    // "her imports." ends page 1, "7. Conversely" begins page 2.
    const start = text.text.indexOf('all her imports.');
    const end = text.text.indexOf('7. Conversely') + '7. Conversely'.length;
    for (const state of [plain, marked]) {
      const selected = state.apply(state.tr.setSelection(TextSelection.create(state.doc, positions.toPm(start, 1), positions.toPm(end, -1))));
      const { from, to } = selected.selection;
      expect([positions.fromPm(from, 1), positions.fromPm(to, -1)]).toEqual([start, end]);
      expect(selected.doc.textBetween(from, to, '\n\n')).toBe('all her imports.\n\n7. Conversely');
    }
  });
});

describe('page markers inside a paragraph', () => {
  const blocks = [paragraph('Brief No. 5.'), paragraph('The Albanian regime would have difficulty in surviving.')];
  const { text, doc, positions } = reader(blocks);

  it('break into the paragraph where the page turns, and say they do', () => {
    const offset = text.text.indexOf('difficulty');
    const [first, second] = pageMarkers(
      [
        { offset: 0, label: '17' },
        { offset, label: '18' },
      ],
      positions,
      text,
    );
    expect(first).toMatchObject({ label: '17', atBlockStart: true });
    expect(second).toMatchObject({ label: '18', atBlockStart: false });
    expect(doc.textBetween(second!.pos, second!.pos + 10)).toBe('difficulty');
  });

  it('go to the next paragraph when a page starts between two', () => {
    const between = text.text.indexOf('\n\n') + 1;
    const [marker] = pageMarkers([{ offset: between, label: '2' }], positions, text);
    expect(marker).toMatchObject({ atBlockStart: true });
    expect(doc.nodeAt(marker!.pos)!.textContent.slice(0, 3)).toBe('The');
  });

  it('refuse pages outside the text or out of order, saying which', () => {
    expect(() => pageMarkers([{ offset: 10_000, label: '9' }], positions, text)).toThrow(
      new RangeError('Page 9 starts at offset 10000, outside the document’s text of 69 characters.'),
    );
    expect(() =>
      pageMarkers(
        [
          { offset: 20, label: '2' },
          { offset: 5, label: '3' },
        ],
        positions,
        text,
      ),
    ).toThrow(/Page 3 starts at offset 5, before page 2 at 20/);
  });
});
