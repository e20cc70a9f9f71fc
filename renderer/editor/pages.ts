import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { PageStart } from '../../shared/corpus/document';
import type { DocText } from '../../shared/document/text';
import type { PositionMap } from './positions';

/// Where a page marker is drawn in the reader. A page that begins a block
/// (a paragraph, a heading) is marked between that block and the one
/// before, as a line of its own; a page that breaks into a block, at the
/// character where it does.
export interface PageMarker {
  /// The ProseMirror position the marker stands at.
  pos: number;
  label: string;
  atBlockStart: boolean;
}

/// The reader positions of a document's page starts, in text order. A
/// start at a block separator belongs to the block after it.
export function pageMarkers(pages: readonly PageStart[], positions: PositionMap, text: DocText): PageMarker[] {
  const length = text.text.length;
  return pages.map(({ offset, label }, i) => {
    if (!Number.isInteger(offset) || offset < 0 || offset > length) {
      throw new RangeError(`Page ${label} starts at offset ${offset}, outside the document’s text of ${length} characters.`);
    }
    if (i > 0 && offset < pages[i - 1]!.offset) {
      throw new RangeError(
        `Page ${label} starts at offset ${offset}, before page ${pages[i - 1]!.label} at ${pages[i - 1]!.offset}; pages must be in text order.`,
      );
    }
    const atBlockStart = text.locate(offset, 1).offset === 0;
    // Just before the block's node, or at the character inside it.
    const pos = positions.toPm(offset, 1) - (atBlockStart ? 1 : 0);
    return { pos, label, atBlockStart };
  });
}

export const pagesKey = new PluginKey<DecorationSet>('pages');

/// Draws "p. 12" where each page of the source begins: a widget, so the
/// document's text, and every offset into it, stay exactly as they are.
/// The label is drawn by CSS from an attribute, never as text in the page,
/// so a selection or a copy across a marker holds only the document's
/// words. The set is built once: the reader's document never changes.
export function pagesPlugin(doc: Node, pages: readonly PageStart[], positions: PositionMap, text: DocText): Plugin<DecorationSet> {
  const widgets = pageMarkers(pages, positions, text).map((marker) =>
    Decoration.widget(marker.pos, (view) => markerElement(view.dom.ownerDocument, marker), {
      // Before the page's first character, so the caret there stays with the text.
      side: -1,
      marks: [],
      ignoreSelection: true,
      key: `page-${marker.pos}-${marker.label}`,
      page: marker.label,
    }),
  );
  const set = DecorationSet.create(doc, widgets);
  return new Plugin<DecorationSet>({
    key: pagesKey,
    state: {
      init: () => set,
      apply: (tr, current) => (tr.docChanged ? current.map(tr.mapping, tr.doc) : current),
    },
    props: { decorations: (state) => pagesKey.getState(state) },
  });
}

function markerElement(doc: Document, marker: PageMarker): HTMLElement {
  const element = doc.createElement(marker.atBlockStart ? 'div' : 'span');
  element.className = marker.atBlockStart ? 'page-marker page-marker-block' : 'page-marker';
  element.contentEditable = 'false';
  element.dataset.page = marker.label;
  element.dataset.testid = 'page-marker';
  element.setAttribute('role', 'note');
  element.setAttribute('aria-label', `Page ${marker.label}`);
  return element;
}
