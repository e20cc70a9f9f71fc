import type { Actor } from '../actors/model';
import { type ActorPlan, emptyActorPlan, planActors } from './actor-merge';
import { keptAs, replaces } from './said';
import type { Link, RelationType } from '../links/model';
import { statementKey } from '../links/validate';
import type { AnnotationSet } from '../sets/model';
import type { IncomingLibrary } from './incoming';
import type { Unplaced } from './merge';

/// What an import does with one kind of item, counted for the preview.
export interface KindPlan<T> {
  /// Items the library lacks: added.
  add: T[];
  /// Items the library has in an older version: replaced.
  update: T[];
  /// Items the library has as they are, or says already (an actor by one
  /// of its names, a link saying what one of the library's says).
  unchanged: number;
  /// Items the library has otherwise than the file: the library's is
  /// kept, the file's being no newer (or undated).
  kept: number;
}

/// What importing a file's library part (a whole-library export's links,
/// actors, sets and relation types) changes.
export interface LibraryPlan {
  relationTypes: KindPlan<RelationType>;
  actors: ActorPlan;
  links: KindPlan<Link>;
  sets: KindPlan<AnnotationSet>;
  /// Links left out: an end is neither in the library nor placed.
  unplaced: Unplaced[];
}

/// The library as a plan needs it.
export interface LibraryState {
  relationTypes: readonly RelationType[];
  actors: ReadonlyMap<string, Actor>;
  links: ReadonlyMap<string, Link>;
  sets: ReadonlyMap<string, AnnotationSet>;
  /// Those of the annotations the file's links and sets name that the
  /// library holds.
  annotationIds: ReadonlySet<string>;
}

export const emptyLibraryPlan = (): LibraryPlan => ({ relationTypes: kind(), actors: emptyActorPlan(), links: kind(), sets: kind(), unplaced: [] });

/// Plans merging a file's library part, by id as annotations merge: what the
/// library lacks is added, what it has in an older version (by `modified`)
/// is replaced, the rest is left as it is. A relation type the library has
/// by id or by name is the library's; actors are planned by `planActors`,
/// so that no two claim one name; a link saying what one of the
/// library's says is that link. `exists(id)` says whether an annotation
/// will be in the library after the import (stored, or placed from the
/// file): links to others are left out, and sets keep only those.
export function planLibrary(incoming: IncomingLibrary, library: LibraryState, exists: (annotationId: string) => boolean): LibraryPlan {
  const plan = emptyLibraryPlan();
  const renamed = new Map<string, string>();
  let order = library.relationTypes.reduce((max, r) => Math.max(max, r.order + 1), 0);
  for (const relation of [...incoming.relationTypes].sort((a, b) => a.order - b.order)) {
    const mine =
      library.relationTypes.find((r) => r.id === relation.id) ?? library.relationTypes.find((r) => r.name.toLowerCase() === relation.name.toLowerCase());
    if (mine) {
      renamed.set(relation.id, mine.id);
      plan.relationTypes.unchanged++;
    } else plan.relationTypes.add.push({ ...relation, order: order++ });
  }
  const relations = [...library.relationTypes, ...plan.relationTypes.add];

  plan.actors = planActors(incoming.actors, library.actors);

  const statements = new Set([...library.links.values()].map((l) => statementKey(l, relations)));
  for (const { path, undated, ...entry } of incoming.links) {
    const link: Link = { ...entry, relation: renamed.get(entry.relation) ?? entry.relation };
    const missing = [link.from, link.to].find((id) => !exists(id));
    if (missing !== undefined) {
      plan.unplaced.push({
        id: link.id,
        path,
        quote: `link ${link.from} → ${link.to}`,
        reason: `the linked passage ${missing} is neither in this library nor placed from the file`,
      });
      continue;
    }
    const mine = library.links.get(link.id);
    // Undated in the file: nothing says it is the newer one.
    if (mine && undated) keep(plan.links, link, mine);
    else if (mine) merge(plan.links, link, mine);
    else if (statements.has(statementKey(link, relations))) plan.links.unchanged++;
    else {
      plan.links.add.push(link);
      statements.add(statementKey(link, relations));
    }
  }

  for (const entry of incoming.sets) {
    const set = { ...entry, annotationIds: entry.annotationIds.filter(exists) };
    const mine = library.sets.get(set.id);
    if (mine) merge(plan.sets, set, mine);
    else plan.sets.add.push(set);
  }
  return plan;
}

function kind<T>(): KindPlan<T> {
  return { add: [], update: [], unchanged: 0, kept: 0 };
}

// An item the library has: replaced when the file's is newer and differs.
function merge<T extends { modified: string }>(plan: KindPlan<T>, item: T, mine: T): void {
  if (replaces(item, mine)) plan.update.push(item);
  else keep(plan, item, mine);
}

function keep<T extends object>(plan: KindPlan<T>, item: T, mine: T): void {
  plan[keptAs(item, mine)]++;
}
