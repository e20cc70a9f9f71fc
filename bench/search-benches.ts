import { blockSeparator } from '../shared/document/model';
import { foldForSearch, foldTerm } from '../shared/search/fold';
import { contextLine } from '../shared/search/kwic';
import { SearchIndex } from '../shared/search/search-index';
import { seededRandom } from '../shared/random';
import { type Result, quantile, result, timeRuns } from './measure';
import { loadCorpus } from '../shared/test-support/corpus';
import { memoryMB } from './heap';

/// The full-text search benchmark (issue 5: ≤ 30 ms a query over a corpus of
/// 1,000 documents, ~50 MB, after indexing), in Node on the shared/ engine
/// the search worker runs, beside a plain scan of the folded texts measured
/// in the same run.

const documentCount = 1_000;
const documentChars = 50_000;
const pageSize = 100;

/// The queries, one of each kind a researcher types.
const queries: { kind: string; query: string }[] = [
  { kind: 'rare word', query: 'wheat' },
  { kind: 'common word', query: 'the' },
  { kind: 'diacritic word', query: 'dvorak' },
  { kind: 'phrase', query: '"soviet leaders"' },
  { kind: 'common phrase', query: '"of the"' },
  { kind: 'prefix', query: 'sino*' },
  { kind: 'short prefix', query: 'co*' },
  { kind: 'two words', query: 'khrushchev albania' },
];

// Invented surnames and place names, so the corpus has the tens of
// thousands of distinct words (and the diacritics) a real one of this size
// has, rather than the seeds' three thousand repeated.
const syllables = [
  'ko',
  'vač',
  'më',
  'hil',
  'li',
  'dvo',
  'řák',
  'sha',
  'nu',
  'ro',
  'vić',
  'ski',
  'ov',
  'ła',
  'gę',
  'ćo',
  'zsé',
  'bö',
  'ar',
  'ten',
  'mir',
  'dža',
  'шев',
  'ко',
  'вич',
  'ла',
];

function inventedWord(next: () => number): string {
  let word = '';
  const length = 2 + Math.floor(next() * 3);
  for (let i = 0; i < length; i++) word += syllables[Math.floor(next() * syllables.length)]!;
  return word[0]!.toUpperCase() + word.slice(1);
}

/// A deterministic corpus of `count` canonical texts of about `chars`
/// characters each: the seeds' paragraphs drawn at random (seeded), a tenth
/// of them carrying an invented name or a folio number, joined as canonical
/// texts join blocks.
export function searchCorpus(count = documentCount, chars = documentChars, seed = 11): { id: string; text: string }[] {
  const paragraphs = [...loadCorpus().values()].flatMap((d) => d.text.text.split(blockSeparator)).filter((p) => p.trim().length > 0);
  const next = seededRandom(seed);
  const corpus: { id: string; text: string }[] = [];
  for (let k = 0; k < count; k++) {
    const blocks: string[] = [];
    let size = 0;
    while (size < chars) {
      let paragraph = paragraphs[Math.floor(next() * paragraphs.length)]!;
      if (next() < 0.1) paragraph = `${inventedWord(next)} (f. ${Math.floor(next() * 100_000)}): ${paragraph}`;
      blocks.push(paragraph);
      size += paragraph.length + blockSeparator.length;
    }
    corpus.push({ id: `doc-${k}`, text: blocks.join(blockSeparator) });
  }
  return corpus;
}

/// The peer: no index but the folded texts (and their maps) held in memory;
/// a query is a regular expression run over every one of them, whose first
/// `limit` matches are mapped back and given their context lines.
class ScanPeer {
  private readonly folded: { id: string; text: string; folded: string; toOriginal: Int32Array }[];

  constructor(corpus: readonly { id: string; text: string }[]) {
    this.folded = corpus.map(({ id, text }) => ({ id, text, ...renameFolded(foldForSearch(text)) }));
  }

