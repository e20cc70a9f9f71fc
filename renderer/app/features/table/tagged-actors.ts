import type { ActorResolver } from '../../../../shared/actors/actor-index';
import { actorKey } from '../../../../shared/actors/key';
import type { Actor } from '../../../../shared/actors/model';

/// The prefix of the ids `taggedActors` gives names no actor claims.
export const taggedPrefix = 'tagged:';

/// Resolves a tagged name to its actor, as `actors` does; a name no actor
/// claims to a stand-in actor of its own, so the table lists and filters
/// by it too. Spellings with one key ("Ri Song-un", "Ri Song Un") share
/// the stand-in's id; each keeps its own spelling as the name shown.
export function taggedActors(actors: ActorResolver): ActorResolver {
  return {
    resolve(name: string | null): Actor | null {
      const actor = actors.resolve(name);
      if (actor || name === null) return actor;
      const key = actorKey(name);
      return key ? { id: `${taggedPrefix}${key}`, name, aliases: [], created: '', modified: '' } : null;
    },
  };
}
