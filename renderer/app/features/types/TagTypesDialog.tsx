import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import type { TagType } from '../../../../shared/annotation/model';
import { useServices } from '../../context';
import { AddTypeForm } from '../../ui/AddTypeForm';
import { Dialog } from '../../ui/Dialog';
import { TypeList } from '../../ui/TypeList';
import { messageOf } from '../../../../shared/errors';

const palette = ['#8e44ad', '#c0392b', '#16a085', '#d4a017', '#2c6e91', '#7f8c8d'];

/// The researcher's tag types: add, rename, recolour, reorder and delete.
export function TagTypesDialog({ onClose }: { onClose: () => void }) {
  const services = useServices();
  const store = services.tagTypes;
  const tagTypes = useLiveQuery(() => store.list(), [store]) ?? [];
  const [newName, setNewName] = useState('');
  const [newColor, setNewColor] = useState(palette[0]!);
  const [confirm, setConfirm] = useState<{ tagType: TagType; usage: number } | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  const run = (action: Promise<unknown>) => action.catch((error: unknown) => services.notify({ kind: 'error', text: messageOf(error) }));

  return (
    <Dialog ref={dialog} title="Tag types" onClose={onClose} testId="tag-types-dialog">
      <p className="hint">Keys 1–9 in the reader apply these in this order.</p>
      <TypeList
        types={tagTypes}
        keys
        rowTestId="tag-type-row"
        deleteTestId="tag-type-delete"
        fields={(tagType) => (
          <>
            <NameField tagType={tagType} onRename={(name) => run(store.rename(tagType.id, name))} />
            {tagType.namesActor && <span className="badge">names an actor</span>}
          </>
        )}
        onRecolor={(tagType, color) => void run(store.recolor(tagType.id, color))}
        onMove={(tagType, by) => void run(store.move(tagType.id, by))}
        onDelete={(tagType) => void store.usage(tagType.id).then((usage) => setConfirm({ tagType, usage }))}
      />
      {confirm && (
        <div className="confirm" role="alertdialog" aria-label="Confirm deletion" data-testid="confirm-delete">
          <p>
            Delete the tag type “{confirm.tagType.name}”?{' '}
            {confirm.usage > 0
              ? `${confirm.usage} annotation${confirm.usage === 1 ? ' carries' : 's carry'} it; the tag will be taken off ${confirm.usage === 1 ? 'it' : 'them'}, and the annotation${confirm.usage === 1 ? '' : 's'} kept.`
              : 'No annotation carries it.'}
          </p>
          <button
            type="button"
            className="danger"
            data-testid="confirm-delete-yes"
            onClick={() => {
              const { tagType } = confirm;
              setConfirm(null);
              void run(
                store.delete(tagType.id).then((n) =>
                  services.notify({
                    kind: 'info',
                    text: `Deleted “${tagType.name}”; ${n.toLocaleString('en')} annotation${n === 1 ? '' : 's'} changed. Ctrl+Z brings it back.`,
                  }),
                ),
              );
            }}
          >
            Delete
          </button>
          <button type="button" onClick={() => setConfirm(null)}>
            Cancel
          </button>
        </div>
      )}
      <AddTypeForm
        color={newColor}
        onColor={setNewColor}
        colorLabel="Colour of the new tag type"
        name={newName}
        onName={setNewName}
        nameLabel="Name of the new tag type"
        namePlaceholder="New tag type, e.g. Source criticism"
        nameTestId="new-tag-name"
        onAdd={() =>
          void run(
            store.add(newName, newColor).then(() => {
              setNewName('');
              setNewColor(palette[(tagTypes.length + 1) % palette.length]!);
            }),
          )
        }
      />
      <div className="dialog-actions">
        <button type="button" onClick={() => dialog.current?.close()}>
          Done
        </button>
      </div>
    </Dialog>
  );
}

function NameField({ tagType, onRename }: { tagType: TagType; onRename: (name: string) => Promise<unknown> }) {
  const [name, setName] = useState(tagType.name);
  useEffect(() => setName(tagType.name), [tagType.name]);
  const commit = () => {
    if (name.trim() && name.trim() !== tagType.name) void onRename(name);
    else setName(tagType.name);
  };
  return (
    <input
      className="tag-name"
      value={name}
      aria-label={`Name of ${tagType.name}`}
      data-testid="tag-type-name"
      onChange={(e) => setName(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur();
      }}
    />
  );
}
