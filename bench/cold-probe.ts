/// A probe of the scale benchmark's "first query after a cold start" row
/// alone: `n` of the search benchmark's documents (300 unless given) kept
/// by a PersistentIndex in fake-indexeddb, then read back by a new one as
/// at a launch (no background reading) and asked one query, three times
/// each for a word and a phrase. Seconds, not minutes, so a change to the
/// kept index can be measured before and after in the same conditions:
/// `npx tsx bench/cold-probe.ts [n]`.
import 'fake-indexeddb/auto';
import { IndexDb, PersistentIndex } from '../renderer/search/index-store';
import { searchCorpus } from './search-benches';

const n = Number(process.argv[2] ?? 300);
const texts = searchCorpus(n, 50_000, 7).map((t) => ({ ...t, revision: 'r' }));
const name = `cold-probe-${n}`;
const index = new PersistentIndex(new IndexDb(name));
for (let i = 0; i < texts.length; i += 20) await index.add(texts.slice(i, i + 20));
for (const query of ['wheat', '"of the"', 'wheat', '"of the"', 'wheat', '"of the"']) {
  const start = performance.now();
  const reopened = new PersistentIndex(new IndexDb(name), { warm: false });
  await reopened.open();
  const open = performance.now() - start;
  await reopened.search(query, { limit: 100 });
  console.log(`${query.padEnd(10)} index read back in ${open.toFixed(0)} ms, answered ${(performance.now() - start).toFixed(0)} ms after the launch`);
}
