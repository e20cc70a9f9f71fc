/// A probe of the scale benchmark's "cold start to a sorted library list"
/// row alone, at several sizes in one process: `n` stored documents (50,
/// 1,000 and 5,000 unless given), each with a listing row of about 2 KB
/// (title, citation, summary, archive, a date), added in batches of 50
/// sharing one time, on fake-indexeddb. Each cold start is a new
/// connection and repository, subscribed until the list is read, then:
///
/// - **screen**: what the library screen does now: its order from the
///   list's columns (by date, as it opens) and a screenful of rows' fields
///   read (12 rows: their rows parsed, as drawn);
/// - **every row** (the peer, same run): what it did before: every
///   document's summary made (`list()`), each row's `meta` read and the
///   list sorted by its date then title.
///
/// Medians of 7 after one warm-up: `npx tsx bench/list-probe.ts [n…]`.
import 'fake-indexeddb/auto';
import { register } from 'node:module';
import { compareDates } from '../shared/corpus/dates';
import type { DocumentMeta } from '../shared/corpus/metadata';
import { seededRandom } from '../shared/random';
import { loadCorpus } from '../shared/test-support/corpus';
import type { DocumentsRepository as Repository } from '../renderer/data/documents';

// The store reads the bundled corpus as Vite would inline it: a module hook
// reads it instead (vite-glob.mjs), registered before the store is loaded.
register('./vite-glob.mjs', import.meta.url);
const { libraryOrder } = await import('../renderer/app/features/library/library-order');
const { DocumentsRepository } = await import('../renderer/data/documents');
const { PalimpsestDb } = await import('../renderer/store/db');
const { addDocuments } = await import('../renderer/store/documents');
const { bareDocumentRow } = await import('../renderer/store/test-support/db');
type PalimpsestDb = InstanceType<typeof PalimpsestDb>;

const sizes = process.argv.slice(2).map(Number);
const bundled = loadCorpus();
const screenful = 12;
const runs = 7;

function metaOf(k: number, next: () => number): DocumentMeta {
  const words = (n: number) =>
    Array.from({ length: n }, () => ['memorandum', 'delegation', 'party', 'embassy', 'grain', 'Tirana', 'Moscow', 'Beijing'][Math.floor(next() * 8)]).join(' ');
  const year = 1945 + Math.floor(next() * 40);
  return {
    kind: 'archival document',
    title: `${words(6)} ${k}`,
    date: next() < 0.1 ? null : { start: { year, month: 1 + Math.floor(next() * 12), day: 1 + Math.floor(next() * 28) } },
    authors: [words(2)],
    citation: words(110),
    summary: words(140),
    archive: `Central State Archive, fond ${k % 300}`,
    fond: `fond ${k % 300}`,
    folder: `file ${k}`,
    pageRange: 'ff. 1–12',
    publisher: 'Digital Archive',
    originalLanguage: 'Russian',
    translator: null,
    doi: null,
    url: null,
    entries: [],
  };
}

async function build(n: number): Promise<string> {
  const name = `list-probe-${n}`;
  const db = new PalimpsestDb(name);
  const next = seededRandom(n);
  for (let b = 0; b < n; b += 50) {
    const added = new Date(Date.UTC(2026, 0, 1) + b * 1000).toISOString();
    await addDocuments(
      db,
      Array.from({ length: Math.min(50, n - b) }, (_, i) => bareDocumentRow(`doc-${b + i}`, added, metaOf(b + i, next))),
    );
  }
  // The first open writes the listing rows and the snapshot, as the app's would.
  await listed(db);
  db.close();
  return name;
}

async function listed(db: PalimpsestDb): Promise<Repository> {
  const repository = new DocumentsRepository(db, bundled);
  await new Promise<void>((resolve) => {
    const stop = repository.subscribe(() => {
      if (!repository.isLoaded()) return;
      stop();
      resolve();
    });
  });
  return repository;
}

const screen = (repository: Repository) => {
  const list = repository.documents();
  const order = libraryOrder(list, { kind: 'all' }, { key: 'date', dir: 1 });
  let read = 0;
  for (const i of order.slice(0, screenful)) read += list.summary(i).meta.title.length;
  return read;
};
const everyRow = (repository: Repository) =>
  [...repository.list().values()].sort((a, b) => compareDates(a.meta.date, b.meta.date) || a.title.localeCompare(b.title)).length;

// How long the list took to be read, within each cold start measured.
const reading: number[] = [];

async function coldStarts(name: string, work: (repository: Repository) => number): Promise<number[]> {
  const times: number[] = [];
  for (let run = -1; run < runs; run++) {
    const start = performance.now();
    const db = new PalimpsestDb(name);
    const repository = await listed(db);
    const read = performance.now() - start;
    work(repository);
    if (run >= 0) times.push(performance.now() - start);
    if (run >= 0) reading.push(read);
    db.close();
  }
  return times;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const figures: Record<number, { screen: number; every: number }> = {};
for (const n of sizes.length ? sizes : [50, 1000, 5000]) {
  const name = await build(n);
  // Alternated, so the load of the machine falls on both alike.
  const screenTimes: number[] = [];
  const everyTimes: number[] = [];
  for (let round = 0; round < 2; round++) {
    screenTimes.push(...(await coldStarts(name, screen)));
    everyTimes.push(...(await coldStarts(name, everyRow)));
  }
  figures[n] = { screen: median(screenTimes), every: median(everyTimes) };
  console.log(
    `${n} documents: screen ${figures[n].screen.toFixed(1)} ms, every row ${figures[n].every.toFixed(1)} ms (the list read, in both: ${median(reading.splice(0)).toFixed(1)} ms)`,
  );
}
const keys = Object.keys(figures).map(Number);
if (keys.length > 1) {
  const [small, large] = [Math.min(...keys), Math.max(...keys)];
  console.log(
    `${large} / ${small}: screen ${(figures[large]!.screen / figures[small]!.screen).toFixed(1)}×, every row ${(figures[large]!.every / figures[small]!.every).toFixed(1)}×`,
  );
}
