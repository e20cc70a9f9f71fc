import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Annotation, TagType } from '../../../../shared/annotation/model';
import { type TimelineLayout, layoutTimeline, timelineDocument } from '../../../../shared/timeline/layout';
import { useDocuments } from '../../../data/hooks';
import { useServices } from '../../context';
import { type ActorChoices, actorChoices } from './actor-choices';
import { type TimelineChoice, matchingAnnotations } from './filter';

export interface TimelineData {
  tagTypes: TagType[];
  actors: ActorChoices;
  /// The annotations the choice keeps.
  matching: Annotation[];
  layout: TimelineLayout;
}

/// The timeline of the library for the researcher's choice, kept current as
/// annotations and actors change; `null` while they are read.
export function useTimeline(choice: TimelineChoice): TimelineData | null {
  const services = useServices();
  const documents = useDocuments();
  const annotations = useLiveQuery(() => services.annotations.all(), [services]);
  const actorRows = useLiveQuery(() => services.actors.list(), [services]);
  const tagTypes = useLiveQuery(() => services.tagTypes.list(), [services]);
  const actors = useMemo(
    () =>
      actorChoices(
        actorRows ?? [],
        (annotations ?? []).map((a) => a.actor),
      ),
    [actorRows, annotations],
  );
  // A chosen actor that is gone (deleted, merged) filters nothing out.
  const actorId = choice.actorId !== null && [...actors.actors, ...actors.names].some((a) => a.id === choice.actorId) ? choice.actorId : null;
  const matching = useMemo(() => matchingAnnotations(annotations ?? [], { ...choice, actorId }, actors.resolver), [annotations, choice, actorId, actors]);
  // Made on every render; it is cheap beside the reads above.
  const layout = layoutTimeline({ documents: [...documents.values()].map(timelineDocument), annotations: matching, filter: { hideEmpty: choice.hideEmpty } });
  if (!annotations || !actorRows || !tagTypes) return null;
  return { tagTypes, actors, matching, layout };
}
