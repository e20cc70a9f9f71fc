import type { ActorResolver } from '../actors/actor-index';
import type { Annotation } from '../annotation/model';
import type { DateSpan } from '../corpus/dates';
import type { DocumentMeta } from '../corpus/metadata';
import { type TimeAxis, defaultMaxYearTicks, positionOn, timeAxis } from './axis';
import { assignLanes, defaultMinWidth } from './lanes';
import { type TimeExtent, extentOf } from './time';

/// A document as the timeline sees it.
export interface TimelineDocument {
  id: string;
  title: string;
  date: DateSpan | null;
  /// A search listing's entries: the documents it lists, each drawn apart
  /// from the listing itself at its own date.
  entries?: readonly { date: DateSpan; title: string }[];
}

/// The timeline's view of a library document (a `LibraryDocument` will do).
export function timelineDocument(document: { id: string; meta: Pick<DocumentMeta, 'title' | 'date' | 'entries'> }): TimelineDocument {
  const { title, date, entries } = document.meta;
  return { id: document.id, title, date, entries: entries.map((entry) => ({ date: entry.date, title: entry.title })) };
}

/// Which annotations count.
export interface TimelineFilter {
  /// Annotations with any of these tag types; all when absent or empty.
  tagTypeIds?: readonly string[];
  /// Annotations whose tagged name resolves to this actor; needs `actors`.
  actorId?: string | null;
  /// Leaves out documents (a listing with its entries) that no counted
  /// annotation is in.
  hideEmpty?: boolean;
}

export interface TimelineInput {
  documents: readonly TimelineDocument[];
  annotations: Iterable<Pick<Annotation, 'documentId' | 'tags' | 'actor'>>;
  filter?: TimelineFilter;
  /// Resolves tagged names, for `filter.actorId`.
  actors?: ActorResolver;
  /// The least room an item takes, as a fraction of the axis (see
  /// `assignLanes`).
  minWidth?: number;
  maxYearTicks?: number;
}

/// One mark on the timeline.
export interface TimelineItem {
  /// Unique among the items: the document id, and for a listing's entry
  /// `${documentId}#${entry}`.
  key: string;
  documentId: string;
  /// The index of the listing entry this item draws; `null` for the
  /// document itself.
  entry: number | null;
  title: string;
  date: DateSpan;
  /// As `extentOf` decides: a single day is a point, anything else a span.
  shape: TimeExtent['shape'];
  /// Positions on the axis, 0–1; equal for a point.
  start: number;
  end: number;
  /// 0 is the top lane.
  lane: number;
  /// Annotations of the document the filter counts; `null` for a listing
  /// entry, whose annotations belong to the listing as a whole.
  annotationCount: number | null;
}

export interface UndatedDocument {
  documentId: string;
  title: string;
  annotationCount: number;
}

export interface TimelineLayout {
  /// `null` when nothing is dated.
  axis: TimeAxis | null;
  /// By start, then longer first.
  items: TimelineItem[];
  laneCount: number;
  /// Documents without a date, listed beside the timeline, in the given order.
  undated: UndatedDocument[];
}

/// Lays out a timeline of `documents` by their dates, with the number of
/// annotations in each that pass the filter.
export function layoutTimeline(input: TimelineInput): TimelineLayout {
  const counts = countAnnotations(input);
  const hideEmpty = input.filter?.hideEmpty ?? false;
  const dated: { item: Omit<TimelineItem, 'start' | 'end' | 'lane'>; extent: TimeExtent }[] = [];
  const undated: UndatedDocument[] = [];
  for (const document of input.documents) {
    const annotationCount = counts.get(document.id) ?? 0;
    if (hideEmpty && annotationCount === 0) continue;
    if (document.date) {
      const extent = extentOf(document.date);
      dated.push({
        item: { key: document.id, documentId: document.id, entry: null, title: document.title, date: document.date, shape: extent.shape, annotationCount },
        extent,
      });
    } else {
      undated.push({ documentId: document.id, title: document.title, annotationCount });
    }
    (document.entries ?? []).forEach((entry, i) => {
      const extent = extentOf(entry.date);
      dated.push({
        item: {
          key: `${document.id}#${i}`,
          documentId: document.id,
          entry: i,
          title: entry.title,
          date: entry.date,
          shape: extent.shape,
          annotationCount: null,
        },
        extent,
      });
    });
  }
  if (dated.length === 0) return { axis: null, items: [], laneCount: 0, undated };

  let min = Infinity;
  let max = -Infinity;
  for (const { extent } of dated) {
    min = Math.min(min, extent.start);
    max = Math.max(max, extent.end);
  }
  const axis = timeAxis(min, max, input.maxYearTicks ?? defaultMaxYearTicks);
  const placed = dated.map(({ item, extent }) => ({ ...item, start: positionOn(axis, extent.start), end: positionOn(axis, extent.end), lane: 0 }));
  const { lanes, count } = assignLanes(placed, input.minWidth ?? defaultMinWidth);
  placed.forEach((item, i) => (item.lane = lanes[i]!));
  placed.sort((a, b) => a.start - b.start || b.end - a.end || a.lane - b.lane);
  return { axis, items: placed, laneCount: count, undated };
}

function countAnnotations(input: TimelineInput): Map<string, number> {
  const tags = input.filter?.tagTypeIds?.length ? new Set(input.filter.tagTypeIds) : null;
  const actorId = input.filter?.actorId ?? null;
  if (actorId !== null && !input.actors) throw new RangeError('Filtering the timeline by actor needs the actors to resolve tagged names by.');
  // Few distinct names are tagged: resolve each once.
  const named = new Map<string, boolean>();
  const counts = new Map<string, number>();
  for (const annotation of input.annotations) {
    if (tags && !annotation.tags.some((tag) => tags.has(tag))) continue;
    if (actorId !== null) {
      const name = annotation.actor;
      if (name === null) continue;
      let hit = named.get(name);
      if (hit === undefined) named.set(name, (hit = input.actors!.resolve(name)?.id === actorId));
      if (!hit) continue;
    }
    counts.set(annotation.documentId, (counts.get(annotation.documentId) ?? 0) + 1);
  }
  return counts;
}
