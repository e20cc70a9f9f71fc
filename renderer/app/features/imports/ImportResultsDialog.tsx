import { useRef, useState } from 'react';
import type { DocumentFileResult } from '../../../work/import-protocol';
import { describeImported } from './import-results';
import { Dialog } from '../../ui/Dialog';

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
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const stored = results.filter((result) => result.ok).length;
  return (
    <Dialog ref={dialog} title="Import documents" className="import-results" onClose={onClose} testId="import-results">
      <p className="hint" data-testid="import-results-summary">
        {stored} of {results.length} file{results.length === 1 ? '' : 's'} imported
        {stored < results.length ? '; a file that could not be imported left nothing behind.' : '.'}
      </p>
      <ul className="import-result-list">
        {results.map((result, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: two files picked may share a name; the list never reorders.
          <li key={`${index}-${result.fileName}`} className={result.ok ? 'import-ok' : 'import-failed'} data-testid="import-result" data-ok={result.ok}>
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
                  {result.code === 'encoding' && encodingsOf(index) && (
                    <EncodingRetry choices={encodingsOf(index)!} busy={retrying === index} onRetry={(encoding) => onRetry(index, encoding)} />
                  )}
                </>
              )}
            </div>
          </li>
        ))}
      </ul>
      <div className="dialog-actions">
        <button type="button" className="primary" data-testid="import-results-close" onClick={() => dialog.current?.close()}>
          Done
        </button>
      </div>
    </Dialog>
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
