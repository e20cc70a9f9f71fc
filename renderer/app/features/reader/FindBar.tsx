import { useEffect, useMemo, useRef, useState } from 'react';
import { findInText, foldForFind, maxFindMatches } from '../../../../shared/search/find';
import type { Reader } from '../../../editor/reader';

/// The reader's find bar (Ctrl+F): finds a word or phrase in the whole
/// canonical text, case and accents folded as Search does, draws every match
/// and counts them ("3 of 17"); Enter and Shift+Enter step to the next and
/// previous, scrolling the text there even into sections the browser has
/// not laid out; Escape closes it, leaving the current match selected.
export function FindBar({
  reader,
  text,
  request,
  initial,
  onClose,
}: {
  reader: Reader | null;
  /// The canonical text of the document shown.
  text: string;
  /// Changes each time the researcher asks for the bar again (Ctrl+F), so
  /// the field takes the focus, its text selected.
  request: number;
  /// The words selected in the text when it was asked for, to find at once.
  initial: string;
  /// Closes the bar; `match` is the current match, if any, to select.
  onClose: (match: { start: number; end: number } | null) => void;
}) {
  const [query, setQuery] = useState(initial);
  const [current, setCurrent] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  // Folded once per text: each keystroke then only scans it.
  const folded = useMemo(() => foldForFind(text), [text]);
  const matches = useMemo(() => findInText(text, folded, query), [text, folded, query]);
  const at = matches.length === 0 ? -1 : Math.min(current, matches.length - 1);

  useEffect(() => {
    if (request === 0) return;
    if (initial) setQuery(initial);
    input.current?.focus();
    input.current?.select();
  }, [request, initial]);

  // Draw the matches in the reader mounted now, and go to the current one.
  useEffect(() => {
    if (!reader) return;
    reader.showFind({ matches, current: at });
    if (at >= 0) void reader.reveal(matches[at]!.start, '.find-current');
  }, [reader, matches, at]);
  // Closing (or leaving the document) clears them.
  useEffect(() => () => reader?.showFind(null), [reader]);

  const step = (by: number) => {
    if (matches.length > 0) setCurrent((at + by + matches.length) % matches.length);
  };
  const close = () => onClose(at >= 0 ? matches[at]! : null);
  const count = !query.trim()
    ? ''
    : matches.length === 0
      ? 'No matches'
      : `${(at + 1).toLocaleString('en')} of ${matches.length.toLocaleString('en')}${matches.length >= maxFindMatches ? '+' : ''}`;

  return (
    <div className="find-bar" role="search" aria-label="Find in this document" data-testid="find-bar">
      <input
        ref={input}
        type="search"
        className="find-input"
        aria-label="Find in this document"
        placeholder="Find in this document"
        data-testid="find-input"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setCurrent(0);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            step(event.shiftKey ? -1 : 1);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            close();
          }
        }}
      />
      <span className="find-count" data-testid="find-count" aria-live="polite">
        {count}
      </span>
      <button
        type="button"
        aria-label="Previous match"
        title="Previous match (Shift+Enter)"
        data-testid="find-previous"
        disabled={matches.length === 0}
        onClick={() => step(-1)}
      >
        ↑
      </button>
      <button type="button" aria-label="Next match" title="Next match (Enter)" data-testid="find-next" disabled={matches.length === 0} onClick={() => step(1)}>
        ↓
      </button>
      <button type="button" aria-label="Close the find bar" title="Close (Escape)" data-testid="find-close" onClick={close}>
        ×
      </button>
    </div>
  );
}
