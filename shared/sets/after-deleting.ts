import type { AnnotationSet } from './model';

/// The sets to store again when the annotations `ids` are deleted: each set
/// that held any of them, without them, modified `now`. A set left empty is
/// kept: the researcher named it, and may fill it again.
export function setsAfterDeleting(ids: Iterable<string>, sets: Iterable<AnnotationSet>, now: Date): AnnotationSet[] {
  const gone = new Set(ids);
  const changed: AnnotationSet[] = [];
  for (const set of sets) {
    const kept = set.annotationIds.filter((id) => !gone.has(id));
    if (kept.length < set.annotationIds.length) changed.push({ ...set, annotationIds: kept, modified: now.toISOString() });
  }
  return changed;
}
