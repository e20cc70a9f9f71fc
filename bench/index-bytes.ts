/// Where a built SearchIndex's memory lies, by structure: the bytes of the
/// typed arrays each document and the postings hold, over
/// `rank-probe`'s texts (`npx tsx bench/index-bytes.ts [n]`), beside the
/// heap's settled growth over the build (see settledMemoryMB). Arrays that
/// are views of one buffer are counted once, by their buffer.
import { SearchIndex } from '../shared/search/search-index';
import { searchCorpus } from './search-benches';
import { settledMemoryMB } from './heap';
import { loadavg } from 'node:os';

const texts = searchCorpus(Number(process.argv[2] ?? 100), 50_000, 29);
const start = await settledMemoryMB();
const ours = new SearchIndex();
for (const x of texts) ours.add(x.id, x.text);
ours.rank('wheat', 1);
const settled = (await settledMemoryMB()) - start;

const sizes = new Map<string, number>();
const seen = new Set<ArrayBufferLike>();
// Adds the bytes of `value` (a typed array, or an array or map of them)
// under `label`, each buffer once.
function add(label: string, value: unknown): void {
  if (ArrayBuffer.isView(value)) {
    if (seen.has(value.buffer)) return;
    seen.add(value.buffer);
    sizes.set(label, (sizes.get(label) ?? 0) + value.buffer.byteLength);
  } else if (Array.isArray(value)) for (const v of value) add(label, v);
  else if (value instanceof Map) for (const v of value.values()) add(label, v);
}
// biome-ignore lint/suspicious/noExplicitAny: a probe reads private fields.
const index = ours as any;
let words = 0;
for (const document of index.documents.values()) {
  words += document.length;
  for (const field of Object.keys(document)) if (field !== 'text') add(`document.${field}`, document[field]);
}
for (const field of Object.keys(index.postings)) add(`postings.${field}`, index.postings[field]);
add('vocabulary', Object.values(index.vocabulary));
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
let total = 0;
for (const [label, bytes] of [...sizes].sort((a, b) => b[1] - a[1])) {
  total += bytes;
  console.log(`${label.padEnd(28)} ${mb(bytes).padStart(6)} MB`);
}
console.log(`typed arrays ${mb(total)} MB of ${settled.toFixed(1)} MB settled; ${texts.length} texts, ${words} words, load ${loadavg()[0]!.toFixed(1)}`);
