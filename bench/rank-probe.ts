/// A probe of the scale benchmark's peer row alone: SearchIndex.rank and
/// FlexSearch built over the same 100 texts (or `n`) and asked the same 8 queries,
/// each query's median and p95 and the p95 of all (after 3 warm-up calls
/// each). Seconds, not minutes, so a change to ranking can be measured
/// before and after in the same conditions: `npx tsx bench/rank-probe.ts [n]`.
/// Beside, each engine's memory: the heap's growth over its build (and for
/// ours its postings, built at the first ranking), after full collections,
/// in this process that holds nothing else, each read once the freed
/// buffers are let go (see settledMemoryMB). `npx tsx bench/rank-probe.ts
/// [n] twin` builds beside them a twin of ours that keeps only the pairs of
/// two common words (see keptPairs), asked the same queries in turn.
import FlexSearch from 'flexsearch';
import { SearchIndex } from '../shared/search/search-index';
import { searchCorpus } from './search-benches';
import { quantile } from './measure';
import { settledMemoryMB } from './heap';
import { scaleQueries } from './scale-queries';
import { loadavg } from 'node:os';

const queries = scaleQueries;
const texts = searchCorpus(Number(process.argv[2] ?? 100), 50_000, 29);
const start = await settledMemoryMB();
let t = performance.now();
const ours = new SearchIndex();
for (const x of texts) ours.add(x.id, x.text);
const buildOurs = performance.now() - t;
ours.rank('wheat', 1);
const afterOurs = await settledMemoryMB();
t = performance.now();
const flex = new FlexSearch.Index({ tokenize: 'forward', encoder: FlexSearch.Charset.LatinBalance });
texts.forEach((x, i) => flex.add(i, x.text));
const buildFlex = performance.now() - t;
const afterFlex = await settledMemoryMB();
const twin = process.argv[3] === 'twin' ? new SearchIndex({ pairsFrom: Number.POSITIVE_INFINITY }) : null;
if (twin) for (const x of texts) twin.add(x.id, x.text);
twin?.rank('wheat', 1);
const afterTwin = await settledMemoryMB();
console.log(`${texts.length} texts, load ${loadavg()[0]!.toFixed(1)}`);
console.log(`build ours ${buildOurs.toFixed(0)} ms, flex ${buildFlex.toFixed(0)} ms`);
const all: number[] = [];
const allFlex: number[] = [];
const allTwin: number[] = [];
for (const q of queries) {
  const times: number[] = [];
  const ft: number[] = [];
  const tt: number[] = [];
  for (let r = 0; r < 60; r++) {
    let s = performance.now();
    const ids = ours.rank(q, 100);
    times.push(performance.now() - s);
    s = performance.now();
    flex.search(q.replaceAll('"', '').replaceAll('*', ''), { limit: 100 });
    ft.push(performance.now() - s);
    if (!twin) continue;
    s = performance.now();
    const same = twin.rank(q, 100);
    tt.push(performance.now() - s);
    if (same.join() !== ids.join()) throw new RangeError(`The twin ranked ${q} otherwise.`);
  }
  all.push(...times.slice(3));
  allFlex.push(...ft.slice(3));
  allTwin.push(...tt.slice(3));
  const twinMedian = twin ? ` | twin median ${(1000 * quantile(tt, 0.5)).toFixed(0)} µs` : '';
  console.log(
    `${q.padEnd(22)} ours median ${(1000 * quantile(times, 0.5)).toFixed(0)} µs p95 ${(1000 * quantile(times, 0.95)).toFixed(0)} µs | flex median ${(1000 * quantile(ft, 0.5)).toFixed(0)} µs${twinMedian}`,
  );
}
const twinAll = twin ? `, twin ${(1000 * quantile(allTwin, 0.95)).toFixed(0)} µs` : '';
console.log(`p95 all: ours ${(1000 * quantile(all, 0.95)).toFixed(0)} µs, flex ${(1000 * quantile(allFlex, 0.95)).toFixed(0)} µs${twinAll}`);
const twinMemory = twin ? `, twin ${(afterTwin - afterFlex).toFixed(1)} MB` : '';
console.log(`memory: ours ${(afterOurs - start).toFixed(1)} MB, flex ${(afterFlex - afterOurs).toFixed(1)} MB${twinMemory} (load ${loadavg()[0]!.toFixed(1)})`);
