import type { Link } from './model';

/// An annotation's links, split by which end it is.
export interface LinksOf {
  /// Links that start at the annotation: it is the subject ("A supports …").
  outgoing: Link[];
  /// Links that end at it: it is the object ("… supports A").
  incoming: Link[];
}

/// The links that start or end at `annotationId`, each list in the order of
/// `links`.
export function linksOf(annotationId: string, links: Iterable<Link>): LinksOf {
  const result: LinksOf = { outgoing: [], incoming: [] };
  for (const link of links) {
    if (link.from === annotationId) result.outgoing.push(link);
    // Not `else`: a link from an annotation to itself is refused when made,
    // but one read from elsewhere is still shown at both of its ends.
    if (link.to === annotationId) result.incoming.push(link);
  }
  return result;
}

/// The links to drop when the annotations `ids` are deleted: every link with
/// either end among them, since a link to nothing has nothing to say.
export function linksAfterDeleting(ids: Iterable<string>, links: Iterable<Link>): Link[] {
  const gone = new Set(ids);
  const drop: Link[] = [];
  for (const link of links) if (gone.has(link.from) || gone.has(link.to)) drop.push(link);
  return drop;
}
