import type { ReactNode } from 'react';

/// The form at the foot of the tag-type and relation-type dialogs: a
/// colour, a name, any further fields (`children`), and Add, which stays
/// disabled until a name is written.
export function AddTypeForm({
  color,
  onColor,
  colorLabel,
  name,
  onName,
  nameLabel,
  namePlaceholder,
  nameTestId,
  onAdd,
  children,
}: {
  color: string;
  onColor: (color: string) => void;
  colorLabel: string;
  name: string;
  onName: (name: string) => void;
  nameLabel: string;
  namePlaceholder: string;
  nameTestId: string;
  onAdd: () => void;
  children?: ReactNode;
}) {
  return (
    <form
      className="add-tag-type"
      onSubmit={(event) => {
        event.preventDefault();
        onAdd();
      }}
    >
      <input type="color" value={color} aria-label={colorLabel} onChange={(e) => onColor(e.target.value)} />
      <input value={name} placeholder={namePlaceholder} aria-label={nameLabel} data-testid={nameTestId} onChange={(e) => onName(e.target.value)} />
      {children}
      <button type="submit" disabled={!name.trim()}>
        Add
      </button>
    </form>
  );
}
