import { type Virtualizer, useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import type { DocumentFileResult } from '../../../work/import-protocol';
import { describeImported, resultsShown } from './import-results';
import { Dialog } from '../../ui/Dialog';

// A result of one line of title and one of meta, with its padding; the
// list measures each drawn row, so this only places the rows not yet drawn.
const estimatedRowHeight = 92;

// A drawn row's height as the virtualizer's ResizeObserver reports it,
// after the browser's own layout; until it has, the height last reported
// or the estimate. The virtualizer's default reads each row's height as
// the row mounts, and the first read forces a layout of the page beneath
// the dialog in the commit that draws it (a folder of 1,000 PDFs: the
// longest task of the import, docs/performance.md).
function observedHeight(element: Element, entry: ResizeObserverEntry | undefined, list: Virtualizer<HTMLDivElement, Element>): number {
  const box = entry?.borderBoxSize[0];
  if (box) return Math.round(box.blockSize);
  const index = list.indexFromElement(element);
  return list.itemSizeCache.get(list.options.getItemKey(index)) ?? list.options.estimateSize(index);
}

/// What became of each file of a document import: ✓ with what it was read
/// as, or ✗ with why not. A text whose encoding could not be told offers
/// the encodings to choose from, and is read again in the one chosen.
export function ImportResultsDialog({
  results,
  encodingsOf,
  retrying,
  onRetry,
  onDetails,
  onOpen,
  onClose,
  folder,
}: {
  results: readonly DocumentFileResult[];
  /// The encodings to offer for result `index`, likeliest first; `null`
  /// where the file cannot be tried again.
  encodingsOf: (index: number) => string[] | null;
  /// The result being read again, if any.
  retrying: number | null;
  onRetry: (index: number, encoding: string) => void;
  onDetails: (documentId: string) => void;
  onOpen: (documentId: string) => void;
  onClose: () => void;
  /// The folder the files came from, when a folder was imported.
  folder?: string | null;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const stored = results.filter((result) => result.ok).length;
  const failed = results.length - stored;
  const [onlyFailed, setOnlyFailed] = useState(false);
  // Indexes into `results`: retries and encodings are asked by a file's
  // place in the import, whatever is shown.
  const shown = useMemo(() => resultsShown(results, onlyFailed && failed > 0), [results, onlyFailed, failed]);
  // A drop of a thousand files gives a thousand results: only those in
  // view are drawn, each measured as it is, since warnings and retries
  // make rows of different heights.
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => list.current,
    estimateSize: () => estimatedRowHeight,
    measureElement: observedHeight,
    overscan: 6,
  });
  return (
    <Dialog ref={dialog} title={folder ? `Import folder “${folder}”` : 'Import documents'} className="import-results" onClose={onClose} testId="import-results">
      <p className="hint" data-testid="import-results-summary">
        {stored.toLocaleString('en')} of {results.length.toLocaleString('en')} file{results.length === 1 ? '' : 's'} imported
        {stored < results.length ? '; a file that could not be imported left nothing behind.' : '.'}
      </p>
      {failed > 0 && stored > 0 && (
        <label className="import-results-filter">
          <input type="checkbox" checked={onlyFailed} data-testid="import-results-only-failed" onChange={(event) => setOnlyFailed(event.target.checked)} /> Show
          only the {failed.toLocaleString('en')} file{failed === 1 ? '' : 's'} not imported
        </label>
      )}
      <div className="import-result-list" ref={list}>
        <ul style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const index = shown[item.index]!;
            const result = results[index]!;
            return (
              <li
                key={index}
                ref={virtualizer.measureElement}
                data-index={item.index}
                style={{ transform: `translateY(${item.start}px)` }}
                aria-setsize={shown.length}
                aria-posinset={item.index + 1}
                className={result.ok ? 'import-ok' : 'import-failed'}
                data-testid="import-result"
                data-ok={result.ok}
              >
                <ResultRow
                  result={result}
                  encodings={encodingsOf(index)}
                  busy={retrying === index}
                  onRetry={(encoding) => onRetry(index, encoding)}
                  onDetails={onDetails}
                  onOpen={onOpen}
                />
              </li>
            );
          })}
        </ul>
      </div>
      <div className="dialog-actions">
        <button type="button" className="primary" data-testid="import-results-close" onClick={() => dialog.current?.close()}>
          Done
        </button>
      </div>
    </Dialog>
  );
}

/// One file's result: its title and what it was read as, with its
/// warnings and actions; or its name and why it was not imported.
function ResultRow({
  result,
  encodings,
  busy,
  onRetry,
  onDetails,
  onOpen,
}: {
  result: DocumentFileResult;
  encodings: string[] | null;
  busy: boolean;
  onRetry: (encoding: string) => void;
  onDetails: (documentId: string) => void;
  onOpen: (documentId: string) => void;
}) {
  return (
    <>
      <span className="import-mark" role="img" aria-label={result.ok ? 'Imported' : 'Not imported'}>
        {result.ok ? '✓' : '✗'}
      </span>
      <div className="import-result-body">
        {result.ok ? (
          <>
            <div className="import-result-title">{result.title}</div>
            <div className="import-result-meta">
              {result.fileName} · {describeImported(result)}
            </div>
            {result.warnings.length > 0 && (
              <ul className="import-warnings" data-testid="import-warnings">
                {result.warnings.map((warning) => (
                  <li key={warning}>{warning}</li>
                ))}
              </ul>
            )}
            <div className="import-result-actions">
              <button type="button" data-testid="import-result-details" onClick={() => onDetails(result.documentId)}>
                Edit details…
              </button>
              <button type="button" onClick={() => onOpen(result.documentId)}>
                Open
              </button>
            </div>
          </>
        ) : (
          <>
            <div className="import-result-title">{result.fileName}</div>
            <div className="import-result-message" data-testid="import-result-message">
              {result.message}
            </div>
            {result.code === 'encoding' && encodings && <EncodingRetry choices={encodings} busy={busy} onRetry={onRetry} />}
          </>
        )}
      </div>
    </>
  );
}

function EncodingRetry({ choices, busy, onRetry }: { choices: string[]; busy: boolean; onRetry: (encoding: string) => void }) {
  const [encoding, setEncoding] = useState(choices[0]!);
  return (
    <div className="import-retry">
      <label>
        Encoding{' '}
        <select value={encoding} data-testid="import-encoding" onChange={(event) => setEncoding(event.target.value)}>
          {choices.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" data-testid="import-retry" disabled={busy} onClick={() => onRetry(encoding)}>
        {busy ? 'Reading…' : 'Try again'}
      </button>
    </div>
  );
}
