import 'fake-indexeddb/auto';
import { resolve } from 'node:path';
const root = process.cwd();
const { register } = await import('node:module');
register(resolve(root, 'bench/vite-glob.mjs'), import.meta.url);
const { PalimpsestDb } = await import(resolve(root, 'renderer/store/db.ts'));
const { readListings, readStamps, writeListings, storeStamps } = await import(resolve(root, 'renderer/store/listings.ts'));
const { stampOf } = await import(resolve(root, 'renderer/store/db.ts'));
const { loadCorpus } = await import(resolve(root, 'shared/test-support/corpus.ts'));
// reuses the probe-5000 database? fake-indexeddb is in memory: rebuild
const words = 'the of archive letter ministry fond report committee minutes provincial secretary delegation'.split(' ');
let seed = 7;
const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const text = (n: number) => { let s = ''; while (s.length < n) s += words[Math.floor(rnd() * words.length)] + ' '; return s.slice(0, n); };
const bundled = loadCorpus();
async function build(n: number) {
  const name = `probe-${n}`;
  const db = new PalimpsestDb(name);
  await db.open();
  const docs = [], rows = [];
  for (let i = 0; i < n; i++) {
    const added = new Date(Date.UTC(2026, 0, 1) + Math.floor(i / 50) * 1000).toISOString();
    const meta = { kind: 'archival document', title: text(80), date: { start: { year: 1900 + (i % 100) } }, authors: [text(20)], citation: text(600), summary: text(1200),
      archive: text(40), fond: 'fond 89', folder: 'file 1071/10', pageRange: null, publisher: null, originalLanguage: null, translator: null, doi: null, url: null, entries: [] };
    const id = `doc-${i}`;
    docs.push({ id, fileName: `file-${i}.md`, format: 'markdown', blocks: [], pages: [], meta, fingerprint: `f${i}`, encoding: null, added });
    rows.push({ id, stamp: stampOf(added, 0), origin: 'imported', fileName: `file-${i}.md`, format: 'markdown', meta, fingerprint: `f${i}`, revision: 0, characters: 50000, pages: [], readsAs: 'en' });
  }
  for (let i = 0; i < n; i += 500) await db.documents.bulkAdd(docs.slice(i, i + 500));
  await writeListings(db, rows);
  await storeStamps(db);
  db.close();
  return name;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const name = await build(5000);
for (let run = 0; run < 5; run++) {
  const db = new PalimpsestDb(name);
  let t = performance.now(); await db.open(); const open = performance.now() - t;
  t = performance.now(); const s = await db.listingSnapshot.get('all'); const get = performance.now() - t;
  t = performance.now(); const l = await readListings(db); const read = performance.now() - t;
  t = performance.now(); await readStamps(db, bundled); const st = performance.now() - t;
  console.log({ open: open.toFixed(1), get: get.toFixed(1), readListings: read.toFixed(1), stamps: st.toFixed(1), n: l.listed.length });
  db.close();
}
