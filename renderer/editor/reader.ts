import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import type { LibraryDocument } from '../../shared/corpus/document';
import { buildDoc } from './build-doc';
import { type FindState, findKey, findPlugin } from './find';
import { caretPlugin } from './caret';
import { type FootnoteRef, footnotesKey, footnotesOf, footnotesPlugin } from './footnotes';
import { type Highlight, type HighlightAction, highlightWindow, highlightsAt, highlightsKey, highlightsPlugin } from './highlights';
import { pagesPlugin } from './pages';
import { PositionMap, trimmedRange } from './positions';
import { readOnlyPlugin } from './read-only';
import { windowAround } from './viewport';

/// The selection as the UI sees it: a passage of the canonical text, or a
/// selection that holds nothing to annotate.
export type ReaderSelection =
  | { kind: 'none' }
  | { kind: 'blank' }
  | { kind: 'passage'; start: number; end: number; rect: { left: number; top: number; bottom: number } };

export interface ReaderCallbacks {
  onSelection(selection: ReaderSelection): void;
  /// A click on highlighted text: the ids there, innermost first.
  onHighlightClick(ids: string[]): void;
}

/// The ProseMirror reader of one document, with no React in it: the React
/// wrapper (ReaderView.tsx) mounts it and talks to it through these methods.
export class Reader {
  readonly view: EditorView;
  readonly positions: PositionMap;
  private readonly footnoteRefs: FootnoteRef[];
  // The marker last followed to its note, for the note's "back" link.
  private lastRef: FootnoteRef | null = null;
  private readonly onBackClick = (event: MouseEvent) => {
    const back = (event.target as Element | null)?.closest?.('.fn-back');
    if (!(back instanceof HTMLElement)) return;
    event.preventDefault();
    this.backFromNote(Number(back.dataset.note));
  };

  constructor(
    mount: HTMLElement,
    readonly document: LibraryDocument,
    private readonly callbacks: ReaderCallbacks,
    /// The highlights to show from the first render on.
    highlights: readonly Highlight[] = [],
  ) {
    const doc = buildDoc(document.blocks);
    this.positions = new PositionMap(doc, document.text);
    this.footnoteRefs = footnotesOf(document.blocks, document.text).refs;
    const plugins = [
      readOnlyPlugin(),
      highlightsPlugin(this.positions, document.text, highlights),
      footnotesPlugin(doc, document.blocks, this.positions, document.text),
      findPlugin(this.positions),
      caretPlugin(),
    ];
    // Page markers only where the source has pages (a PDF); none otherwise.
    if (document.pages.length > 0) plugins.push(pagesPlugin(doc, document.pages, this.positions, document.text));
    const state = EditorState.create({ doc, plugins });
    this.view = new EditorView(mount, {
      state,
      attributes: { class: 'reader-text', spellcheck: 'false', 'aria-label': `Text of ${document.meta.title}`, 'aria-readonly': 'true' },
      dispatchTransaction: (tr) => {
        const before = this.view.state.selection;
        this.view.updateState(this.view.state.apply(tr));
        if (!before.eq(this.view.state.selection)) this.reportSelection();
      },
      // Enter with the caret in a highlight shows its annotation, as a click
      // does: the keyboard's way from the text to the panel.
      handleKeyDown: (view, event) => {
        if (event.key !== 'Enter' || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey || !view.state.selection.empty) return false;
        const ids = highlightsAt(view.state, view.state.selection.from);
        if (ids.length === 0) return false;
        this.callbacks.onHighlightClick(ids);
        return true;
      },
      handleClick: (view, pos, event) => {
        if (!view.state.selection.empty) return false;
        // A footnote marker is a link to its note.
        const marker = (event.target as Element | null)?.closest?.('.fn-ref');
        if (marker instanceof HTMLElement) {
          this.toNote(Number(marker.dataset.at));
          return true;
        }
        const ids = highlightsAt(view.state, pos);
        if (ids.length > 0) this.callbacks.onHighlightClick(ids);
        return false;
      },
    });
    this.view.dom.addEventListener('click', this.onBackClick);
    // A press on the back link must not move the caret first.
    this.view.dom.addEventListener('mousedown', (event) => {
      if ((event.target as Element | null)?.closest?.('.fn-back')) event.preventDefault();
    });
  }

  /// Follows the footnote marker at canonical offset `at` to its note: the
  /// note scrolled into view and marked, the caret at its start.
  toNote(at: number): void {
    const ref = this.footnoteRefs.find((r) => r.start === at);
    if (!ref || ref.note === null) return;
    this.lastRef = ref;
    this.scrollTo(ref.note);
    const pos = this.positions.toPm(ref.note, 1);
    this.dispatch(this.view.state.tr.setSelection(TextSelection.create(this.view.state.doc, pos)).setMeta(footnotesKey, { target: pos }));
  }

  /// Returns from the note starting at canonical offset `note` to the marker
  /// followed there (or, if none was, the first marker of that note).
  backFromNote(note: number): void {
    const ref = this.lastRef?.note === note ? this.lastRef : this.footnoteRefs.find((r) => r.note === note);
    if (!ref) return;
    this.scrollTo(ref.start);
    const pos = this.positions.toPm(ref.end, -1);
    this.dispatch(this.view.state.tr.setSelection(TextSelection.create(this.view.state.doc, pos)).setMeta(footnotesKey, { target: null }));
    this.view.focus();
  }

