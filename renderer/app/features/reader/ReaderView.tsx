import { useEffect, useRef } from 'react';
import type { LibraryDocument } from '../../../../shared/corpus/document';
import type { Highlight } from '../../../editor/highlights';
import { Reader, type ReaderCallbacks } from '../../../editor/reader';

/// The thin React wrapper around the ProseMirror reader. It mounts the
/// reader once per document and passes highlight changes on as the
/// smallest set of actions; React never renders inside the text.
///
/// The mounted reader is handed out through `onReader`, each time one is
/// made: under React's StrictMode (the development server) the reader is
/// made, destroyed and made again, and a screen that scrolled or selected
/// in the first one must do it again in the second. Screens keep the
/// reader in state and name it in the dependencies of the effects that
/// act on it.
export function ReaderView({
  document,
  highlights,
  callbacks,
  onReader,
}: {
  document: LibraryDocument;
  highlights: readonly Highlight[];
  callbacks: ReaderCallbacks;
  /// Called with each reader mounted, for the screen's commands (scroll,
  /// select), and with null when it is destroyed.
  onReader: (reader: Reader | null) => void;
}) {
  const mount = useRef<HTMLDivElement>(null);
  const reader = useRef<Reader | null>(null);
  const shown = useRef<Map<string, Highlight>>(new Map());
  // The latest callbacks, read by the reader without remounting it.
  const latest = useRef(callbacks);
  latest.current = callbacks;
  const latestHighlights = useRef(highlights);
  latestHighlights.current = highlights;
  const latestOnReader = useRef(onReader);
  latestOnReader.current = onReader;

  useEffect(() => {
    const instance = new Reader(
      mount.current!,
      document,
      {
        onSelection: (selection) => latest.current.onSelection(selection),
        onHighlightClick: (ids) => latest.current.onHighlightClick(ids),
      },
      latestHighlights.current,
    );
    reader.current = instance;
    shown.current = new Map(latestHighlights.current.map((h) => [h.id, h]));
    latestOnReader.current(instance);
    return () => {
      instance.destroy();
      reader.current = null;
      latestOnReader.current(null);
    };
  }, [document]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: another document makes another reader, whose highlights are drawn afresh.
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
