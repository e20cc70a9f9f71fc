import type { Annotation } from '../annotation/model';
import type { Link } from './model';

/// A link between the two documents shown side by side, with its end in
/// each.
export interface LinkBetween {
  link: Link;
  /// The end in the first document.
  a: Annotation;
  /// The end in the second document.
  b: Annotation;
}

/// The links joining a passage of `docA` to a passage of `docB`, whichever
/// way they point, in the order one steps through them reading side by side:
/// by the passage's place in `docA`, then in `docB`. When the two are the same
/// document, `a` is the link's source and `b` its target. Links with an end
/// not in `annotationsById` are left out: there is nothing to show there.
export function linksBetween(docA: string, docB: string, links: Iterable<Link>, annotationsById: ReadonlyMap<string, Annotation>): LinkBetween[] {
  const found: LinkBetween[] = [];
  for (const link of links) {
    const from = annotationsById.get(link.from);
    const to = annotationsById.get(link.to);
    if (!from || !to) continue;
    if (from.documentId === docA && to.documentId === docB) found.push({ link, a: from, b: to });
    else if (from.documentId === docB && to.documentId === docA) found.push({ link, a: to, b: from });
  }
  return found.sort((x, y) => compareInText(x.a, y.a) || compareInText(x.b, y.b) || (x.link.id < y.link.id ? -1 : x.link.id > y.link.id ? 1 : 0));
}

// The order of `inTextOrder`: by start, an enclosing passage before what it
// encloses.
function compareInText(x: Annotation, y: Annotation): number {
  return x.position.start - y.position.start || y.position.end - x.position.end;
}
