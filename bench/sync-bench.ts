import { join } from 'node:path';
import * as Y from 'yjs';
import { buildNativeFile } from '../shared/format/native';
import { readLibrary, writeChanges } from '../shared/sync/mapping';
import { emptySharedLibrary } from '../shared/sync/model';
import { passage } from '../shared/sync/test-support/replica';
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
    const server = await startServer({ data: join(scratch(), 'sync.sqlite') });
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
  }
  const each = perClient.toLocaleString('en');
  const converge = result(`sync: 3 clients × ${each} annotations converge on reconnecting`, 'ms', times, 10_000, null);
  const sent = result('sync: bytes the 3 clients sent', 'bytes', bytes, nativeBytes * 3, { name: `native export of the ${count}`, median: nativeBytes });
  options.log(`${converge.name}: ${converge.median} ms; sent ${sent.median} bytes, native export ${nativeBytes} bytes`);
  return [converge, sent];
}

// `npx tsx bench/sync-bench.ts` runs it alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await syncBenches({ runs: Number(process.env.SYNC_BENCH_RUNS ?? 3), log: console.log });
  console.log(JSON.stringify(results, null, 2));
}
