import type { TextPositionSelector, TextQuoteSelector } from '../anchoring/selectors';

/// A kind of tag a researcher puts on passages (Actor, Claim, …). The list
/// is theirs: these are only the defaults a new library starts with.
export interface TagType {
  id: string;
  name: string;
  /// A CSS colour in `#rrggbb` form; highlights draw it translucent.
  color: string;
  /// Position in the toolbar and in lists; keys 1–9 follow it.
  order: number;
  /// Whether tagging a passage with this type names an actor.
  namesActor: boolean;
}

/// Who made or changed something in a shared project: a stable per-machine
/// id and the display name the researcher set on that machine.
export interface Author {
  id: string;
  name: string;
}

/// One highlighted passage of one document, with what the researcher said
/// of it.
export interface Annotation {
  id: string;
  documentId: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  /// Ids of tag types, in the order the researcher added them.
  tags: string[];
  /// The actor named, when a tag type that names actors is among the tags.
  actor: string | null;
  note: string;
  /// ISO 8601 timestamps.
  created: string;
  modified: string;
  /// Who made it and who last changed it: set once it is in a shared
  /// project, absent in a library never shared.
  createdBy?: Author | null;
  modifiedBy?: Author | null;
}

export const defaultTagTypes: readonly TagType[] = [
  { id: 'actor', name: 'Actor', color: '#3b7dd8', order: 0, namesActor: true },
  { id: 'claim', name: 'Claim', color: '#e07b24', order: 1, namesActor: false },
  { id: 'economic-measure', name: 'Economic measure', color: '#2e9e5b', order: 2, namesActor: false },
];

/// Annotations sorted as they occur in the text: by start, then longest
/// first, so an enclosing passage comes before what it encloses.
export function inTextOrder<T extends Pick<Annotation, 'position' | 'id'>>(annotations: readonly T[]): T[] {
  return [...annotations].sort((a, b) => a.position.start - b.position.start || b.position.end - a.position.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
