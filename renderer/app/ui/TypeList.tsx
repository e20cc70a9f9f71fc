import type { ReactNode } from 'react';

/// One tag type or relation type, as the list shows it.
export interface ListedType {
  id: string;
  name: string;
  color: string;
}

/// The list of the tag-type and relation-type dialogs: a row a type, in
/// order, each with its key (1–9) when `keys`, its colour, its own name
/// fields (`fields`), ↑ and ↓ to reorder, and Delete.
export function TypeList<T extends ListedType>({
  types,
  rowTestId,
  deleteTestId,
  keys = false,
  fields,
  onRecolor,
  onMove,
  onDelete,
}: {
  types: readonly T[];
  rowTestId: string;
  deleteTestId?: string;
  keys?: boolean;
  fields: (type: T) => ReactNode;
  onRecolor: (type: T, color: string) => void;
  onMove: (type: T, by: -1 | 1) => void;
  onDelete: (type: T) => void;
}) {
  return (
    <ol className="tag-type-list">
      {types.map((type, i) => (
        <li key={type.id} className="tag-type-row" data-testid={rowTestId}>
          {keys && <span className="key-hint">{i < 9 ? i + 1 : ''}</span>}
          <input type="color" value={type.color} aria-label={`Colour of ${type.name}`} onChange={(e) => onRecolor(type, e.target.value)} />
          {fields(type)}
          <button type="button" aria-label={`Move ${type.name} up`} disabled={i === 0} onClick={() => onMove(type, -1)}>
            ↑
          </button>
          <button type="button" aria-label={`Move ${type.name} down`} disabled={i === types.length - 1} onClick={() => onMove(type, 1)}>
            ↓
          </button>
          <button type="button" className="danger-link" data-testid={deleteTestId} onClick={() => onDelete(type)}>
            Delete
          </button>
        </li>
      ))}
    </ol>
  );
}
