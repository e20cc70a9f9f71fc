import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { ActorIndex } from '../../../../shared/actors/actor-index';
import { type AnnotationRow, buildRows } from '../../../../shared/table/rows';
import type { TableSources } from '../../../store/table-rows';
import type { DocumentSummary } from '../../../data/documents';
import { useDocuments } from '../../../data/hooks';
import { useServices } from '../../context';
import { taggedActors } from './tagged-actors';

/// A choice in one of the table's filters, with how many rows it keeps.
export interface FilterOption {
  id: string;
  label: string;
  count: number;
  /// A tag type's or relation type's colour.
  color?: string;
}

/// The table's rows and what its filters offer.
export interface TableData {
  sources: TableSources;
  /// One per annotation, each document's in text order.
  rows: AnnotationRow[];
  options: {
    tagTypes: FilterOption[];
    actors: FilterOption[];
    documents: FilterOption[];
    sets: FilterOption[];
    relations: FilterOption[];
    /// Who made the annotations, in a shared project; none otherwise.
    authors: FilterOption[];
  };
}

/// Reads the library into the table's rows, again after any change to the
/// annotations, links, sets, actors, tag or relation types; `undefined`
/// until first read.
export function useTableData(): TableData | undefined {
  const { annotations } = useServices();
  const documents = useDocuments();
  const sources = useLiveQuery(() => annotations.tableSources(), [annotations]);
  return useMemo(() => {
    if (!sources) return undefined;
    const rows = buildRows({ ...sources, documents, actors: taggedActors(new ActorIndex(sources.actors)) });
    return { sources, rows, options: optionsOf(sources, rows, documents) };
  }, [sources, documents]);
}

function optionsOf(sources: TableSources, rows: readonly AnnotationRow[], documents: ReadonlyMap<string, DocumentSummary>): TableData['options'] {
  const tagCounts = counter();
  const setCounts = counter();
  const relationCounts = counter();
  const documentCounts = counter();
  const actors = new Map<string, FilterOption>();
  const authors = new Map<string, FilterOption>();
  for (const row of rows) {
    if (row.authorId) {
      const author = authors.get(row.authorId);
      if (author) author.count++;
      else authors.set(row.authorId, { id: row.authorId, label: row.author ?? '', count: 1 });
    }
    row.tags.forEach(tagCounts.add);
    row.setIds.forEach(setCounts.add);
    row.relations.forEach(relationCounts.add);
    documentCounts.add(row.documentId);
    if (row.actorId) {
      const actor = actors.get(row.actorId);
      if (actor) actor.count++;
      else actors.set(row.actorId, { id: row.actorId, label: row.actor ?? '', count: 1 });
    }
  }
  const collator = new Intl.Collator(undefined, { numeric: true, ignorePunctuation: true });
  const byLabel = (a: FilterOption, b: FilterOption) => collator.compare(a.label, b.label);
  // Every document of the library is offered, annotated or not, so that the
  // list reads the same as the library's; one whose annotations outlived it
  // is offered by its id, as its rows are titled.
  const documentOptions = [...documents.values()].map((d) => ({ id: d.id, label: d.meta.title, count: documentCounts.get(d.id) }));
  for (const id of documentCounts.ids()) if (!documents.has(id)) documentOptions.push({ id, label: id, count: documentCounts.get(id) });
  return {
    tagTypes: sources.tagTypes.map((t) => ({ id: t.id, label: t.name, count: tagCounts.get(t.id), color: t.color })),
    actors: [...actors.values()].sort(byLabel),
    documents: documentOptions.sort(byLabel),
    sets: sources.sets.map((s) => ({ id: s.id, label: s.name, count: setCounts.get(s.id) })),
    relations: sources.relationTypes.map((r) => ({
      id: r.id,
      label: r.inverse === r.name ? r.name : `${r.name} / ${r.inverse}`,
      count: relationCounts.get(r.id),
      color: r.color,
    })),
    authors: [...authors.values()].sort(byLabel),
  };
}

function counter() {
  const counts = new Map<string, number>();
  return {
    add: (id: string) => void counts.set(id, (counts.get(id) ?? 0) + 1),
    get: (id: string) => counts.get(id) ?? 0,
    ids: () => counts.keys(),
  };
}