  search(query: string, limit: number): number {
    const patterns = peerPatterns(query);
    let total = 0;
    let listed = 0;
    for (const document of this.folded) {
      const found = patterns.map((p) => [...document.folded.matchAll(p)]);
      if (found.some((f) => f.length === 0)) continue;
      for (const matches of found) {
        total += matches.length;
        for (const m of matches) {
          if (listed >= limit) break;
          listed++;
          const start = document.toOriginal[m.index]!;
          const end = document.toOriginal[m.index + m[0].length]!;
          contextLine(document.text, start, end);
        }
      }
    }
    return total;
  }
}

function renameFolded(folded: { text: string; toOriginal: Int32Array }): { folded: string; toOriginal: Int32Array } {
  return { folded: folded.text, toOriginal: folded.toOriginal };
}

// One regular expression per clause of the benchmark's queries: words
// between word boundaries, a phrase's words with separators between them,
// a prefix followed by any word characters.
function peerPatterns(query: string): RegExp[] {
  const word = (w: string) => (w.endsWith('*') ? `${escapeRegExp(foldTerm(w.slice(0, -1)))}[\\p{L}\\p{N}]*` : escapeRegExp(foldTerm(w)));
  const clauses = query.startsWith('"') ? [query.slice(1, -1).split(' ').map(word).join('[^\\p{L}\\p{N}]+')] : query.split(' ').map(word);
  return clauses.map((c) => new RegExp(`(?<![\\p{L}\\p{N}])${c}(?![\\p{L}\\p{N}])`, 'gu'));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/// Index build time and memory, and each query kind's latency, with the
/// plain scan's latency and the ratio.
export async function searchBenches(options: { runs: number; log: (line: string) => void }): Promise<Result[]> {
  const { runs, log } = options;
  log(`building a search corpus of ${documentCount} documents…`);
  const corpus = searchCorpus();
  const chars = corpus.reduce((sum, d) => sum + d.text.length, 0);
  const results: Result[] = [];

  let index = new SearchIndex();
  const buildTimes: number[] = [];
  // Memory is measured around the first build only: the typed arrays of a
  // dropped index are released some time after the collection that finds
  // them dead, so a later run's baseline would still hold the last index.
  const before = memoryMB();
  let heap = 0;
  // Fewer runs of the build: each takes seconds, and its spread is small.
  for (let run = 0; run < Math.min(runs, 3); run++) {
    index = new SearchIndex();
    const start = performance.now();
    for (const { id, text } of corpus) index.add(id, text);
    buildTimes.push(performance.now() - start);
    if (run === 0) heap = memoryMB() - before;
  }
  const stats = index.stats;
  const note = `${stats.documents} documents, ${(chars / 1e6).toFixed(1)} M characters, ${(stats.words / 1e6).toFixed(2)} M words, ${stats.vocabulary} distinct; index ${heap.toFixed(0)} MB beside the texts; measured in Node (the app builds it in a Web Worker, off the main thread)`;
  results.push(result(`search: index ${documentCount} documents (~${Math.round(chars / 1e6)} MB)`, 'ms', buildTimes, 10_000, null, note));
  log(`search index: median ${quantile(buildTimes, 0.5).toFixed(0)} ms, ${heap.toFixed(0)} MB; ${note}`);

  const peer = new ScanPeer(corpus);
  for (const { kind, query } of queries) {
    let total = 0;
    let peerTotal = 0;
    // Many runs: a query takes milliseconds, and the target is on p95.
    const times = await timeRuns(Math.max(runs, 20), () => {
      total = index.search(query, { limit: pageSize }).total;
    });
    const peerTimes = await timeRuns(runs, () => {
      peerTotal = peer.search(query, pageSize);
    });
    results.push(
      result(
        `search: ${kind} (${query}), ${documentCount} documents`,
        'ms',
        times,
        30,
        { name: 'regular expression over the folded texts', median: quantile(peerTimes, 0.5) },
        `${total} hits (the scan: ${peerTotal}); first ${pageSize} listed`,
      ),
    );
    log(
      `search ${query}: median ${quantile(times, 0.5).toFixed(2)} ms, p95 ${quantile(times, 0.95).toFixed(2)} ms, ${total} hits; scan ${quantile(peerTimes, 0.5).toFixed(1)} ms, ${peerTotal} hits`,
    );
  }
  return results;
}
