import 'fake-indexeddb/auto';
import { register } from 'node:module';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { buildNativeFile } from '../shared/format/native';
import { readLibrary, writeChanges } from '../shared/sync/mapping';
import { emptySharedLibrary } from '../shared/sync/model';
import { passage } from '../shared/sync/test-support/replica';
import { randomAnnotations, scaledDocument } from '../shared/test-support/synthetic';
import { tokenFor } from '../server/tokens';
import { connect, scratch, startServer, testKey, until } from '../server/test-support/processes';
import { type Result, result } from './measure';

/// Three researchers, 1,000 annotations each made offline, reconnect to a
/// real sync server (a process on a free port): the time until all three
/// hold all 3,000, and the bytes they sent, beside the size of a native
/// export of the same 3,000. `perClient` reduces it for `--quick`.
export async function syncBenches(options: { runs: number; perClient?: number; log: (line: string) => void }): Promise<Result[]> {
  const perClient = options.perClient ?? 1000;
  const total = perClient * 3;
  const count = total.toLocaleString('en');
  const times: number[] = [];
  const bytes: number[] = [];
  let nativeBytes = 0;
  for (let run = 0; run < options.runs; run++) {
    const folder = scratch();
    const server = await startServer({ data: join(folder, 'sync.sqlite') });
    const project = `bench-${run}`;
    const docs = [0, 1, 2].map((i) => {
      const doc = new Y.Doc();
      const after = emptySharedLibrary();
      for (let n = 0; n < perClient; n++) after.annotations.push(passage(`r${i}-${n}`, 'fo-brief', n * 7, ['claim'], `A note on passage ${n}.`));
      writeChanges(doc, emptySharedLibrary(), after, { by: { id: `machine-${i}`, name: `Researcher ${i}` }, at: new Date().toISOString() });
      return doc;
    });
    const started = performance.now();
    const clients = docs.map((doc) => connect(server.url, project, tokenFor(testKey, project, 'edit'), doc));
    // Counted in the doc's own map, so the polling costs little beside what it measures.
    await until(() => clients.every((c) => c.doc.getMap('annotations').size === total), 30_000, 'all three to converge');
    times.push(performance.now() - started);
    bytes.push(clients.reduce((sum, c) => sum + c.sent(), 0));
    const annotations = readLibrary(docs[0]!).annotations;
    if (annotations.length !== total) throw new Error(`The bench's first client holds ${annotations.length} annotations, not ${total}.`);
    nativeBytes = JSON.stringify(
      buildNativeFile({ annotations, tagTypes: [], documents: new Map(), scope: { kind: 'all' }, exported: new Date(), missingDocuments: 'keep' }),
    ).length;
    for (const c of clients) c.close();
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  }
  const each = perClient.toLocaleString('en');
  const converge = result(`sync: 3 clients × ${each} annotations converge on reconnecting`, 'ms', times, 10_000, null);
  const sent = result('sync: bytes the 3 clients sent', 'bytes', bytes, nativeBytes * 3, { name: `native export of the ${count}`, median: nativeBytes });
  options.log(`${converge.name}: ${converge.median} ms; sent ${sent.median} bytes, native export ${nativeBytes} bytes`);
  const roundTrips = await roundTripBenches({ runs: options.perClient === undefined ? 5 : 3, quick: options.perClient !== undefined, log: options.log });
  return [converge, sent, ...roundTrips];
}

