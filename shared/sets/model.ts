/// A named set of annotations a researcher gathers for one argument or
/// chapter, exported and shared as a unit.
export interface AnnotationSet {
  id: string;
  name: string;
  description: string;
  /// Annotation ids, in the order they were added.
  annotationIds: string[];
  /// ISO 8601 timestamps.
  created: string;
  modified: string;
}
