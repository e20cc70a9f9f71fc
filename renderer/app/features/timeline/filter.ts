import type { ActorResolver } from '../../../../shared/actors/actor-index';
import type { Annotation } from '../../../../shared/annotation/model';

/// What the researcher chose to see on the timeline.
export interface TimelineChoice {
  /// A tag type's id; `null` for every tag.
  tagTypeId: string | null;
  /// An `ActorChoice` id; `null` for any actor or none.
  actorId: string | null;
  /// Leave out documents without a matching annotation.
  hideEmpty: boolean;
}

export const everything: TimelineChoice = { tagTypeId: null, actorId: null, hideEmpty: false };

/// The annotations the choice keeps, in the given order. The timeline counts
/// these and the list under it shows them, so both always agree.
export function matchingAnnotations(annotations: readonly Annotation[], choice: TimelineChoice, actors: ActorResolver): Annotation[] {
  const { tagTypeId, actorId } = choice;
  if (tagTypeId === null && actorId === null) return [...annotations];
  // Few distinct names are tagged: resolve each once.
  const named = new Map<string, boolean>();
  return annotations.filter((annotation) => {
    if (tagTypeId !== null && !annotation.tags.includes(tagTypeId)) return false;
    if (actorId === null) return true;
    if (annotation.actor === null) return false;
    let hit = named.get(annotation.actor);
    if (hit === undefined) named.set(annotation.actor, (hit = actors.resolve(annotation.actor)?.id === actorId));
    return hit;
  });
}
