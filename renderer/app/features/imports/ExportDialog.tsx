import { useEffect, useRef, useState } from 'react';
import type { NativeFile } from '../../../../shared/format/native';
import type { ExportFormat } from '../../../data/library';
import { exportFormats } from './transfer-actions';

/// Chooses the format of an export.
export function ExportDialog({
  scope,
  title,
  onExport,
  onClose,
}: {
  scope: NativeFile['scope'];
  title: string;
  onExport: (format: ExportFormat) => void;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [format, setFormat] = useState<ExportFormat>('native');
  useEffect(() => dialog.current?.showModal(), []);
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="export-title" onClose={onClose} data-testid="export-dialog">
      <h2 id="export-title">Export annotations</h2>
      <p className="hint">{scope.kind === 'all' ? 'All annotations in the library' : `Annotations of “${title}”`}</p>
      <fieldset className="formats">
        {(Object.keys(exportFormats) as ExportFormat[]).map((key) => (
          <label key={key}>
            <input type="radio" name="format" value={key} checked={format === key} onChange={() => setFormat(key)} />
            {exportFormats[key].label}
          </label>
        ))}
      </fieldset>
      {format === 'csv' && (
        <p className="hint" data-testid="csv-formula-hint">
          A note, quote or name beginning with =, +, - or @ is written with a ' before it, so that a spreadsheet shows it as text instead of running it as a
          formula. Palimpsest JSON keeps every field as written.
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={() => dialog.current?.close()}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          data-testid="export-confirm"
          onClick={() => {
            onExport(format);
            dialog.current?.close();
          }}
        >
          Export
        </button>
      </div>
    </dialog>
  );
}