  /// Dispatches to the view unless the reader is destroyed: a screen's
  /// effect may still hold a reader React has just unmounted (StrictMode's
  /// double mount, another version of the text), and acting on it must do
  /// nothing rather than throw.
  private dispatch(tr: Transaction): void {
    if (!this.view.isDestroyed) this.view.dispatch(tr);
  }

  /// Whether the reader was destroyed: its methods then do nothing.
  get destroyed(): boolean {
    return this.view.isDestroyed;
  }

  /// Shows the find bar's matches (null clears them).
  showFind(state: FindState | null): void {
    this.dispatch(this.view.state.tr.setMeta(findKey, state));
  }

  /// Scrolls a passage into the middle of the reader even where its section
  /// is hidden (the browser lays out only the sections near the screen, and
  /// scrolls to nothing inside the others): first to the section, then, once
  /// it is shown at its real height, to the passage itself.
  /// `within`, a selector of an element inside the passage (the current
  /// find match), is what ends in the middle when it is there: a long
  /// paragraph's start may be a screen away from its words.
  async reveal(start: number, within?: string): Promise<void> {
    this.scrollTo(start);
    const { node } = this.view.domAtPos(this.positions.toPm(start, 1));
    const element = node instanceof HTMLElement ? node : node.parentElement;
    const section = element?.closest('.section');
    if (!element || !section) return;
    for (let i = 0; i < 30 && !section.classList.contains('in-view') && !this.view.isDestroyed; i++) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    if (this.view.isDestroyed) return;
    const target = (within ? this.view.dom.querySelector(within) : null) ?? element;
    target.scrollIntoView({ block: 'center', behavior: 'auto' });
  }

  /// Applies a change to the highlights.
  highlight(action: HighlightAction): void {
    this.dispatch(this.view.state.tr.setMeta(highlightsKey, action));
  }

  /// The passage currently selected, as canonical offsets.
  selection(): ReaderSelection {
    if (this.view.isDestroyed) return { kind: 'none' };
    const { from, to, empty } = this.currentRange();
    if (empty) return { kind: 'none' };
    const start = this.positions.fromPm(from, 1);
    const end = this.positions.fromPm(to, -1);
    const range = trimmedRange(this.document.text.text, start, end);
    if (!range) return { kind: 'blank' };
    const head = this.view.coordsAtPos(to);
    const anchor = this.view.coordsAtPos(from);
    return {
      kind: 'passage',
      ...range,
      rect: { left: Math.min(anchor.left, head.left), top: Math.min(anchor.top, head.top), bottom: Math.max(anchor.bottom, head.bottom) },
    };
  }

  /// The selection's range, read from the DOM when the DOM selection lies in
  /// the reader: the browser reports selection changes asynchronously, and a
  /// key pressed right after Shift+arrow must act on what the reader sees.
  private currentRange(): { from: number; to: number; empty: boolean } {
    const dom = this.view.dom.ownerDocument.getSelection();
    if (dom && dom.rangeCount > 0 && dom.anchorNode && dom.focusNode && this.view.dom.contains(dom.anchorNode) && this.view.dom.contains(dom.focusNode)) {
      try {
        const anchor = this.view.posAtDOM(dom.anchorNode, dom.anchorOffset);
        const head = this.view.posAtDOM(dom.focusNode, dom.focusOffset);
        return { from: Math.min(anchor, head), to: Math.max(anchor, head), empty: anchor === head };
      } catch {
        // A DOM position ProseMirror cannot map: fall back to its own state.
      }
    }
    const { from, to, empty } = this.view.state.selection;
    return { from, to, empty };
  }

  /// Selects a passage given as canonical offsets.
  select(start: number, end: number): void {
    const { doc } = this.view.state;
    this.dispatch(this.view.state.tr.setSelection(TextSelection.create(doc, this.positions.toPm(start, 1), this.positions.toPm(end, -1))));
  }

  /// Drops the selection, leaving the caret where the selection ended.
  collapseSelection(): void {
    const { doc, selection } = this.view.state;
    this.dispatch(this.view.state.tr.setSelection(TextSelection.create(doc, selection.to)));
  }

  /// Scrolls a passage into the middle of the reader.
  scrollTo(start: number): void {
    if (this.view.isDestroyed) return;
    // Draw the passage's highlights before it comes on screen, so a flash
    // or a selection shows at once.
    const block = this.document.text.blockAt(start, 1);
    const shown = highlightWindow(this.view.state);
    if (shown && (block < shown.from || block >= shown.to)) {
      this.highlight({ type: 'window', window: windowAround(block, this.positions.blockCount) });
    }
    const pos = this.positions.toPm(start, 1);
    const { node } = this.view.domAtPos(pos);
    const element = node instanceof HTMLElement ? node : node.parentElement;
    element?.scrollIntoView({ block: 'center', behavior: 'auto' });
  }

  focus(): void {
    if (this.view.isDestroyed) return;
    this.view.focus();
  }

  destroy(): void {
    this.view.dom.removeEventListener('click', this.onBackClick);
    this.view.destroy();
  }

  private reportSelection(): void {
    this.callbacks.onSelection(this.selection());
  }
}
