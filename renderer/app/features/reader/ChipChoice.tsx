import type { CSSProperties } from 'react';

/// Something an annotation can carry: a tag type, a set.
export interface Chip {
  id: string;
  name: string;
  /// The colour its chip shows, if any.
  color?: string;
}

/// What an annotation carries (`held`), a chip each with × to take it off,
/// then a menu of the `others` to add one: the tags of an entry, its sets.
/// `noun` names them in the menu's first line ("+ tag") and its label.
export function ChipChoice({
  held,
  others,
  noun,
  chipClass,
  chipTestId,
  addLabel,
  addTestId,
  removeLabel,
  onRemove,
  onAdd,
}: {
  held: readonly Chip[];
  others: readonly Chip[];
  noun: string;
  chipClass: string;
  chipTestId: string;
  addLabel: string;
  addTestId: string;
  removeLabel: (chip: Chip) => string;
  onRemove: (chip: Chip) => void;
  onAdd: (id: string) => void;
}) {
  return (
    <>
      {held.map((chip) => (
        <span
          key={chip.id}
          className={chipClass}
          style={chip.color === undefined ? undefined : ({ '--tag': chip.color } as CSSProperties)}
          data-testid={chipTestId}
        >
          {chip.name}
          <button type="button" className="chip-remove" aria-label={removeLabel(chip)} onClick={() => onRemove(chip)}>
            ×
          </button>
        </span>
      ))}
      {others.length > 0 && (
        <select
          className="add-tag"
          aria-label={addLabel}
          data-testid={addTestId}
          value=""
          onChange={(event) => {
            if (event.target.value) onAdd(event.target.value);
          }}
        >
          <option value="">+ {noun}</option>
          {others.map((chip) => (
            <option key={chip.id} value={chip.id}>
              {chip.name}
            </option>
          ))}
        </select>
      )}
    </>
  );
}
