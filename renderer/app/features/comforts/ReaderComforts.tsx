import { useCallback, useEffect, useState } from 'react';
import type { Annotation, TagType } from '../../../../shared/annotation/model';
import type { LibraryDocument } from '../../../../shared/corpus/document';
import { menuEvent } from '../../../../shared/ipc/contract';
import { PrintPreview } from './PrintPreview';
import { ReadingMenu } from './ReadingControls';
import './print.css';

/// The reader bar's comforts: text size, theme, and "Print…" (also Ctrl+P
/// and the desktop menu's Print), which opens the print preview of the
/// document with its highlights and numbered annotations.
export function ReaderComforts({
  document,
  annotations,
  tagTypes,
}: {
  document: LibraryDocument;
  annotations: readonly Annotation[];
  tagTypes: readonly TagType[];
}) {
  const [printing, setPrinting] = useState(false);

  useEffect(() => {
    const onMenu = (event: Event) => {
      if ((event as CustomEvent<string>).detail === 'print') setPrinting(true);
    };
    // The browser's own Ctrl+P would print the reader's screen: a window
    // of the text, without the annotations.
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'p') {
        event.preventDefault();
        setPrinting(true);
      }
    };
    window.addEventListener(menuEvent, onMenu);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener(menuEvent, onMenu);
      window.removeEventListener('keydown', onKey);
    };
  }, []);

  // One function for the preview's life: its effect, which focuses the
  // Print button, depends on it, and must not run again at every redraw.
  const closePrint = useCallback(() => setPrinting(false), []);

  return (
    <>
      <ReadingMenu />
      <button
        type="button"
        data-testid="print"
        title="Print this document with its highlights and a numbered list of its annotations, or save it as PDF (Ctrl+P)"
        onClick={() => setPrinting(true)}
      >
        Print…
      </button>
      {printing && <PrintPreview document={document} annotations={annotations} tagTypes={tagTypes} onClose={closePrint} />}
    </>
  );
}
