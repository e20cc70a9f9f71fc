import type { Actor } from '../actors/model';
import type { Annotation, Author, TagType } from '../annotation/model';
import type { Link, RelationType } from '../links/model';
import type { AnnotationSet } from '../sets/model';

export type { Author };

/// One line of an annotation's or link's history, oldest first.
export interface HistoryEntry {
  /// ISO 8601 timestamp of the writer's clock.
  at: string;
  by: Author;
  kind: 'create' | 'edit' | 'delete';
  /// The fields an edit changed (`tags`, `note`, …); empty otherwise.
  fields: string[];
}

/// What a shared item records of who made it and who last changed it.
export interface Authorship {
  createdBy: Author | null;
  modifiedBy: Author | null;
  /// Set when someone deleted the item while another, not yet seeing the
  /// deletion, edited it: the edit wins and the item is kept.
  keptAfterDelete: { by: Author; at: string } | null;
}

export type SharedAnnotation = Annotation & Authorship;
export type SharedLink = Link & Authorship;
/// A tag type as shared: names that lost a concurrent rename stay as aliases.
export type SharedTagType = TagType & { aliases: string[] };
export type SharedRelationType = RelationType & { aliases: string[] };

/// A document's text, travelling with the project: an opaque JSON value
/// (the store's own row), written once by whoever added it.
export interface SharedDocument {
  id: string;
  row: unknown;
}

/// Everything a shared project holds, as plain values, every list sorted
/// by id so that two replicas that converged compare equal.
export interface SharedLibrary {
  annotations: SharedAnnotation[];
  links: SharedLink[];
  actors: Actor[];
  sets: AnnotationSet[];
  tagTypes: SharedTagType[];
  relationTypes: SharedRelationType[];
  documents: SharedDocument[];
}

export const emptySharedLibrary = (): SharedLibrary => ({
  annotations: [],
  links: [],
  actors: [],
  sets: [],
  tagTypes: [],
  relationTypes: [],
  documents: [],
});
