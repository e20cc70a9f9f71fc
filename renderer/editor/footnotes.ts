import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Block } from '../../shared/document/model';
import type { DocText } from '../../shared/document/text';
import type { PositionMap } from './positions';

/// A footnote marker in the running text: where it is (canonical offsets),
/// its label ("12"), and where its note begins, if the document has it.
export interface FootnoteRef {
  start: number;
  end: number;
  label: string;
  note: number | null;
}

/// The footnote markers of a document and its notes' starts by label. A
/// marker is a run of digits marked superscript; a note is a footnote block
/// opening with one (see parse-markdown.ts, html.ts).
export function footnotesOf(
  blocks: readonly Block[],
  text: DocText,
): { refs: FootnoteRef[]; notes: Map<string, number>; digits: { start: number; end: number }[] } {
  const notes = new Map<string, number>();
  // Every superscript number, markers and notes' own numbers alike.
  const digits: { start: number; end: number }[] = [];
  const found: Omit<FootnoteRef, 'note'>[] = [];
  blocks.forEach((block, i) => {
    let offset = text.starts[i]!;
    block.spans.forEach((span, k) => {
      const label = span.marks.includes('sup') ? span.text.trim() : '';
      if (/^\d+$/.test(label)) {
        const start = offset + span.text.indexOf(label);
        digits.push({ start, end: start + label.length });
        // The note's own number opens it; the first note of a label wins.
        if (block.kind === 'footnote' && k === 0) {
          if (!notes.has(label)) notes.set(label, text.starts[i]!);
        } else found.push({ start, end: start + label.length, label });
      }
      offset += span.text.length;
    });
  });
  return { refs: found.map((ref) => ({ ...ref, note: notes.get(ref.label) ?? null })), notes, digits };
}

/// What the footnotes plugin holds: the note last jumped to, drawn marked.
interface FootnoteState {
  decorations: DecorationSet;
  target: number | null;
}

export const footnotesKey = new PluginKey<FootnoteState>('footnotes');

/// Makes each marker with a note a link to it, and puts a "back" link at the
/// start of each note that has markers. Both are decorations: the text, and
/// every offset into it, stay as they are. The reader (reader.ts) handles
/// the clicks; a transaction with `footnotesKey` meta `{ target }` marks the
/// note jumped to.
export function footnotesPlugin(doc: Node, blocks: readonly Block[], positions: PositionMap, text: DocText): Plugin<FootnoteState> {
  const { refs, digits } = footnotesOf(blocks, text);
  const linked = refs.filter((ref) => ref.note !== null);
  const decorations = [
    // Already superscript glyphs: drawn at the text's size, not shrunk again.
    ...digits.map((d) => Decoration.inline(positions.toPm(d.start, 1), positions.toPm(d.end, -1), { class: 'fn-digits' })),
    ...linked.map((ref) =>
      Decoration.inline(positions.toPm(ref.start, 1), positions.toPm(ref.end, -1), {
        class: 'fn-ref',
        'data-note': ref.label,
        'data-at': String(ref.start),
        title: `Go to note ${ref.label}`,
      }),
    ),
    ...[...new Set(linked.map((ref) => ref.note!))].map((note) =>
      Decoration.widget(positions.toPm(note, 1), (view) => backElement(view.dom.ownerDocument, note), {
        side: -1,
        marks: [],
        ignoreSelection: true,
        key: `fn-back-${note}`,
      }),
    ),
  ];
  const base = DecorationSet.create(doc, decorations);
  const targetDecoration = (pos: number) => {
    const block = doc.resolve(pos);
    return Decoration.node(block.before(), block.after(), { class: 'fn-target' });
  };
  return new Plugin<FootnoteState>({
    key: footnotesKey,
    state: {
      init: () => ({ decorations: base, target: null }),
      apply: (tr, current) => {
        const meta = tr.getMeta(footnotesKey) as { target: number | null } | undefined;
        if (!meta) return current;
        return { target: meta.target, decorations: meta.target === null ? base : base.add(tr.doc, [targetDecoration(meta.target)]) };
      },
    },
    props: { decorations: (state) => footnotesKey.getState(state)?.decorations },
  });
}

function backElement(document: Document, note: number): HTMLElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'fn-back';
  button.contentEditable = 'false';
  button.dataset.note = String(note);
  button.title = 'Back to the text where this note is referred to';
  button.setAttribute('aria-label', 'Back to the text');
  // The arrow is drawn by CSS: no text of the page, so a selection, a copy
  // or a search of the page's text holds only the document's words.
  return button;
}
