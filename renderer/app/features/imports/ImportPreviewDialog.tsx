import { useRef } from 'react';
import type { PendingImport } from './transfer-actions';
import { Dialog } from '../../ui/Dialog';
import { pathInWords } from '../../../../shared/format/json-path';

/// What an import will do, before anything is written: new, updated and
/// unchanged annotations, those the library keeps as it has them though the
/// file's differ, and those that cannot be placed, listed.
export function ImportPreviewDialog({ pending, onImport, onCancel }: { pending: PendingImport; onImport: () => void; onCancel: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const plan = pending;
  const project = pending.project;
  const writes =
    plan.add +
    plan.update +
    plan.addTagTypes.length +
    plan.kinds.reduce((sum, k) => sum + k.add + k.update, 0) +
    (project ? project.counts.documents + project.counts.links + project.counts.actors + project.counts.sets : 0);
  // A column for the items the library keeps as it has them, shown when
  // there are any.
  const keptKinds = plan.kinds.some((k) => k.kept > 0);
  return (
    <Dialog ref={dialog} title={<>Import {plan.fileName}</>} onCancel={onCancel} testId="import-preview">
      <p className="hint">
        {formatNames[plan.format]} · {plan.total.toLocaleString('en')} annotation{plan.total === 1 ? '' : 's'} · nothing is written until you import
      </p>
      <ul className="preview-counts" data-testid="import-counts">
        <li>
          <strong>{plan.add.toLocaleString('en')}</strong> new
        </li>
        <li>
          <strong>{plan.update.toLocaleString('en')}</strong> updated (newer in the file)
        </li>
        <li>
          <strong>{plan.unchanged.toLocaleString('en')}</strong> already here
        </li>
        {plan.kept > 0 && (
          <li data-testid="import-kept">
            <strong>{plan.kept.toLocaleString('en')}</strong> differing, the library’s copy kept
          </li>
        )}
        {plan.fuzzy > 0 && (
          <li>
            <strong>{plan.fuzzy}</strong> found in a changed text (placed approximately)
          </li>
        )}
        {plan.addTagTypes.length > 0 && (
          <li>
            <strong>{plan.addTagTypes.length}</strong> new tag type{plan.addTagTypes.length === 1 ? '' : 's'}: {plan.addTagTypes.map((t) => t.name).join(', ')}
          </li>
        )}
        {plan.zonelessTimes > 0 && (
          <li data-testid="import-zoneless">
            <strong>{plan.zonelessTimes.toLocaleString('en')}</strong> date{plan.zonelessTimes === 1 ? '' : 's'} without a time zone{' '}
            {plan.zonelessTimes === 1 ? 'was' : 'were'} read as UTC
          </li>
        )}
        {project &&
          (
            [
              ['documents', 'new document', 'new documents'],
              ['links', 'new link', 'new links'],
              ['actors', 'new actor', 'new actors'],
              ['sets', 'new set', 'new sets'],
            ] as const
          ).map(([key, one, many]) =>
            project.counts[key] > 0 ? (
              <li key={key}>
                <strong>{project.counts[key].toLocaleString('en')}</strong> {project.counts[key] === 1 ? one : many}
                {key === 'documents' ? `: ${project.newDocuments.join(', ')}` : ''}
              </li>
            ) : null,
          )}
        <li className={plan.unplacedCount ? 'warn' : ''}>
          <strong>{plan.unplacedCount}</strong> cannot be placed{plan.unplacedCount ? ' and will be left out:' : ''}
        </li>
      </ul>
      {plan.kinds.length > 0 && (
        <table className="preview-kinds" data-testid="import-kinds">
          <thead>
            <tr>
              <th scope="col">Also in the file</th>
              <th scope="col">new</th>
              <th scope="col">updated</th>
              <th scope="col">already here</th>
              {keptKinds && <th scope="col">differing, the library’s kept</th>}
            </tr>
          </thead>
          <tbody>
            {plan.kinds.map((k) => (
              <tr key={k.kind} data-kind={k.kind}>
                <th scope="row">{k.kind[0]!.toUpperCase() + k.kind.slice(1)}</th>
                <td>{k.add.toLocaleString('en')}</td>
                <td>{k.update.toLocaleString('en')}</td>
                <td>{k.unchanged.toLocaleString('en')}</td>
                {keptKinds && <td>{k.kept.toLocaleString('en')}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {plan.actorNotes.length > 0 && (
        <>
          <p className="hint">Actors:</p>
          <ul className="preview-actors" data-testid="import-actors">
            {plan.actorNotes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </>
      )}
      {plan.unplaced.length > 0 && (
        <ol className="unplaced" data-testid="import-unplaced">
          {plan.unplaced.map((u) => (
            <li key={`${u.path}-${u.id}`}>
              <q>{u.quote.length > 120 ? `${u.quote.slice(0, 119)}…` : u.quote}</q> — {u.reason} <span className="where">({pathInWords(u.path)})</span>
            </li>
          ))}
          {plan.unplacedCount > plan.unplaced.length && <li>… and {plan.unplacedCount - plan.unplaced.length} more.</li>}
        </ol>
      )}
      {project && project.skipped.length > 0 && (
        <>
          <p className="hint">Left out of the project, or renamed:</p>
          <ol className="unplaced" data-testid="import-skipped">
            {project.skipped.slice(0, 50).map((s) => (
              <li key={s.path}>
                {s.reason} <span className="where">({pathInWords(s.path, 'the project')})</span>
              </li>
            ))}
          </ol>
        </>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="primary" data-testid="import-confirm" disabled={writes === 0} onClick={onImport}>
          {writes === 0 ? 'Nothing to import' : 'Import'}
        </button>
      </div>
    </Dialog>
  );
}

const formatNames: Record<PendingImport['format'], string> = { native: 'Palimpsest annotation file', w3c: 'W3C Web Annotation file', qdpx: 'REFI-QDA project' };
