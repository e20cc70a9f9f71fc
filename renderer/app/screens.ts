/// Where the researcher is in the app. Every screen is reached through this
/// one type, so a link from any panel ("open the other end", "show on the
/// actor page") names where it goes and App draws it.

/// A passage to open in the reader: a document and canonical offsets.
export interface Passage {
  documentId: string;
  start: number;
  end: number;
}

/// An annotation named by its id and its document (the document says which
/// chunk holds it).
export interface AnnotationPlace {
  documentId: string;
  annotationId: string;
}

export type Screen =
  | { kind: 'library' }
  | { kind: 'search' }
  /// A document, optionally at a passage to select (a search result) or an
  /// annotation to show (the other end of a link, a table row).
  | { kind: 'reader'; documentId: string; passage?: Passage; annotationId?: string }
  /// The two documents of a link side by side, each at its passage.
  | { kind: 'compare'; left: AnnotationPlace; right: AnnotationPlace }
  /// Every annotation of the library in one table.
  | { kind: 'table' }
  /// Documents and their annotations on a time axis.
  | { kind: 'timeline' }
  /// Claims against the sources that support or contradict them.
  | { kind: 'matrix' }
  /// The actors: names, aliases, merging.
  | { kind: 'actors' }
  /// One actor's passages across the corpus, by document date.
  | { kind: 'actor'; actorId: string }
  /// The annotation sets.
  | { kind: 'sets' };

/// What a way back to `screen` says it leads to ("← Search results").
export function screenName(screen: Screen): string {
  switch (screen.kind) {
    case 'library':
      return 'Library';
    case 'search':
      return 'Search results';
    case 'reader':
      return 'Previous document';
    case 'compare':
      return 'Side by side';
    case 'table':
      return 'All annotations';
    case 'timeline':
      return 'Timeline';
    case 'matrix':
      return 'Claim matrix';
    case 'actors':
      return 'Actors';
    case 'actor':
      return 'Actor page';
    case 'sets':
      return 'Annotation sets';
  }
}
