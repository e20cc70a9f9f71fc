// Times planImport on a generated W3C file of N annotations with no
// document id (a web page's, no position): half quote the article
// verbatim, half are its words shuffled, found nowhere. Not part of
// `npm run bench`: npx tsx bench/import-anchoring.ts N
import { defaultTagTypes } from '../shared/annotation/model';
import { planImport } from '../shared/format/merge';
import { readAnnotationFile } from '../shared/format/read';
import { loadCorpus, seed, seedIds } from '../shared/test-support/corpus';

const n = Number(process.argv[2] ?? 10000);
const corpus = loadCorpus();
const article = seed(corpus, seedIds.article).text.text;
const words = article.split(/\s+/).filter(Boolean);
let s = 1;
const rand = () => ((s = (s * 1103515245 + 12345) % 2 ** 31), s / 2 ** 31);
const items = [];
for (let i = 0; i < n; i++) {
  let exact: string;
  if (i % 2 === 0) {
    const at = Math.floor(rand() * (article.length - 200));
    exact = article.slice(at, at + 60);
  } else {
    // Words of the article in a random order: found nowhere.
    exact = Array.from({ length: 10 }, () => words[Math.floor(rand() * words.length)]).join(' ');
  }
  items.push({ id: `http://e.org/${i}`, type: 'Annotation', target: { source: 'http://e.org/x', selector: { type: 'TextQuoteSelector', exact } } });
}
const json = JSON.stringify(items);
const t0 = performance.now();
const batch = readAnnotationFile(json, { tagTypes: defaultTagTypes }, new Date());
const t1 = performance.now();
const plan = planImport(batch, corpus, { annotations: new Map(), tagTypes: defaultTagTypes });
const t2 = performance.now();
const reasons = new Map<string, number>();
for (const u of plan.unplaced) reasons.set(u.reason, (reasons.get(u.reason) ?? 0) + 1);
console.log(
  `${n} annotations (${(json.length / 1e6).toFixed(1)} MB): read ${(t1 - t0).toFixed(0)} ms, plan ${(t2 - t1).toFixed(0)} ms; added ${plan.add.length}, fuzzy ${plan.fuzzy}, unplaced ${plan.unplaced.length}`,
);
for (const [r, c] of reasons) console.log(`  ${c} × ${r}`);
