import type { Annotation, TagType } from '../../../../shared/annotation/model';
import type { Highlight } from '../../../editor/highlights';

/// The reader's highlights for annotations in text order, each in the
/// colours of its tags.
export function highlightsOf(ordered: readonly Annotation[], tagTypes: readonly TagType[]): Highlight[] {
  const colours = new Map(tagTypes.map((t) => [t.id, t.color]));
  return ordered.map((a) => ({
    id: a.id,
    start: a.position.start,
    end: a.position.end,
    colors: a.tags.map((t) => colours.get(t)).filter((c): c is string => !!c),
  }));
}
