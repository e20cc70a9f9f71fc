import { useState } from 'react';
import { isBoolean, readPreference, writePreference } from './preferences';

/// What a new library says to do first: open a document, tag a passage,
/// import your own files. Shown until the researcher has annotated
/// something and imported a file (each step done is ticked), or puts it
/// away (remembered).
export function FirstLook({ annotated, imported, onImport }: { annotated: boolean; imported: boolean; onImport: () => void }) {
  const [dismissed, setDismissed] = useState(() => readPreference('first-look-dismissed', isBoolean, false));
  if (dismissed || (annotated && imported)) return null;
  return (
    <section className="first-look" data-testid="first-look" aria-labelledby="first-look-title">
      <h2 id="first-look-title">Start here</h2>
      <ol>
        <li className={annotated ? 'first-look-done' : undefined}>
          <strong>Open a document.</strong> Click any row below: five sources on the Sino-Soviet split and Albania came with Palimpsest.
        </li>
        <li className={annotated ? 'first-look-done' : undefined}>
          <strong>Tag a passage.</strong> Select words with the mouse or Shift+arrows, then choose a tag on the toolbar or press <kbd>1</kbd> Actor,{' '}
          <kbd>2</kbd> Claim, <kbd>3</kbd> Economic measure. Your annotations are listed beside the text.
        </li>
        <li className={imported ? 'first-look-done' : undefined}>
          <strong>Import your own.</strong>{' '}
          <button type="button" className="link-button" data-testid="first-look-import" onClick={onImport}>
            Import documents…
          </button>{' '}
          (.txt, .md, .html, .docx, .pdf) or drop files anywhere on the library. Everything stays on this computer.
        </li>
      </ol>
      <button
        type="button"
        className="first-look-close"
        data-testid="first-look-close"
        onClick={() => {
          writePreference('first-look-dismissed', true);
          setDismissed(true);
        }}
      >
        Got it
      </button>
    </section>
  );
}
