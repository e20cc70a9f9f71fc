import type { Annotation } from '../../shared/annotation/model';
import { ActorIndex } from '../../shared/actors/actor-index';
import { TableModel } from '../../shared/table/model';
import * as rows from '../../renderer/store/annotation-rows';
import { PalimpsestDb } from '../../renderer/store/db';
import { loadTableSources, readChunkTexts, readTableLead, watchColumns, type ColumnsUpdate } from '../../renderer/store/table-rows';
import { TextStore } from '../../shared/table/texts';
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { type Root, createRoot } from 'react-dom/client';
import { AnnotationTable } from '../../renderer/app/features/table/AnnotationTable';
import { taggedActors } from '../../renderer/app/features/table/tagged-actors';
import { nextTask } from '../../renderer/app/features/table/next-task';
import '../../renderer/app/features/table/table.css';
import { RowList } from '../../shared/table/model';
import type { TableSources } from '../../renderer/store/table-rows';
import { benchAnnotations } from './bench-storage';
import { heapMB } from './heap';

// The "All annotations" table's data path on the page (issue 19): a library
// of N annotations written through annotation-rows, then read as the table
// reads it (`loadTableSources`, one read transaction) and made into the
// table's model, each timed, with the page's long tasks meanwhile.

let db: PalimpsestDb | null = null;
let opened: { model: TableModel; sources: TableSources } | null = null;
let root: Root | null = null;
// Whether the library is kept between runs (not deleted).
let kept = false;
// The open table's subscription to the stored columns, and the updates it heard since.
let watching: { stop: () => void; texts: TextStore; updates: ColumnsUpdate[] } | null = null;
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
// The bench data's 100 documents, dated across the Cold War.
const documents = new Map(
  Array.from({ length: 100 }, (_, i) => [
    `bench-document-${i}`,
    { meta: { title: `Memorandum No. ${i}`, date: { start: { year: 1950 + (i % 40), month: 1 + (i % 12), day: 1 + (i % 28) } } } },
  ]),
);

// Keeps `model` as the open table, lets the page settle, stops counting
// its long tasks and reads the heap it holds.
async function keepOpen(model: TableModel, sources: TableSources, observer: PerformanceObserver): Promise<number | null> {
  opened = { model, sources };
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  return heapMB();
}

// Watches the library's stored columns as the screen does: resolves to
// the first update (the whole table's columns); later ones are kept in
// `watching` for the edit probes.
function watchTable(texts: TextStore): Promise<ColumnsUpdate> {
  return new Promise<ColumnsUpdate>((resolve, reject) => {
    let resolved = false;
    const stop = watchColumns(
      db!,
      (update) => {
        if (!resolved) {
          resolved = true;
          resolve(update);
        } else watching?.updates.push(update);
      },
      reject,
    );
    watching = { stop, texts, updates: [] };
  });
}

