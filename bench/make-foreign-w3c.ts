// Writes a W3C file of N passages of the article (half verbatim, half
// shuffled words found nowhere), without positions, for timing the CLI:
//   npx tsx bench/make-foreign-w3c.ts N out.json
//   npm run --silent cli -- anchor --annotations out.json \
//     --document corpus/edemskiy-final-break-moscow-tirana-balcanica-2019.md
import { writeFileSync } from 'node:fs';
import { loadCorpus, seed, seedIds } from '../shared/test-support/corpus';

const n = Number(process.argv[2] ?? 10000);
const article = seed(loadCorpus(), seedIds.article).text.text;
const words = article.split(/\s+/).filter(Boolean);
let s = 1;
const rand = () => ((s = (s * 1103515245 + 12345) % 2 ** 31), s / 2 ** 31);
const items = [];
for (let i = 0; i < n; i++) {
  const at = Math.floor(rand() * (article.length - 200));
  const exact = i % 2 === 0 ? article.slice(at, at + 60) : Array.from({ length: 10 }, () => words[Math.floor(rand() * words.length)]).join(' ');
  items.push({ id: `http://e.org/${i}`, type: 'Annotation', target: { source: 'http://e.org/x', selector: { type: 'TextQuoteSelector', exact } } });
}
writeFileSync(process.argv[3]!, JSON.stringify(items));
