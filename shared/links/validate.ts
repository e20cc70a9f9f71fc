import { relationTypeOf } from './describe';
import type { Link, RelationType } from './model';
import { InvalidInput } from '../errors';

/// What a link says, without its note or times: two links saying the same
/// thing are duplicates.
export type LinkStatement = Pick<Link, 'from' | 'to' | 'relation'>;

/// A key equal for links that say the same thing. A symmetric relation
/// (whose inverse reads as its name) says the same read either way, so "A
/// contradicts B" duplicates "B contradicts A"; "B supports A" does not
/// duplicate "A supports B". A relation not in `relationTypes` counts as
/// asymmetric.
export function statementKey(link: LinkStatement, relationTypes: readonly RelationType[]): string {
  const relationType = relationTypes.find((r) => r.id === link.relation);
  const symmetric = relationType !== undefined && relationType.name === relationType.inverse;
  const [a, b] = symmetric && link.to < link.from ? [link.to, link.from] : [link.from, link.to];
  return JSON.stringify([link.relation, a, b]);
}

/// Whether `a` and `b` say the same thing (see `statementKey`).
export function sameStatement(a: LinkStatement, b: LinkStatement, relationTypes: readonly RelationType[]): boolean {
  return statementKey(a, relationTypes) === statementKey(b, relationTypes);
}

/// Checks a link about to be made, or an existing one (`id`) about to be
/// changed, against the library's `links` and `relationTypes`. Throws a
/// InvalidInput saying what is wrong: a link from a passage to itself, a
/// relation that does not exist, or a link that says what another already
/// says.
export function validateLink(candidate: LinkStatement & { id?: string }, links: Iterable<Link>, relationTypes: readonly RelationType[]): void {
  if (candidate.from === candidate.to) throw new InvalidInput('$', 'A passage cannot be linked to itself: choose another passage for the other end.');
  const relationType = relationTypeOf(candidate.relation, relationTypes);
  for (const link of links) {
    if (link.id !== candidate.id && sameStatement(candidate, link, relationTypes)) {
      throw new InvalidInput('$', `These two passages are already linked by “${relationType.name}”.`);
    }
  }
}
