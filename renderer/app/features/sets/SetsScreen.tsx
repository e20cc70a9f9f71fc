import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState } from 'react';
import { fileNameOf } from '../../../../shared/file-name';
import type { AnnotationSet } from '../../../../shared/sets/model';
import { formatDateSpan } from '../../../../shared/corpus/dates';
import type { SetImportPreview } from '../../../store/sets';
import { useDocuments } from '../../../data/hooks';
import { useServices } from '../../context';
import { excerpt } from '../../ui/excerpt';
import { messageOf } from '../../../../shared/errors';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { Dialog } from '../../ui/Dialog';
import { importSetAs } from './set-import';

/// Annotation sets: make one, read what it holds, take passages out, export
/// it as a file a colleague imports whole, or import one.
export function SetsScreen({ onBack }: { onBack: () => void }) {
  const services = useServices();
  const sets = useLiveQuery(() => services.sets.list(), [services]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [preview, setPreview] = useState<SetImportPreview | null>(null);
  const open = sets?.find((s) => s.id === openId) ?? sets?.[0] ?? null;

  const fail = (what: string) => (error: unknown) => services.notify({ kind: 'error', text: `${what}: ${messageOf(error)}` });

  const exportSet = async (set: AnnotationSet) => {
    const { json, missing, file } = await services.sets.export(set.id, await services.documents.source().infos());
    const saved = await services.host.saveFile(
      'Export a set',
      fileNameOf(set.name, '.palimpsest-set.json', 'set'),
      [{ name: 'Palimpsest set', extensions: ['json'] }],
      json,
    );
    if (saved) {
      services.notify({
        kind: 'info',
        text: `Exported “${set.name}”: ${file.annotations.length} passages, ${file.links.length} links, ${file.actors.length} actors.${missing ? ` ${missing} deleted passage${missing === 1 ? ' was' : 's were'} left out.` : ''}`,
      });
    }
  };

  const importSet = async () => {
    const chosen = await services.host.openTextFile('Import a set', [{ name: 'Palimpsest set', extensions: ['json'] }]);
    if (!chosen) return;
    setPreview(await services.sets.previewImport(chosen.text, services.documents.source()));
  };

  return (
    <main className="screen sets-screen" data-testid="sets">
      <ScreenHeader
        back={{ to: 'Library', onClick: onBack }}
        titleStyle="page"
        title="Annotation sets"
        sub="Passages gathered for one argument or chapter, from any documents"
        actions={
          <button type="button" data-testid="set-import" onClick={() => void importSet().catch(fail('The set was not imported'))}>
            Import a set…
          </button>
        }
      />
      <div className="sets-body">
        <aside className="sets-list">
          <form
            className="set-new"
            onSubmit={(e) => {
              e.preventDefault();
              services.sets
                .create(name, description)
                .then((set) => {
                  setName('');
                  setDescription('');
                  setOpenId(set.id);
                })
                .catch(fail('The set was not made'));
            }}
          >
            <input value={name} placeholder="New set’s name" aria-label="New set’s name" data-testid="set-new-name" onChange={(e) => setName(e.target.value)} />
            <input
              value={description}
              placeholder="What it is for (optional)"
              aria-label="New set’s description"
              data-testid="set-new-description"
              onChange={(e) => setDescription(e.target.value)}
            />
            <button type="submit" disabled={!name.trim()} data-testid="set-create">
              Make the set
            </button>
          </form>
          <ul>
            {sets?.map((set) => (
              <li key={set.id}>
                <button
                  type="button"
                  className={`set-item${set.id === open?.id ? ' set-item-open' : ''}`}
                  data-testid="set-item"
                  onClick={() => setOpenId(set.id)}
                >
                  <span className="set-item-name">{set.name}</span>
                  <span className="count">{set.annotationIds.length}</span>
                </button>
              </li>
            ))}
          </ul>
          {sets?.length === 0 && (
            <p className="hint">
              No sets yet. Make one here, then add passages to it from the annotation panel (“+ set”) or from the table of all annotations.
            </p>
          )}
        </aside>
        {open && <SetView key={open.id} set={open} onExport={() => void exportSet(open).catch(fail('The set was not exported'))} />}
      </div>
      {preview && (
        <SetImportDialog
          preview={preview}
          onCancel={() => setPreview(null)}
          onImport={() => {
            const chosen = preview;
            setPreview(null);
            importSetAs(services, chosen)
              .then(() => setOpenId(chosen.file.set.id))
              .catch(fail('The set was not imported'));
          }}
        />
      )}
    </main>
  );
}

/// One set: its description and passages, in the order they were added.
function SetView({ set, onExport }: { set: AnnotationSet; onExport: () => void }) {
  const services = useServices();
  const documents = useDocuments();
  const found = useLiveQuery(() => services.annotations.findByIds(set.annotationIds), [services, set.annotationIds]);
  return (
    <section className="set-view" data-testid="set-view">
      <header className="set-view-head">
        <h2>{set.name}</h2>
        <span className="spacer" />
        <button type="button" data-testid="set-export" onClick={onExport}>
          Export…
        </button>
        <button
          type="button"
          className="danger-link"
          onClick={() => {
            if (window.confirm(`Delete the set “${set.name}”? Its ${set.annotationIds.length} passages stay in the library.`))
              void services.sets.delete(set.id);
          }}
        >
          Delete set
        </button>
      </header>
      {set.description && <p className="set-description">{set.description}</p>}
      <ol className="set-passages">
        {set.annotationIds.map((id) => {
          const annotation = found?.get(id);
          if (!annotation)
            return found ? (
              <li key={id} className="hint">
                A passage deleted since it was added.
              </li>
            ) : null;
          const document = documents.get(annotation.documentId);
          return (
            <li key={id} className="set-passage" data-testid="set-passage">
              <button
                type="button"
                className="text-button set-passage-quote"
                onClick={() => services.go({ kind: 'reader', documentId: annotation.documentId, annotationId: id })}
              >
                “{excerpt(annotation.quote.exact, 240)}”
              </button>
              <div className="set-passage-source">
                {document?.meta.title ?? annotation.documentId}
                {document?.meta.date ? ` · ${formatDateSpan(document.meta.date)}` : ''}
                <button
                  type="button"
                  className="danger-link"
                  aria-label="Take this passage out of the set"
                  onClick={() => void services.sets.remove(set.id, [id])}
                >
                  Take out
                </button>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/// What importing a set file will add, before anything is written.
function SetImportDialog({ preview, onImport, onCancel }: { preview: SetImportPreview; onImport: () => void; onCancel: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const { plan, file } = preview;
  const line = (label: string, items: { add: unknown[]; present: unknown[]; conflicts: unknown[] }) => (
    <li>
      <strong>{items.add.length}</strong> {label} to add
      {items.present.length > 0 && <>, {items.present.length} already here</>}
      {items.conflicts.length > 0 && <span className="warn">, {items.conflicts.length} kept as the library has them</span>}
    </li>
  );
  return (
    <Dialog ref={dialog} title={<>Import the set “{file.set.name}”</>} onCancel={onCancel} testId="set-import-preview">
      {file.set.description && <p className="hint">{file.set.description}</p>}
      <ul className="preview-counts">
        {line('passages', plan.annotations)}
        {line('links', plan.links)}
        {line('actors', plan.actors)}
        {line('tag types', plan.tagTypes)}
        {line('relation types', plan.relationTypes)}
      </ul>
      {plan.set.conflicts.length > 0 && <p className="warn">The library already has this set, changed since; it is kept as it is here.</p>}
      {plan.documents.changed.length > 0 && (
        <p className="hint">{plan.documents.changed.length} document(s) have another text here; their passages were found again in it.</p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="primary" data-testid="set-import-confirm" onClick={onImport}>
          Import
        </button>
      </div>
    </Dialog>
  );
}