/// One note edit's round trip in a shared project (issue 19): two
/// machines' stores (fake-indexeddb) bound to two Y.Docs that pass each
/// update to the other at once, as a connected server would, holding a
/// small library and one ten times larger (documents of ~50,000
/// characters, 100 annotations each). Timed from the note written on one
/// machine until the other's store holds it, both round trips run at once
/// (`settled`, without the 150 ms wait for a burst of typing to end); the
/// large library's figure is read as a ratio to the small one's.
export async function roundTripBenches(options: { runs: number; quick?: boolean; log: (line: string) => void }): Promise<Result[]> {
  // The binding loads the store, whose bundled corpus Vite would inline:
  // the module hook reads it instead (as bench/main.ts does for scale).
  register('./vite-glob.mjs', import.meta.url);
  const { SyncBinding } = await import('../renderer/sync/binding');
  const { PalimpsestDb } = await import('../renderer/store/db');
  const { AnnotationStore } = await import('../renderer/store/annotations');
  const rows = await import('../renderer/store/annotation-rows');
  const text = scaledDocument(Number(process.env.SYNC_BENCH_TEXT ?? 50_000));
  const sizes = process.env.SYNC_BENCH_SIZES?.split(',').map(Number) ?? (options.quick ? [10, 100] : [100, 1000]);
  const medians: number[] = [];
  const results: Result[] = [];
  for (const documents of sizes) {
    const machines = ['a', 'b'].map((name) => {
      const db = new PalimpsestDb(`sync-round-trip-${name}-${documents}-${Date.now()}`);
      const doc = new Y.Doc();
      const binding = new SyncBinding(
        db,
        doc,
        () => ({ id: `machine-${name}`, name }),
        (error) => options.log(`round trip failed: ${error.message}`),
      );
      return { db, doc, binding };
    });
    const [a, b] = machines as [(typeof machines)[0], (typeof machines)[0]];
    a.doc.on('update', (update: Uint8Array, origin: unknown) => origin !== 'wire' && Y.applyUpdate(b.doc, update, 'wire'));
    b.doc.on('update', (update: Uint8Array, origin: unknown) => origin !== 'wire' && Y.applyUpdate(a.doc, update, 'wire'));
    const ids = Array.from({ length: documents }, (_, d) => `doc-${String(d).padStart(5, '0')}`);
    await a.db.documents.bulkPut(
      ids.map((id) => ({
        id,
        fileName: `${id}.md`,
        format: 'markdown' as const,
        blocks: text.blocks,
        pages: [],
        meta: text.meta,
        fingerprint: text.fingerprint,
        encoding: null,
        added: '2026-12-01T10:00:00.000Z',
      })),
    );
    const annotations = ids.flatMap((documentId, d) =>
      randomAnnotations(text, 100, d + 1).map((annotation, i) => ({ ...annotation, id: `${documentId}-${i}`, documentId })),
    );
    await rows.put(a.db, annotations);
    const joined = performance.now();
    await a.binding.start();
    await b.binding.start();
    const quiet = async () => {
      for (let round = 0; round < 3; round++) for (const m of machines) await m.binding.settled();
    };
    await quiet();
    const count = (await rows.countsByDocument(b.db)).size;
    if (count !== documents) throw new Error(`The second machine holds annotations on ${count} documents, not ${documents}.`);
    options.log(`sync round trip: ${documents} documents, ${annotations.length} annotations joined in ${Math.round(performance.now() - joined)} ms`);
    const store = new AnnotationStore(a.db);
    const times: number[] = [];
    for (let run = 0; run <= options.runs; run++) {
      const target = annotations[(run * 7919) % annotations.length]!;
      const note = `Edited in run ${run}.`;
      const started = performance.now();
      await store.update(target, { note });
      const edited = performance.now();
      await a.binding.settled();
      const sent = performance.now();
      await b.binding.settled();
      if (process.env.SYNC_BENCH_TRACE)
        options.log(`  edit ${Math.round(edited - started)} ms, sent ${Math.round(sent - edited)} ms, received ${Math.round(performance.now() - sent)} ms`);
      const there = await rows.get(b.db, target.documentId, target.id);
      const took = performance.now() - started;
      if (there?.note !== note) throw new Error(`The second machine did not receive run ${run}'s note.`);
      // The first run warms up; each waits for the last one's echoes.
      if (run > 0) times.push(took);
      await quiet();
    }
    for (const m of machines) {
      m.binding.stop();
      m.db.close();
      await m.db.delete();
    }
    const small = medians[0];
    const row = result(
      `sync: one note edit's round trip, ${documents.toLocaleString('en')} documents, ${annotations.length.toLocaleString('en')} annotations`,
      'ms',
      times,
      small === undefined ? 1000 : small * 2,
      small === undefined ? null : { name: `the ${sizes[0]}-document library`, median: small },
    );
    medians.push(row.median);
    options.log(`${row.name}: ${row.median} ms${row.ratio === null ? '' : ` (${row.ratio}× the small library)`}`);
    results.push(row);
  }
  return results;
}

// `npx tsx bench/sync-bench.ts` runs it alone; `SYNC_BENCH=round-trip`
// runs the round trip rows alone, `SYNC_BENCH_QUICK=1` at a tenth the size,
// `SYNC_BENCH_SIZES=30,300` at those numbers of documents, with
// `SYNC_BENCH_TEXT` characters each; `SYNC_BENCH_TRACE=1` logs each run's
// edit, sending and receiving apart.
if (import.meta.url === `file://${process.argv[1]}`) {
  const runs = Number(process.env.SYNC_BENCH_RUNS ?? 3);
  const results = [
    ...(process.env.SYNC_BENCH === 'round-trip' ? [] : await syncBenches({ runs, log: console.log })),
    ...(await roundTripBenches({ runs: Number(process.env.SYNC_BENCH_RUNS ?? 5), quick: process.env.SYNC_BENCH_QUICK === '1', log: console.log })),
  ];
  console.log(JSON.stringify(results, null, 2));
}
