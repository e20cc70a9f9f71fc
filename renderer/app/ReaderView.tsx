import { type RefObject, useEffect, useRef } from 'react';
import type { LibraryDocument } from '../../shared/corpus/document';
import type { Highlight } from '../editor/highlights';
import { Reader, type ReaderCallbacks } from '../editor/reader';

/// The thin React wrapper around the ProseMirror reader. It mounts the
/// reader once per document and passes highlight changes on as the
/// smallest set of actions; React never renders inside the text.
export function ReaderView({
  document,
  highlights,
  callbacks,
  readerRef,
}: {
  document: LibraryDocument;
  highlights: readonly Highlight[];
  callbacks: ReaderCallbacks;
  /// Set to the mounted reader, for the screen's commands (scroll, select).
  readerRef: RefObject<Reader | null>;
}) {
    const mount = useRef<HTMLDivElement>(null);
    const reader = useRef<Reader | null>(null);
    const shown = useRef<Map<string, Highlight>>(new Map());
    // The latest callbacks, read by the reader without remounting it.
    const latest = useRef(callbacks);
    latest.current = callbacks;
    const latestHighlights = useRef(highlights);
    latestHighlights.current = highlights;

    useEffect(() => {
      const instance = new Reader(mount.current!, document, {
        onSelection: (selection) => latest.current.onSelection(selection),
        onHighlightClick: (ids) => latest.current.onHighlightClick(ids),
      }, latestHighlights.current);
      reader.current = instance;
      readerRef.current = instance;
      shown.current = new Map(latestHighlights.current.map((h) => [h.id, h]));
      return () => {
        instance.destroy();
        reader.current = null;
        readerRef.current = null;
      };
    }, [document, readerRef]);

    useEffect(() => {
      const instance = reader.current;
      if (!instance) return;
      const next = new Map(highlights.map((h) => [h.id, h]));
      if (shown.current.size === 0) {
        if (highlights.length) instance.highlight({ type: 'reset', highlights });
      } else {
        const removed = [...shown.current.keys()].filter((id) => !next.has(id));
        const changed = highlights.filter((h) => !sameHighlight(shown.current.get(h.id), h));
        if (removed.length) instance.highlight({ type: 'remove', ids: removed });
        if (changed.length) instance.highlight({ type: 'upsert', highlights: changed });
      }
      shown.current = next;
    }, [highlights, document]);

    return <div ref={mount} className="reader-mount" data-testid="reader" />;
}

function sameHighlight(a: Highlight | undefined, b: Highlight): boolean {
  return !!a && a.start === b.start && a.end === b.end && a.colors.length === b.colors.length && a.colors.every((c, i) => c === b.colors[i]);
}
