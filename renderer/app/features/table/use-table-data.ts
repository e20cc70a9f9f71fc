import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useRef } from 'react';
import { ActorIndex } from '../../../../shared/actors/actor-index';
import { TableModel, type Tally } from '../../../../shared/table/model';
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
  /// One row per annotation, each document's in text order, kept in
  /// columns: rows are made only for the lines drawn.
  model: TableModel;
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
  // The model before a change: an edited row alone is folded again for
  // the text filter.
  const previous = useRef<TableModel | undefined>(undefined);
  return useMemo(() => {
    if (!sources) return undefined;
    const model = new TableModel(
      { ...sources, documents, actors: taggedActors(new ActorIndex(sources.actors)) },
      { tagTypes: sources.tagTypes, previous: previous.current },
    );
    previous.current = model;
    return { sources, model, options: optionsOf(sources, model, documents) };
  }, [sources, documents]);
}

function optionsOf(sources: TableSources, model: TableModel, documents: ReadonlyMap<string, DocumentSummary>): TableData['options'] {
  // Counted from the model's columns, not from a million row objects.
  const tally = model.tally();
  const countIn = (map: ReadonlyMap<string, number>) => (id: string) => map.get(id) ?? 0;
  const [tagCount, setCount, relationCount, documentCount] = [tally.tags, tally.sets, tally.relations, tally.documents].map(countIn) as [
    (id: string) => number,
    (id: string) => number,
    (id: string) => number,
    (id: string) => number,
  ];
  const labelled = (map: Tally['actors']): FilterOption[] => [...map].map(([id, { label, count }]) => ({ id, label, count }));
  const collator = new Intl.Collator(undefined, { numeric: true, ignorePunctuation: true });
  const byLabel = (a: FilterOption, b: FilterOption) => collator.compare(a.label, b.label);
  // Every document of the library is offered, annotated or not, so that the
  // list reads the same as the library's; one whose annotations outlived it
  // is offered by its id, as its rows are titled.
  const documentOptions = [...documents.values()].map((d) => ({ id: d.id, label: d.meta.title, count: documentCount(d.id) }));
  for (const id of tally.documents.keys()) if (!documents.has(id)) documentOptions.push({ id, label: id, count: documentCount(id) });
  return {
    tagTypes: sources.tagTypes.map((t) => ({ id: t.id, label: t.name, count: tagCount(t.id), color: t.color })),
    actors: labelled(tally.actors).sort(byLabel),
    documents: documentOptions.sort(byLabel),
    sets: sources.sets.map((s) => ({ id: s.id, label: s.name, count: setCount(s.id) })),
    relations: sources.relationTypes.map((r) => ({
      id: r.id,
      label: r.inverse === r.name ? r.name : `${r.name} / ${r.inverse}`,
      count: relationCount(r.id),
      color: r.color,
    })),
    authors: labelled(tally.authors).sort(byLabel),
  };
}
