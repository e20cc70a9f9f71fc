import { useEffect, useRef, useState } from 'react';
import type { BackupInfo } from '../../../../shared/ipc/contract';
import type { StoragePersistence } from '../../../host/host';
import type { RestoreChoice } from '../../../data/library';
import { useServices } from '../../context';
import { messageOf } from '../../../../shared/errors';
import { formatMoment } from '../../../../shared/corpus/times';
import { type Progress, byPercent, checking } from './progress';
import { otherChangesText } from './restore-words';
import { SaveCancelled, watchedPieces } from '../../ui/watched-pieces';

/// The library's backups, newest first, and restoring one after seeing what
/// it would change; whether the browser keeps them; a backup saved as a
/// file outside the app, and restoring from such a file.
export function BackupsDialog({ onClose }: { onClose: () => void }) {
  const services = useServices();
  const { host, library, backups: scheduler } = services;
  const dialog = useRef<HTMLDialogElement>(null);
  const [list, setList] = useState<BackupInfo[] | null>(null);
  const [preview, setPreview] = useState<RestoreChoice | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [persistence, setPersistence] = useState<StoragePersistence | null>(null);
  // A large backup takes a while to read and to write back: how far along.
  const [progress, setProgress] = useState<Progress | null>(null);
  // A backup file being saved, and how to stop it.
  const [saving, setSaving] = useState<{ abort: AbortController; cancelling: boolean } | null>(null);

  useEffect(() => {
    void host.backups.persistence?.().then(setPersistence);
  }, [host]);

  // A restore read but not confirmed is let go with the dialog: read in the
  // backup worker, it holds the whole backup there.
  const held = useRef<RestoreChoice | null>(null);
  held.current = preview;
  useEffect(() => () => void (held.current && library.cancelRestore(held.current)), [library]);

  useEffect(() => {
    dialog.current?.showModal();
    // Back up what is there now first, so it is in the list too.
    void scheduler
      .flush()
      .then(() => host.backups.list())
      .then(setList)
      .catch((error: unknown) => setProblem(messageOf(error)));
  }, [host, scheduler]);

  const choose = (backup: BackupInfo) => {
    setProblem(null);
    setPreview(null);
    // An increment is read with the full backup it builds on.
    const base = backup.base ? list?.find((b) => b.id === backup.base) : undefined;
    const report = byPercent('Reading the backup', backup.bytes + (base?.bytes ?? 0), setProgress, checking);
    report(0);
    return library
      .previewRestore(host.backups, backup, report)
      .then(setPreview)
      .catch((error: unknown) => setProblem(`That backup cannot be read, and nothing was changed: ${messageOf(error)}`))
      .finally(() => setProgress(null));
  };

  const saveFile = async () => {
    setProblem(null);
    const abort = new AbortController();
    const now = new Date();
    const name = library.backupFileName(now);
    try {
      let count = 0;
      // Streamed to the file as it is read from the library, as an export
      // is, with how far it has gone and a Cancel once the place is chosen.
      const saved = await host.saveStream('Save a backup of the library', name, [{ name: 'Palimpsest backup', extensions: ['json'] }], async () => {
        const file = await library.backupFile(now);
        count = file.count;
        setSaving({ abort, cancelling: false });
        const report = byPercent('Saving the backup file', count, setProgress, 'Saving the library’s documents and lists');
        report(0);
        return watchedPieces(file, abort.signal, report);
      });
      if (saved) {
        services.notify({ kind: 'info', text: `Saved a backup of the whole library (${annotations(count)}) as ${name}.` });
      }
    } catch (error) {
      if (error instanceof SaveCancelled) services.notify({ kind: 'info', text: `Backup file cancelled: ${name} was not written.` });
      else setProblem(`No backup file was saved: ${messageOf(error)}`);
    } finally {
      setSaving(null);
      setProgress(null);
    }
  };

  const chooseFile = async () => {
    setProblem(null);
    setPreview(null);
    try {
      // Read in chunks, as a kept backup is: a backup file of a large
      // library is larger than any string.
      const file = await host.openFileChunks('Restore from a backup file', [{ name: 'Palimpsest backup', extensions: ['json'] }]);
      if (!file) return;
      const report = byPercent('Reading the backup', file.bytes, setProgress, checking);
      report(0);
      setPreview(await library.previewRestoreFile(file, report));
    } catch (error) {
      setProblem(`That file cannot be restored, and nothing was changed: ${messageOf(error)}`);
    } finally {
      setProgress(null);
    }
  };

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="backups-title" onClose={onClose} data-testid="backups-dialog">
      <h2 id="backups-title">Backups</h2>
      <p className="hint">
        The whole library is backed up a few seconds after each change and when the app closes; the last 10 backups are kept, in {host.backups.where}.
      </p>
      {persistence && (
        <p className={`storage-${persistence}`} data-testid="storage-persistence">
          {persistence === 'persistent'
            ? 'This browser keeps the library and its backups: it will not clear them to free space.'
            : persistence === 'evictable'
              ? 'This browser may clear the library to free space, and these backups with it. Save a backup file now and then, to keep a copy outside the browser.'
              : 'This browser does not say whether it keeps the library; save a backup file now and then, to keep a copy outside the browser.'}
        </p>
      )}
      <div className="backup-files">
        <button type="button" data-testid="backup-save-file" onClick={() => void saveFile()}>
          Save a backup file…
        </button>
        <button type="button" data-testid="backup-restore-file" onClick={() => void chooseFile()}>
          Restore from a file…
        </button>
      </div>
      {problem && (
        <p role="alert" className="confirm">
          {problem}
        </p>
      )}
      {progress && (
        <p className="hint" data-testid="restore-progress">
          <label>
            {progress.percent === null ? `${progress.what}… ` : `${progress.what}: ${progress.percent}% `}
            {/* Without a value, a bar that cannot tell its end. */}
            <progress max={100} value={progress.percent ?? undefined}>
              {progress.percent === null ? '' : `${progress.percent}%`}
            </progress>
          </label>
          {saving && (
            <button
              type="button"
              data-testid="backup-save-cancel"
              disabled={saving.cancelling}
              onClick={() => {
                saving.abort.abort();
                setSaving({ ...saving, cancelling: true });
              }}
            >
              {saving.cancelling ? 'Cancelling…' : 'Cancel'}
            </button>
          )}
        </p>
      )}
      {list && list.length === 0 && <p>No backup yet.</p>}
      {list && list.length > 0 && (
        <ol className="backup-list">
          {list.map((backup) => (
            <li key={backup.id}>
              <button type="button" className={preview?.backup.id === backup.id ? 'chosen' : ''} data-testid="backup-entry" onClick={() => void choose(backup)}>
                {when(backup.created)}
              </button>
              <span className="hint">
                {backup.annotations} annotation{backup.annotations === 1 ? '' : 's'} · {(backup.bytes / 1024).toFixed(1)} KB
              </span>
            </li>
          ))}
        </ol>
      )}
      {/* Nothing to restore: said so, with no Restore to press for nothing. */}
      {preview?.unchanged && (
        <div data-testid="restore-preview">
          <p data-testid="restore-nothing">
            This backup holds nothing that differs from your library: its {annotations(preview.count)}, tag types, links, actors, sets and documents are all
            here as they are.
          </p>
          <button
            type="button"
            onClick={() => {
              library.cancelRestore(preview);
              setPreview(null);
            }}
          >
            OK
          </button>
        </div>
      )}
      {preview && !preview.unchanged && (
        <div className="confirm" data-testid="restore-preview">
          <p>
            {preview.fileName ? (
              <>
                Restoring {preview.fileName}, a backup of {when(preview.backup.created)}, gives
              </>
            ) : (
              'Restoring this backup gives'
            )}{' '}
            the library its {annotations(preview.count)}: {changes(preview.diff)}.{' '}
            {otherChangesText(preview.others) && <span data-testid="restore-others">{otherChangesText(preview.others)} </span>}
            The library as it is now is backed up first.
          </p>
          <button
            type="button"
            className="danger"
            data-testid="restore-confirm"
            onClick={() => {
              const chosen = preview;
              setPreview(null);
              library
                .restore(scheduler, chosen, (done, total) => byPercent('Restoring the annotations', total, setProgress)(done))
                .then(() => {
                  services.annotations.history.clear();
                  services.notify({
                    kind: 'info',
                    text: `Restored ${chosen.fileName ? `${chosen.fileName}, ` : ''}the backup of ${when(chosen.backup.created)}: ${annotations(chosen.count)}.`,
                  });
                  dialog.current?.close();
                })
                .catch((error: unknown) => setProblem(`Nothing was restored: ${messageOf(error)}`))
                .finally(() => setProgress(null));
            }}
          >
            Restore
          </button>
          <button
            type="button"
            onClick={() => {
              library.cancelRestore(preview);
              setPreview(null);
            }}
          >
            Cancel
          </button>
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}

// A count as the library's list writes it (60,000).
const n = (count: number) => count.toLocaleString('en');
const annotations = (count: number) => `${n(count)} annotation${count === 1 ? '' : 's'}`;

// A backup's time as the list shows it, the month in words ("12/4/2026"
// reads as 12 April to half the researchers who would see it), with the
// seconds: two backups may be made within a minute.
const when = (iso: string) => formatMoment(iso, { seconds: true });

// What a restore does to the annotations, each count with its verb.
function changes(diff: { restored: number; reverted: number; removed: number; same: number }): string {
  const one = (count: number, singular: string, plural: string) => `${n(count)} ${count === 1 ? singular : plural}`;
  return [
    one(diff.restored, 'comes back', 'come back'),
    one(diff.reverted, 'goes back to an earlier version', 'go back to an earlier version'),
    one(diff.removed, 'made since is removed', 'made since are removed'),
    one(diff.same, 'stays as it is', 'stay as they are'),
  ].join(', ');
}
