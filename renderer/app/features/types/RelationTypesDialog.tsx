import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import type { RelationType } from '../../../../shared/links/model';
import { useServices } from '../../context';
import { AddTypeForm } from '../../ui/AddTypeForm';
import { Dialog } from '../../ui/Dialog';
import { TypeList } from '../../ui/TypeList';
import { messageOf } from '../../../../shared/errors';

/// The relation types links are made with: add, rename (both ways a link
/// reads), recolour, reorder, and delete one no link uses.
export function RelationTypesDialog({ onClose }: { onClose: () => void }) {
  const services = useServices();
  const store = services.relationTypes;
  const types = useLiveQuery(() => store.list(), [store]) ?? [];
  const [name, setName] = useState('');
  const [inverse, setInverse] = useState('');
  const [color, setColor] = useState('#5b7d3a');
  const dialog = useRef<HTMLDialogElement>(null);
  const run = (action: Promise<unknown>) => action.catch((error: unknown) => services.notify({ kind: 'error', text: messageOf(error) }));

  return (
    <Dialog ref={dialog} title="Relation types" onClose={onClose} testId="relation-types-dialog">
      <p className="hint">
        How one passage bears on another. Each reads one way from the first passage (“supports”) and another from the second (“supported by”); leave the second
        empty for a relation that reads the same both ways.
      </p>
      <TypeList
        types={types}
        rowTestId="relation-type-row"
        fields={(type) => <PhraseFields type={type} onRename={(fields) => run(store.rename(type.id, fields))} />}
        onRecolor={(type, color) => void run(store.recolor(type.id, color))}
        onMove={(type, by) => void run(store.move(type.id, by))}
        onDelete={(type) =>
          void run(store.delete(type.id).then(() => services.notify({ kind: 'info', text: `Deleted the relation “${type.name}”. Ctrl+Z brings it back.` })))
        }
      />
      <AddTypeForm
        color={color}
        onColor={setColor}
        colorLabel="Colour of the new relation"
        name={name}
        onName={setName}
        nameLabel="How the new relation reads from the first passage"
        namePlaceholder="e.g. quotes"
        nameTestId="new-relation-name"
        onAdd={() =>
          void run(
            store.add({ name, inverse, color }).then(() => {
              setName('');
              setInverse('');
            }),
          )
        }
      >
        <input value={inverse} placeholder="e.g. quoted by" aria-label="How it reads from the second passage" onChange={(e) => setInverse(e.target.value)} />
      </AddTypeForm>
      <div className="dialog-actions">
        <button type="button" onClick={() => dialog.current?.close()}>
          Done
        </button>
      </div>
    </Dialog>
  );
}

function PhraseFields({ type, onRename }: { type: RelationType; onRename: (fields: { name: string; inverse: string }) => Promise<unknown> }) {
  const [name, setName] = useState(type.name);
  const [inverse, setInverse] = useState(type.inverse === type.name ? '' : type.inverse);
  useEffect(() => setName(type.name), [type.name]);
  useEffect(() => setInverse(type.inverse === type.name ? '' : type.inverse), [type.inverse, type.name]);
  const commit = () => {
    const same = name.trim() === type.name && (inverse.trim() || name.trim()) === type.inverse;
    if (name.trim() && !same) void onRename({ name, inverse });
  };
  const keys = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') e.currentTarget.blur();
  };
  return (
    <>
      <input className="tag-name" value={name} aria-label={`Name of ${type.name}`} onChange={(e) => setName(e.target.value)} onBlur={commit} onKeyDown={keys} />
      <input
        className="tag-name"
        value={inverse}
        placeholder="(same both ways)"
        aria-label={`How ${type.name} reads from the other end`}
        onChange={(e) => setInverse(e.target.value)}
        onBlur={commit}
        onKeyDown={keys}
      />
    </>
  );
}
