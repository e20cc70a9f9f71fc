import { ActorIndex } from '../shared/actors/actor-index';
import type { Actor } from '../shared/actors/model';
import { describePassage } from '../shared/anchoring/selectors';
import type { Annotation } from '../shared/annotation/model';
import type { DateSpan } from '../shared/corpus/dates';
import { dateSortKey } from '../shared/corpus/dates';
import { seededRandom } from '../shared/random';
import { TableModel } from '../shared/table/model';
import { taggedActors } from '../renderer/app/features/table/tagged-actors';
import { type Result, quantile, result } from './measure';
import { searchCorpus } from './search-benches';

/// Issue 19's "All annotations" row: the table's own code (shared/table's
/// TableModel: built, ordered and filtered as
/// renderer/app/features/table/use-table-view.ts does) over a library
/// of 1,000,000 annotations (100,000 with `--quick`, its target scaled to the
/// same per-row rate), beside a plain Array filter and sort over the same
/// rows. Measured in Node, not on the page: the rows are built from
/// annotation objects in memory, not read through `tableSources()` from
/// IndexedDB, and scrolling (a virtual list's frame) is not measured.
/// The plain peers build a row object per annotation; the model builds
/// none (it makes the rows on screen when the table draws them).

const fullCount = 1_000_000;

// The peers' sort key: a date's sortable string, no date last.
const dateKey = (date: DateSpan | null) => (date ? dateSortKey(date.start) : '~');

// A library's annotations: 5 per 1,000 documents' worth of seed text, four
// tag types, 200 tagged names of which 150 are actors.
/// The benchmark's library of `count` annotations (exported for profiling).
export function libraryForTable(count: number) {
  const next = seededRandom(count);
  const documents = new Map<string, { meta: { title: string; date: DateSpan | null } }>();
  const documentCount = Math.max(50, count / 200);
  for (let i = 0; i < documentCount; i++) {
    const year = 1945 + Math.floor(next() * 45);
    const date = next() < 0.05 ? null : { start: { year, month: 1 + Math.floor(next() * 12), day: 1 + Math.floor(next() * 28) } };
    documents.set(`d${i}`, { meta: { title: `Memorandum No. ${i}`, date } });
  }
  const actors: Actor[] = Array.from({ length: 150 }, (_, i) => ({
    id: `actor-${i}`,
    name: `Actor ${i}`,
    aliases: [`A. ${i}`],
    created: '2026-12-01T00:00:00.000Z',
    modified: '2026-12-01T00:00:00.000Z',
  }));
  const names = Array.from({ length: 200 }, (_, i) => (i < 150 ? (i % 2 ? `Actor ${i}` : `A. ${i}`) : `Someone ${i}`));
  const tags = ['claim', 'actor', 'place', 'date'];
  // Quotes cut from the search benchmark's seed text, as readers select it.
  const text = searchCorpus(1, 50_000, 29)[0]!.text;
  const annotations: Annotation[] = [];
  for (let i = 0; i < count; i++) {
    const start = Math.floor(next() * (text.length - 80));
    const { quote, position } = describePassage(text, start, start + 10 + Math.floor(next() * 60));
    const tagged = next() < 0.6;
    annotations.push({
      id: `a${i}`,
      documentId: `d${Math.floor(next() * documentCount)}`,
      quote,
      position,
      tags: next() < 0.2 ? [tags[Math.floor(next() * 4)]!, tags[Math.floor(next() * 4)]!] : [tags[Math.floor(next() * 4)]!],
      actor: tagged ? names[Math.floor(next() * names.length)]! : null,
      note: next() < 0.2 ? 'a note on the passage' : '',
      created: '2026-12-01T00:00:00.000Z',
      modified: '2026-12-01T00:00:00.000Z',
    });
  }
  return { annotations, documents, actors };
}

/// The table rows: open, filter by tag + actor, sort by date, each beside a
/// plain Array filter/sort of the same rows measured in the same run.
export async function tableBenches(options: { quick: boolean; runs: number; log: (line: string) => void }): Promise<Result[]> {
  const { quick, runs, log } = options;
  const count = quick ? fullCount / 10 : fullCount;
  const target = 500 * (count / fullCount);
  const started = performance.now();
  const { annotations, documents, actors } = libraryForTable(count);
  log(`table: built ${count.toLocaleString('en')} annotations in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const label = `${count.toLocaleString('en')} annotations`;
  const note = `Node, shared/table's TableModel as use-table-view calls it; target 500 ms per 1,000,000 rows${quick ? ' scaled to the rows' : ''}; not tableSources() from IndexedDB, not scrolling`;
  const samples = (fn: () => unknown) => {
    fn();
    const out: number[] = [];
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      fn();
      out.push(performance.now() - start);
    }
    return out;
  };
  const results: Result[] = [];
  const pair = (what: string, app: number[], peerName: string, peer: number[]) =>
    results.push(result(`table: ${what}, ${label}`, 'ms', app, target, { name: peerName, median: quantile(peer, 0.5) }, note));

  // Open: the model built from the library, ordered by date (the table's
  // first order) and shown unfiltered; no row object is made.
  const resolver = taggedActors(new ActorIndex(actors));
  let model = new TableModel({ annotations, documents, actors: resolver });
  const open = samples(() => {
    model = new TableModel({ annotations, documents, actors: resolver });
    model.filter(model.order('date', 'ascending'), {});
  });
  const plainOpen = samples(() =>
    annotations
      .map((a) => ({ a, date: dateKey(documents.get(a.documentId)?.meta.date ?? null) }))
      .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0))
      .filter(() => true),
  );
  pair('open, sorted by date', open, 'plain map + sort + filter', plainOpen);

  const sorted = model.order('date', 'ascending');
  // The peers' rows: one object per annotation with its actor resolved, as
  // a plain table would hold them.
  const plainRows = Array.from(sorted, (i) => model.row(i));
  // A tag and an actor that keep a few thousand rows per million.
  const actorId = 'actor-3';
  const filter = samples(() => model.filter(sorted, { tagTypeIds: ['claim'], actorId }));
  const plainFilter = samples(() => plainRows.filter((row) => row.tags.includes('claim') && row.actorId === actorId));
  const kept = model.filter(sorted, { tagTypeIds: ['claim'], actorId }).length;
  pair(`filter by tag + actor (${kept.toLocaleString('en')} kept)`, filter, 'plain Array filter', plainFilter);

  // Sorting by date the other way: the table orders and filters again.
  const sort = samples(() => model.filter(model.order('date', 'descending'), {}));
  const plainSort = samples(() =>
    plainRows.map((row) => ({ row, date: dateKey(row.documentDate) })).sort((x, y) => (x.date < y.date ? 1 : x.date > y.date ? -1 : 0)),
  );
  pair('sort by date (descending)', sort, 'plain Array sort', plainSort);
  return results;
}