export const tableBench = {
  /// Writes `count` annotations into a new library in transactions of
  /// 50,000; resolves to the ms.
  async storeForTable(count: number, keep = false, name?: string): Promise<number> {
    if (db) {
      db.close();
      if (!kept) await db.delete();
    }
    kept = keep;
    // Kept (in a browser profile the bench reuses), a library of `count`
    // is written once: a million annotations take minutes to write.
    // `name` ('palimpsest': the app's own library) to look at the table in the app.
    db = new PalimpsestDb(name ?? (keep ? `palimpsest-bench-table-${count}` : `palimpsest-bench-table-${Date.now()}`));
    await db.open();
    if (keep && [...(await rows.countsByDocument(db)).values()].reduce((a, b) => a + b, 0) === count) return -1;
    await rows.clear(db);
    const start = performance.now();
    for (let at = 0; at < count; at += 50_000) {
      const batch: Annotation[] = benchAnnotations(Math.min(50_000, count - at), 11 + at).map((a, i) => ({ ...a, id: `t${at + i}` }));
      await db.transaction('rw', rows.tables(db), () => rows.put(db!, batch));
    }
    return performance.now() - start;
  },

  /// Reads the library as the table does and opens the table's model on
  /// it (sorted by date, unfiltered); the ms of each and the longest task.
  async openTable(): Promise<{ count: number; chunks: number; read: number; model: number; longestTask: number; heapMB: number | null }> {
    if (!db) throw new RangeError('There is no library to read: call storeForTable first.');
    // The annotation chunks alone (IndexedDB and structured clone), apart.
    const chunksFrom = performance.now();
    await rows.all(db);
    const chunks = performance.now() - chunksFrom;
    const tasks: number[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => tasks.push(entry.duration)));
    observer.observe({ type: 'longtask' });
    const start = performance.now();
    const sources = await loadTableSources(db);
    const read = performance.now();
    const model = new TableModel({ ...sources, documents, actors: taggedActors(new ActorIndex(sources.actors)) }, { tagTypes: sources.tagTypes });
    model.filter(model.order('date', 'ascending'), {});
    const made = performance.now();
    const heap = await keepOpen(model, sources, observer);
    return {
      count: model.length,
      chunks,
      read: read - start,
      model: made - read,
      longestTask: Math.max(0, ...tasks),
      heapMB: heap,
    };
  },

  /// Opens the table as its screen now does, on the stored library: every
  /// chunk's stored columns read (through `watchColumns`, as the screen
  /// follows them), the model built, sorted by date, and the text of the
  /// first screen of rows read; then filters by a tag and an actor, and
  /// sorts by date descending. The ms of each, the longest task and the heap.
  async openFromColumns(): Promise<{
    count: number;
    columns: number;
    model: number;
    firstScreen: number;
    total: number;
    filter: number;
    kept: number;
    sort: number;
    longestTask: number;
    heapMB: number | null;
  }> {
    if (!db) throw new RangeError('There is no library to read: call storeForTable first.');
    watching?.stop();
    const tasks: number[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => tasks.push(entry.duration)));
    observer.observe({ type: 'longtask' });
    const start = performance.now();
    const texts = new TextStore((keys) => readChunkTexts(db!, keys));
    const first = await watchTable(texts);
    const read = performance.now();
    const { defaultTagTypes } = await import('../../shared/annotation/model');
    // In slices, as the screen builds it.
    const model = await TableModel.open(
      { runs: [...first.runs.values()], texts, documents, actors: taggedActors(new ActorIndex([])), links: [], sets: [] },
      { tagTypes: defaultTagTypes },
      { now: () => performance.now(), pause: nextTask },
    );
    const order = model.order('date', 'ascending');
    const shown = model.filter(order, {});
    const made = performance.now();
    await model.readText(shown.subarray(0, 30));
    const screen = performance.now();
    // The most named actor, with the Actor tag: a filter a researcher makes.
    const [actorId] = [...model.tally().actors].sort((a, b) => b[1].count - a[1].count)[0] ?? [''];
    const filterFrom = performance.now();
    const kept = model.filter(order, { tagTypeIds: ['actor'], actorId }).length;
    const filtered = performance.now();
    model.order('date', 'descending');
    const sorted = performance.now();
    const heap = await keepOpen(model, { annotations: [], links: [], sets: [], actors: [], tagTypes: [...defaultTagTypes], relationTypes: [] }, observer);
    return {
      count: model.length,
      columns: read - start,
      model: made - read,
      firstScreen: screen - made,
      total: screen - start,
      filter: filtered - filterFrom,
      kept,
      sort: sorted - filtered,
      longestTask: Math.max(0, ...tasks),
      heapMB: heap,
    };
  },

  /// Opens the table as its screen does since table8: the first screen's
  /// rows by date read first (`readTableLead`: the earliest documents'
  /// records), a model of them drawn-ready with their text, while every
  /// document's record is read (`watchColumns`, asked once the lead is) and
  /// the whole model built in slices, as `openFromColumns`. The ms to the first
  /// screen and to the whole table, and the longest task before each.
  async openLead(): Promise<{
    count: number;
    leadRows: number;
    total: number;
    leadRead: number;
    firstScreen: number;
    firstTask: number;
    /// When every document's record was in (the whole table's read).
    read: number;
    whole: number;
    longestTask: number;
    heapMB: number | null;
  }> {
    if (!db) throw new RangeError('There is no library to read: call storeForTable first.');
    watching?.stop();
    const tasks: { at: number; ms: number }[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => tasks.push({ at: entry.startTime, ms: entry.duration })));
    observer.observe({ type: 'longtask' });
    const { defaultTagTypes } = await import('../../shared/annotation/model');
    const start = performance.now();
    const texts = new TextStore((keys) => readChunkTexts(db!, keys));
    // As the screen does: the whole table's columns asked for once the first screen's are read.
    const { runs, total } = await readTableLead(db, (id) => documents.get(id)?.meta.date, 100);
    const leadRead = performance.now();
    const whole = watchTable(texts);
    const first = new TableModel({ runs, texts, documents, actors: taggedActors(new ActorIndex([])), links: [], sets: [] }, { tagTypes: defaultTagTypes });
    await first.readText(first.filter(first.order('date', 'ascending'), {}).subarray(0, 30));
    const screen = performance.now();
    const update = await whole;
    const read = performance.now();
    const model = await TableModel.open(
      { runs: [...update.runs.values()], texts, documents, actors: taggedActors(new ActorIndex([])), links: [], sets: [] },
      { tagTypes: defaultTagTypes },
      { now: () => performance.now(), pause: nextTask },
    );
    // As the screen draws it: sorted by date, its filters listed with their counts.
    model.filter(model.order('date', 'ascending'), {});
    model.tally();
    const done = performance.now();
    // Checked after the clock: the first screen shown is the whole table's first.
    const [wholeOrder, firstOrder] = [model.order('date', 'ascending'), first.order('date', 'ascending')];
    for (let i = 0; i < 30; i++)
      if (model.id(wholeOrder[i]!) !== first.id(firstOrder[i]!)) throw new RangeError(`The first screen's row ${i} is not the whole table's.`);
    const heap = await keepOpen(model, { annotations: [], links: [], sets: [], actors: [], tagTypes: [...defaultTagTypes], relationTypes: [] }, observer);
    return {
      count: model.length,
      leadRows: first.length,
      total,
      leadRead: leadRead - start,
      firstScreen: screen - start,
      firstTask: Math.max(0, ...tasks.filter((t) => t.at < screen).map((t) => t.ms)),
      read: read - start,
      whole: done - start,
      longestTask: Math.max(0, ...tasks.map((t) => t.ms)),
      heapMB: heap,
    };
  },

  /// With the table open (`openFromColumns`), edits one annotation's note,
  /// or its tags, through annotation-rows as the reader does, and waits
  /// for the table's update: the ms from the write to the update heard, the
  /// chunks read again, and the ms to redraw-ready (a note: the chunk's text
  /// read again; tags: the model rebuilt from the columns in memory).
  async editWhileOpen(
    kind: 'note' | 'tags',
  ): Promise<{ write: number; heard: number; chunksRead: number; textOnly: boolean; ready: number; longestTask: number }> {
    if (!db || !watching || !opened) throw new RangeError('There is no open table: call openFromColumns first.');
    const model = opened.model;
    const id = model.id(Math.floor(model.length / 2));
    const row = model.row(Math.floor(model.length / 2));
    const annotation = (await rows.get(db, row.documentId, id))!;
    const edited =
      kind === 'note'
        ? { ...annotation, note: `Edited at ${Date.now()}` }
        : { ...annotation, tags: annotation.tags.includes('claim') ? ['economic-measure'] : ['claim'] };
    const tasks: number[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => tasks.push(entry.duration)));
    observer.observe({ type: 'longtask' });
    watching.updates.length = 0;
    const start = performance.now();
    await rows.put(db, [edited]);
    const written = performance.now();
    while (watching.updates.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    const heard = performance.now();
    const update = watching.updates[0]!;
    watching.texts.forget(update.chunks);
    let next = model;
    if (update.textOnly) {
      model.forgetRows();
      await model.readText(Uint32Array.of(Math.floor(model.length / 2)));
    } else {
      const { defaultTagTypes } = await import('../../shared/annotation/model');
      // Patched when the document holds the same rows (a tag changed), as the screen does.
      next =
        model.patch(update.documents, update.runs, { actors: taggedActors(new ActorIndex([])) }) ??
        new TableModel(
          { runs: [...update.runs.values()], texts: watching.texts, documents, actors: taggedActors(new ActorIndex([])), links: [], sets: [] },
          { tagTypes: defaultTagTypes },
        );
      next.filter(next.order('date', 'ascending'), {});
      opened = { ...opened, model: next };
    }
    const ready = performance.now();
    if (next.row(Math.floor(model.length / 2)).annotationId !== id && update.textOnly) throw new RangeError('The edited row moved.');
    await new Promise((resolve) => setTimeout(resolve, 50));
    observer.disconnect();
    return {
      write: written - start,
      heard: heard - start,
      chunksRead: update.chunks.length,
      textOnly: update.textOnly,
      ready: ready - start,
      longestTask: Math.max(0, ...tasks),
    };
  },

  /// Opens the table's model on `count` annotations made in memory, not
  /// read from IndexedDB (for drawing and scrolling a large table without
  /// minutes of writes first); resolves to the ms of the model.
  async openInMemory(count: number): Promise<number> {
    const annotations: Annotation[] = [];
    for (let at = 0; at < count; at += 50_000)
      annotations.push(...benchAnnotations(Math.min(50_000, count - at), 11 + at).map((a, i) => ({ ...a, id: `t${at + i}` })));
    const { defaultTagTypes } = await import('../../shared/annotation/model');
    const sources: TableSources = { annotations, links: [], sets: [], actors: [], tagTypes: [...defaultTagTypes], relationTypes: [] };
    const start = performance.now();
    const model = new TableModel({ ...sources, documents, actors: taggedActors(new ActorIndex([])) }, { tagTypes: sources.tagTypes });
    model.filter(model.order('date', 'ascending'), {});
    opened = { model, sources };
    return performance.now() - start;
  },

  /// Draws the opened model as the table screen does (its virtual list,
  /// sorted by date); resolves to the ms until the frame after.
  async drawTable(): Promise<number> {
    if (!opened) throw new RangeError('There is no table to draw: call openTable first.');
    const { model, sources } = opened;
    root?.unmount();
    document.body.replaceChildren();
    const host = document.createElement('div');
    host.className = 't-screen';
    host.style.cssText = 'height: 800px; display: flex; flex-direction: column';
    document.body.append(host);
    const names = {
      tagTypes: new Map(sources.tagTypes.map((t) => [t.id, t])),
      relations: new Map(sources.relationTypes.map((r) => [r.id, r.name])),
      sets: new Map(sources.sets.map((set) => [set.id, set.name])),
    };
    await nextFrame();
    const start = performance.now();
    root = createRoot(host);
    const rows = new RowList(model, model.order('date', 'ascending'));
    flushSync(() =>
      root!.render(
        createElement(AnnotationTable, {
          rows,
          names,
          sort: { column: 'date', direction: 'ascending' },
          onSort: () => {},
          chosen: new Set<string>(),
          selectedCount: 0,
          onToggle: () => {},
          onToggleAll: () => {},
          onOpen: () => {},
          empty: null,
        }),
      ),
    );
    await nextFrame();
    return performance.now() - start;
  },

  /// Scrolls the drawn table `step` px a frame for `frameCount` frames,
  /// then from top to bottom in `frameCount` frames, then jumps to the end;
  /// the page's long tasks in each, and the last row drawn against the
  /// rows there are.
  async scrollTable(
    step: number,
    frameCount: number,
  ): Promise<{ frames: number[]; longTasks: number[]; sweepTasks: number[]; lastDrawn: number; rows: number }> {
    const scroller = document.querySelector<HTMLElement>('[data-testid="table"]');
    if (!scroller) throw new RangeError('There is no table to scroll: call drawTable first.');
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => longTasks.push(entry.duration)));
    observer.observe({ type: 'longtask' });
    const frames: number[] = [];
    await new Promise<void>((resolve) => {
      let last = -1;
      const tick = (time: number) => {
        if (last >= 0) frames.push(time - last);
        last = time;
        scroller.scrollTop += step;
        if (frames.length >= frameCount) resolve();
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    // End to end, as a scrollbar dragged from top to bottom: each frame a
    // new stretch of rows, so nothing drawn before is reused.
    const sweep = longTasks.length;
    const room = scroller.scrollHeight - scroller.clientHeight;
    for (let i = 1; i <= frameCount; i++) {
      scroller.scrollTop = (i / frameCount) * room;
      await nextFrame();
    }
    const sweepTasks = longTasks.slice(sweep);
    for (let i = 0; i < 5; i++) {
      scroller.scrollTop = scroller.scrollHeight;
      await nextFrame();
    }
    observer.disconnect();
    const drawn = [...scroller.querySelectorAll('[data-testid="table-row"]')].map((row) => Number(row.getAttribute('data-index')));
    return { frames, longTasks: longTasks.slice(0, sweep), sweepTasks, lastDrawn: Math.max(-1, ...drawn), rows: opened!.model.length };
  },

  /// Deletes the library.
  async dropTable(): Promise<void> {
    watching?.stop();
    watching = null;
    if (!db) return;
    db.close();
    if (!kept) await db.delete();
    db = null;
  },
};
