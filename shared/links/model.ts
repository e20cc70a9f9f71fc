import type { Author } from '../annotation/model';

/// Links between annotations: a claim in one source tied to the evidence for
/// or against it in another. A link reads from its source to its target:
/// "A supports B" is `{ from: A, to: B, relation: 'supports' }`.

/// A kind of relation between two passages. The list is the researcher's,
/// edited like tag types; these are only the defaults.
export interface RelationType {
  id: string;
  /// How the link reads from its source: "supports".
  name: string;
  /// How it reads from its target: "supported by". Equal to `name` for a
  /// symmetric relation ("contradicts", "same event").
  inverse: string;
  /// A CSS colour in `#rrggbb` form.
  color: string;
  order: number;
}

export interface Link {
  id: string;
  /// Annotation ids; either may be in any document, the same one included.
  from: string;
  to: string;
  /// A RelationType id.
  relation: string;
  note: string;
  /// ISO 8601 timestamps.
  created: string;
  modified: string;
  /// Who made it and who last changed it, as an annotation's.
  createdBy?: Author | null;
  modifiedBy?: Author | null;
}

export const defaultRelationTypes: readonly RelationType[] = [
  { id: 'supports', name: 'supports', inverse: 'supported by', color: '#2e9e5b', order: 0 },
  { id: 'contradicts', name: 'contradicts', inverse: 'contradicts', color: '#c0392b', order: 1 },
  { id: 'same-event', name: 'same event', inverse: 'same event', color: '#7d5ba6', order: 2 },
  { id: 'elaborates', name: 'elaborates', inverse: 'elaborated by', color: '#2a7ab0', order: 3 },
  { id: 'responds-to', name: 'responds to', inverse: 'answered by', color: '#b07d2a', order: 4 },
  { id: 'cites', name: 'cites', inverse: 'cited by', color: '#6b6b6b', order: 5 },
];
