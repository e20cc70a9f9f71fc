import { slugOf } from '../slug';
import type { Link, RelationType } from './model';
import { InvalidInput } from '../errors';

// The researcher's list of relation types, edited like tag types. These are
// the rules, as pure functions over the list; the store applies them.

/// What a researcher gives for a relation type. An empty or absent inverse
/// makes the relation symmetric: it reads the same from both ends.
export interface RelationTypeFields {
  name: string;
  inverse?: string;
  color: string;
}

/// Adds a relation type at the end of the list, its id made from its name.
/// Throws an InvalidInput when the name is empty, a phrase is taken, or the
/// colour is not `#rrggbb`.
export function addRelationType(types: readonly RelationType[], fields: RelationTypeFields): { types: RelationType[]; added: RelationType } {
  const { name, inverse } = phrasesOf(fields);
  checkPhrases(types, null, name, inverse);
  checkColor(fields.color);
  const base = slugOf(name, 'relation');
  let id = base;
  for (let n = 2; types.some((t) => t.id === id); n++) id = `${base}-${n}`;
  const added: RelationType = { id, name, inverse, color: fields.color, order: types.reduce((max, t) => Math.max(max, t.order + 1), 0) };
  return { types: [...inOrder(types), added], added };
}

/// Renames a relation type, both ways it reads. The id stays, so links keep
/// it.
export function renameRelationType(types: readonly RelationType[], id: string, fields: Omit<RelationTypeFields, 'color'>): RelationType[] {
  find(types, id);
  const { name, inverse } = phrasesOf(fields);
  checkPhrases(types, id, name, inverse);
  return inOrder(types).map((t) => (t.id === id ? { ...t, name, inverse } : t));
}

export function recolorRelationType(types: readonly RelationType[], id: string, color: string): RelationType[] {
  find(types, id);
  checkColor(color);
  return inOrder(types).map((t) => (t.id === id ? { ...t, color } : t));
}

/// Moves a relation type one place up (-1) or down (+1); at either end of
/// the list it stays. Orders are renumbered 0, 1, 2…
export function moveRelationType(types: readonly RelationType[], id: string, direction: -1 | 1): RelationType[] {
  const all = inOrder(types);
  const at = all.findIndex((t) => t.id === id);
  if (at < 0) throw new InvalidInput('$', `There is no relation type “${id}”.`);
  const to = at + direction;
  if (to >= 0 && to < all.length) all.splice(to, 0, all.splice(at, 1)[0]!);
  return all.map((t, order) => ({ ...t, order }));
}

/// How many links use the relation type `id`.
export function relationTypeUsage(id: string, links: Iterable<Link>): number {
  let count = 0;
  for (const link of links) if (link.relation === id) count++;
  return count;
}

/// The relation type `id`, if it may be deleted: `used` is how many links
/// name it. A relation in use is refused with the count: a link without its
/// relation would say nothing, and the researcher should decide what those
/// links become. The list itself is renumbered where it is stored, so an
/// undo can put the type back at its place.
export function deletableRelationType(types: readonly RelationType[], id: string, used: number): RelationType {
  const relationType = find(types, id);
  if (used > 0) {
    throw new InvalidInput(
      '$',
      `The relation “${relationType.name}” is used by ${used === 1 ? 'one link' : `${used} links`}; change or delete ${used === 1 ? 'it' : 'them'} first.`,
    );
  }
  return relationType;
}

function find(types: readonly RelationType[], id: string): RelationType {
  const relationType = types.find((t) => t.id === id);
  if (!relationType) throw new InvalidInput('$', `There is no relation type “${id}”.`);
  return relationType;
}

function inOrder(types: readonly RelationType[]): RelationType[] {
  return [...types].sort((a, b) => a.order - b.order);
}

function phrasesOf(fields: Omit<RelationTypeFields, 'color'>): { name: string; inverse: string } {
  const name = fields.name.trim().replace(/\s+/g, ' ');
  if (!name) throw new InvalidInput('$', 'A relation type needs a name.');
  const inverse = (fields.inverse ?? '').trim().replace(/\s+/g, ' ') || name;
  return { name, inverse };
}

// A link is shown by the phrase read from one end, so no phrase may belong to
// two relation types (as name or as inverse): "supported by" must say which
// relation it is. Case aside, as the researcher reads them.
function checkPhrases(types: readonly RelationType[], self: string | null, name: string, inverse: string): void {
  for (const phrase of new Set([name, inverse])) {
    const clash = types.find((t) => t.id !== self && (same(t.name, phrase) || same(t.inverse, phrase)));
    if (clash) {
      throw new InvalidInput(
        '$',
        same(clash.name, phrase)
          ? `There is already a relation type called “${clash.name}”.`
          : `“${phrase}” already reads the relation “${clash.name}” from its other end.`,
      );
    }
  }
  if (name !== inverse && same(name, inverse))
    throw new InvalidInput(
      '$',
      `The name and the inverse of “${name}” differ only in case: leave the inverse empty for a relation that reads the same both ways.`,
    );
}

function same(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function checkColor(color: string): void {
  if (!/^#[0-9a-fA-F]{6}$/.test(color)) throw new InvalidInput('$', `“${color}” is not a colour of the form #rrggbb.`);
}
