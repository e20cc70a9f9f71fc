import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ActorIndex } from '../../../../shared/actors/actor-index';
import type { DocumentColumns } from '../../../../shared/table/document-columns';
import { TableModel, type Tally } from '../../../../shared/table/model';
import { TextStore } from '../../../../shared/table/texts';
import type { TableContext } from '../../../store/table-rows';
import type { DocumentSummary } from '../../../data/documents';
import { useDocuments, useDocumentsLoaded } from '../../../data/hooks';
import { messageOf } from '../../../../shared/errors';
import { useServices } from '../../context';
import { ModelUpdates } from './model-updates';
import { nextTask } from './next-task';
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
  sources: TableContext;
  /// One row per annotation, each document's in text order, kept in
  /// columns: rows are made only for the lines drawn.
  model: TableModel;
  /// Changes when rows' quotes or notes changed under the same model (a
  /// note edited): a filter by words runs again.
  textVersion: number;
  /// Present while `model` holds only the table's first rows by date (the
  /// earliest documents'), drawn while the rest is read: `total` is how
  /// many annotations the library holds.
  reading?: { total: number };
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

/// The table's rows, opened from each document's stored record, its rows
/// already in text order (no annotation read, no merge), and kept up to
/// date: after a write only the records of the documents it changed are
/// read again, and the model patched document by document where their
/// rows stayed; a note edited keeps the model and reads that document's
/// chunks' text again.
/// Links, sets, actors and types are read again after any change to them.
/// Until the whole table is built, its first screen by date is shown from
/// the earliest documents' records, read before the rest (`reading` says
/// so).
/// `undefined` until first read.
export function useTableData(): TableData | undefined {
  const services = useServices();
  const { annotations } = services;
  const documents = useDocuments();
  const documentsLoaded = useDocumentsLoaded();
  const context = useLiveQuery(() => annotations.tableContext(), [annotations]);
  // Quotes and notes by chunk, read for the rows drawn: kept across models.
  const texts = useMemo(() => new TextStore((keys) => annotations.tableTexts(keys)), [annotations]);
  // The first screen's columns, read before the whole table's: asked
  // beside them, they waited behind them in IndexedDB (0.6–0.8 s at a
  // million rows, not 0.1 s).
  const [lead, setLead] = useState<{ runs: DocumentColumns[]; total: number } | undefined>(undefined);
  const [leadRead, setLeadRead] = useState(false);
  const leadAsked = useRef(false);
  useEffect(() => {
    if (!documentsLoaded || leadAsked.current) return;
    leadAsked.current = true;
    const dates = new Map([...documents.values()].map((d) => [d.id, d.meta.date]));
    annotations
      .tableLead((id) => dates.get(id), leadRows)
      .then(setLead)
      // The whole table's read reports a failure to read; the first screen only waits for it.
      .catch(() => {})
      .finally(() => setLeadRead(true));
  }, [annotations, documents, documentsLoaded]);
  // The lead needs the documents' dates; should the library's list not
  // load, the whole table is read without it rather than never.
  useEffect(() => {
    const timer = setTimeout(() => {
      if (leadAsked.current) return;
      leadAsked.current = true;
      setLeadRead(true);
    }, leadWait);
    return () => clearTimeout(timer);
  }, []);
  // The stored documents' records as last heard, and a count bumped when
  // the model must be built again from them (rows added, deleted or moved).
  const runs = useRef<ReadonlyMap<string, DocumentColumns> | null>(null);
  // Whether a build runs, and what it must be told of when it lands.
  const updates = useMemo(() => new ModelUpdates(), []);
  const [generation, setGeneration] = useState(0);
  const [textVersion, setTextVersion] = useState(0);
  const [built, setBuilt] = useState<Omit<TableData, 'textVersion'> | undefined>(undefined);
  const current = useRef<Omit<TableData, 'textVersion'> | undefined>(undefined);
  const latest = useRef({ context, documents });
  latest.current = { context, documents };
  useEffect(
    () =>
      leadRead
        ? annotations.watchTableColumns(
            (update) => {
              runs.current = update.runs;
              texts.forget(update.chunks);
              const was = current.current;
              const { context, documents } = latest.current;
              if (was && update.textOnly) {
                // A quote or note changed: the same rows, their text read again.
                was.model.forgetRows();
                setTextVersion((v) => v + 1);
                return;
              }
              // Tags, names or authors changed: the model patched document by
              // document from their records, O(rows copied) (or, while a build
              // runs, the model it makes when it lands).
              const heard = context ? updates.heard(was?.model, update.documents, update.runs, { actors: taggedActors(new ActorIndex(context.actors)) }) : null;
              if (heard?.kind === 'later') return;
              if (heard?.kind === 'patched' && was) {
                current.current = { sources: was.sources, model: heard.model, options: optionsOf(was.sources, heard.model, documents) };
                setBuilt(current.current);
              } else setGeneration((g) => g + 1);
            },
            (error) => services.notify({ kind: 'error', text: `The table could not read the annotations: ${messageOf(error)}` }),
          )
        : undefined,
    [annotations, texts, services, updates, leadRead],
  );
  // Built in slices of a few ms between other work (a million rows take
  // longer than a frame); the rows shown stay the last model's meanwhile.
  // biome-ignore lint/correctness/useExhaustiveDependencies: generation says the stored records (a ref) changed.
  useEffect(() => {
    const stored = runs.current;
    if (!context || !stored) return;
    let live = true;
    const actors = taggedActors(new ActorIndex(context.actors));
    TableModel.open(
      { runs: updates.start(stored), texts, documents, actors, links: context.links, sets: context.sets },
      { tagTypes: context.tagTypes },
      { now: () => performance.now(), pause: nextTask },
    )
      .then((built) => {
        if (!live) return;
        // Writes heard while it was built are patched on; rows changed meanwhile build it again.
        const model = updates.landed(built, runs.current ?? stored, { actors });
        if (!model) return setGeneration((g) => g + 1);
        current.current = { sources: context, model, options: optionsOf(context, model, documents) };
        setBuilt(current.current);
      })
      .catch((error: unknown) => {
        if (!live) return;
        updates.cancel();
        services.notify({ kind: 'error', text: `The table could not be opened: ${messageOf(error)}` });
      });
    return () => {
      live = false;
      updates.cancel();
    };
  }, [context, generation, documents, texts, services, updates]);
  // The first screen's model: a few thousand rows, built in one go (none
  // for an empty library: "0 of the first 0" says nothing).
  const first = useMemo(() => {
    if (built || !lead || !context || lead.total === 0) return undefined;
    const model = new TableModel(
      { runs: lead.runs, texts, documents, actors: taggedActors(new ActorIndex(context.actors)), links: context.links, sets: context.sets },
      { tagTypes: context.tagTypes },
    );
    return { sources: context, model, options: optionsOf(context, model, documents), reading: { total: lead.total } };
  }, [built, lead, context, texts, documents]);
  const shown = built ?? first;
  return useMemo(() => shown && { ...shown, textVersion }, [shown, textVersion]);
}

// At least this many rows are read first: more than a tall screen holds.
const leadRows = 100;
// The ms the first screen waits for the library's list before the whole
// table is read without it.
const leadWait = 2000;

function optionsOf(sources: TableContext, model: TableModel, documents: ReadonlyMap<string, DocumentSummary>): TableData['options'] {
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
