/// A probe of the scale benchmark's search rows alone, at any size:
/// `npx tsx bench/scale-search-probe.ts [n] [cold]`. The scale bench's
/// corpus (`n` texts of ~50,000 characters, 1,000 unless given) indexed in
/// memory by a SearchIndex, then the 8 query kinds asked 20 rounds through
/// `search` (limit 100, positions and context lines), each kind's median
/// and the p95 of all; with `cold`, also kept by a PersistentIndex in
/// fake-indexeddb and read back by a new one as at a launch (no background
/// reading), the first query timed from the launch, three times. Minutes,
/// not the 20 of `--scale-library`, so a change can be measured before and
/// after in the same conditions.
import 'fake-indexeddb/auto';
import { loadavg } from 'node:os';
import { IndexDb, PersistentIndex } from '../renderer/search/index-store';
import { SearchIndex } from '../shared/search/search-index';
import { quantile } from './measure';
import { searchCorpus } from './search-benches';
import { scaleQueries } from './scale-queries';

const queries = scaleQueries;
const n = Number(process.argv[2] ?? 1000);
const cold = process.argv[3] === 'cold';
const load = () => loadavg()[0]!.toFixed(1);
const texts = searchCorpus(n, 50_000, 29);
console.log(`${n} documents, load ${load()}`);
let t = performance.now();
// In a function, so that the in-memory index is let go before the launch.
function inMemory(): void {
  t = performance.now();
  const index = new SearchIndex();
  for (const x of texts) index.add(x.id, x.text);
  console.log(`built in memory in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  // The postings a launch builds in the background (absent before search6).
  if ('prepare' in index) {
    t = performance.now();
    (index as { prepare(): void }).prepare();
    console.log(`postings built in ${(performance.now() - t).toFixed(0)} ms`);
  }
  const all: number[] = [];
  const each = new Map<string, number[]>(queries.map((q) => [q, []]));
  for (let round = -1; round < 20; round++) {
    for (const query of queries) {
      const s = performance.now();
      const results = index.search(query, { limit: 100 });
      const ms = performance.now() - s;
      if (round < 0) console.log(`  ${query.padEnd(20)} ${results.total} in ${results.documents.length} documents`);
      else {
        all.push(ms);
        each.get(query)!.push(ms);
      }
    }
  }
  for (const [query, times] of each)
    console.log(`${query.padEnd(20)} median ${quantile(times, 0.5).toFixed(2)} ms, p95 ${quantile(times, 0.95).toFixed(2)} ms`);
  console.log(`search p95 over the 8 kinds: ${quantile(all, 0.95).toFixed(1)} ms (load ${load()})`);
}
inMemory();

if (cold) {
  // The index that stores is let go: a launch's process holds only what
  // it reads back.
  const name = `scale-search-probe-${n}`;
  t = performance.now();
  let kept: PersistentIndex | null = new PersistentIndex(new IndexDb(name), { warm: false });
  for (let i = 0; i < texts.length; i += 20) await kept.add(texts.slice(i, i + 20));
  kept = null;
  console.log(`built and stored in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  for (const query of ['wheat', '"of the"', 'wheat', '"of the"', '"soviet leaders"']) {
    const start = performance.now();
    const reopened = new PersistentIndex(new IndexDb(name), { warm: false });
    await reopened.open();
    const open = performance.now() - start;
    await reopened.search(query, { limit: 100 });
    console.log(
      `${query.padEnd(18)} read back in ${open.toFixed(0)} ms, answered ${(performance.now() - start).toFixed(0)} ms after the launch (load ${load()})`,
    );
  }
}
