import type { Link, RelationType } from './model';
import { InvalidInput } from '../errors';

/// The relation type `id` among `relationTypes`. Throws an InvalidInput when the
/// list has none by that id.
export function relationTypeOf(id: string, relationTypes: readonly RelationType[]): RelationType {
  const relationType = relationTypes.find((r) => r.id === id);
  if (!relationType) throw new InvalidInput('$', `There is no relation type “${id}”.`);
  return relationType;
}

/// The end of `link` that is not `viewpointAnnotationId`.
export function otherEnd(link: Link, viewpointAnnotationId: string): string {
  if (link.from === viewpointAnnotationId) return link.to;
  if (link.to === viewpointAnnotationId) return link.from;
  throw new RangeError(`The link “${link.id}” does not involve the annotation “${viewpointAnnotationId}”.`);
}

/// How `link` reads from one of its ends, the viewpoint being the subject of
/// the phrase: from the source of "A supports B", "supports"; from B,
/// "supported by". A symmetric relation reads the same from both ends.
export function describeLink(link: Link, viewpointAnnotationId: string, relationTypes: readonly RelationType[]): string {
  const relationType = relationTypeOf(link.relation, relationTypes);
  if (link.from === viewpointAnnotationId) return relationType.name;
  if (link.to === viewpointAnnotationId) return relationType.inverse;
  throw new RangeError(`The link “${link.id}” does not involve the annotation “${viewpointAnnotationId}”.`);
}

/// How `link` reads from one end, as `describeLink`, for display: a link
/// whose relation type was deleted meanwhile (in another window, by a
/// restore) reads as the relation id it stores rather than failing the view.
export function linkPhrase(link: Link, viewpointAnnotationId: string, relationTypes: readonly RelationType[]): string {
  return relationTypes.some((r) => r.id === link.relation) ? describeLink(link, viewpointAnnotationId, relationTypes) : link.relation;
}
