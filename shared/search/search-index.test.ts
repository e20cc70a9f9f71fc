import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockSeparator } from '../document/model';
import { loadCorpus, seed, seedIds } from '../test-support/corpus';
import { foldForSearch, foldTerm } from './fold';
import type { SearchResults } from './results';
import { SearchIndex } from './search-index';

const corpus = loadCorpus();
const textOf = (id: string) => seed(corpus, id).text.text;

/// A fresh index of the five seeds, in the corpus's order.
function seedIndex(): SearchIndex {
  const index = new SearchIndex();
  for (const document of corpus.values()) index.add(document.id, document.text.text);
  return index;
}

const index = seedIndex();
const all = { limit: 100_000 };

/// Every listed hit as [document id, the canonical text it points at].
function slices(results: SearchResults): [string, string][] {
  return results.documents.flatMap((d) => d.hits.map((h): [string, string] => [d.documentId, textOf(d.documentId).slice(h.start, h.end)]));
}

/// How often `pattern` (written against folded text) occurs in each seed's
/// folded canonical text, between word boundaries; documents without it left out.
function scanCounts(pattern: string): Record<string, number> {
  const regex = new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'gu');
  const counts: Record<string, number> = {};
  for (const document of corpus.values()) {
    const n = [...foldForSearch(document.text.text).text.matchAll(regex)].length;
    if (n > 0) counts[document.id] = n;
  }
  return counts;
}

function counts(results: SearchResults): Record<string, number> {
  return Object.fromEntries(results.documents.map((d) => [d.documentId, d.count]));
}

describe('SearchIndex on the seed corpus', () => {
  it('finds "Mehilli" as "Mëhilli", showing the name with its diacritics in the line', () => {
    const results = index.search('Mehilli', all);
    expect(results.total).toBe(2);
    expect(results.documents.map((d) => d.documentId)).toEqual([seedIds.article]);
    const hits = results.documents[0]!.hits;
    expect(hits.map((h) => h.match)).toEqual(['Mëhilli', 'Mëhilli']);
    expect(hits[0]!.after).toMatch(/^, From Stalin to Mao/);
    expect(slices(results).map(([, s]) => s)).toEqual(['Mëhilli', 'Mëhilli']);
  });

  it('finds "dvorak" in every spelling of the ambassador\'s name', () => {
    const results = index.search('dvorak', all);
    expect(results.documents.map((d) => d.documentId)).toEqual([seedIds.czechMemo]);
    expect(results.documents[0]!.hits.map((h) => h.match)).toEqual(['Dvorak', 'Dvořàk', 'Dvoràk']);
    expect(results.documents[0]!.hits[1]!.before).toMatch(/Luncheon Given by Richard $/);
  });

  it('finds "carcani" as the Albanian "Çarçani"', () => {
    const results = index.search('carcani', all);
    expect(slices(results)).toEqual([[seedIds.albanianReport, 'Çarçani']]);
  });

  it('finds a rare word once, in its sentence', () => {
    const results = index.search('wheat', all);
    expect(results.total).toBe(1);
    const hit = results.documents[0]!.hits[0]!;
    expect(results.documents[0]!.documentId).toBe(seedIds.article);
    expect(hit).toMatchObject({ match: 'wheat' });
    expect(hit.before).toMatch(/50 thousand tons of $/);
    expect(hit.after).toMatch(/^ to be shipped to Albania/);
  });

  it('finds a word however it is cased, and only as a whole word', () => {
    const results = index.search('ALBANIA', all);
    expect(counts(results)).toEqual(scanCounts('albania'));
    expect(new Set(slices(results).map(([, s]) => s))).toEqual(new Set(['Albania']));
  });

  it('finds a phrase, as often as its words stand together in one paragraph', () => {
    const results = index.search('"soviet leaders"', all);
    expect(counts(results)).toEqual(scanCounts('soviet leaders'));
    for (const [, s] of slices(results)) expect(s).toMatch(/^soviet\s+leaders$/i);
  });

  it('finds a name the tokenizer splits ("Ri Song-un", "Ri Song Un") by a phrase of its parts', () => {
    const results = index.search('"Ri Song-un"', all);
    expect(new Set(slices(results).map(([, s]) => s))).toEqual(new Set(['Ri Song-un', 'Ri Song Un']));
    expect(index.search('"ri song un"', all).total).toBe(results.total);
  });

  it('finds every word with a prefix', () => {
    const results = index.search('sino*', all);
    expect(counts(results)).toEqual(scanCounts('sino[\\p{L}\\p{N}]*'));
    for (const [, s] of slices(results)) expect(foldTerm(s).startsWith('sino')).toBe(true);
  });

  it("lists only documents holding every word of the query, counting each word's hits", () => {
    const results = index.search('khrushchev albania', all);
    const khrushchev = scanCounts('khrushchev');
    const albania = scanCounts('albania');
    const both = Object.keys(khrushchev).filter((id) => id in albania);
    expect(counts(results)).toEqual(Object.fromEntries(both.map((id) => [id, khrushchev[id]! + albania[id]!])));
    expect(results.documents.some((d) => d.documentId === seedIds.czechMemo)).toBe(false);
  });

  it('counts a place two clauses both match once ("alb* albania")', () => {
    const results = index.search('alb* albania', all);
    const prefix = index.search('alb*', all);
    expect(results.total).toBe(prefix.total);
    expect(slices(results)).toEqual(slices(prefix));
  });

  it('gives offsets that slice the canonical text to the hit as written, in text order within each document', () => {
    for (const query of ['Mehilli', 'dvorak', 'albania', '"soviet leaders"', 'sino*', 'khrushchev albania', 'carcani']) {
      for (const document of index.search(query, all).documents) {
        const text = textOf(document.documentId);
        let last = -1;
        for (const hit of document.hits) {
          expect(text.slice(hit.start, hit.end).replace(/\s+/g, ' '), query).toBe(hit.match);
          expect(hit.start, query).toBeGreaterThan(last);
          last = hit.start;
        }
        expect(document.hits.length, query).toBe(document.count);
      }
    }
  });

  it('counts every hit but lists only the requested page, keeping documents whose hits are all off the page', () => {
    const full = index.search('albania', all);
    const listed = full.documents.flatMap((d) => d.hits.map((h) => `${d.documentId}@${h.start}`));
    expect(listed).toHaveLength(full.total);
    const pages: string[] = [];
    for (let skip = 0; skip < full.total; skip += 7) {
      const page = index.search('albania', { limit: 7, skip });
      // The counts and the documents are those of the whole result, on every page.
      expect(page.total).toBe(full.total);
      expect(counts(page)).toEqual(counts(full));
      expect(page.documents.map((d) => d.documentId)).toEqual(full.documents.map((d) => d.documentId));
      const hits = page.documents.flatMap((d) => d.hits.map((h) => `${d.documentId}@${h.start}`));
      expect(hits.length).toBe(Math.min(7, full.total - skip));
      pages.push(...hits);
    }
    expect(pages).toEqual(listed);
    expect(index.search('albania', { limit: 0 }).documents.every((d) => d.hits.length === 0)).toBe(true);
    expect(index.search('albania', { limit: 10, skip: full.total }).documents.every((d) => d.hits.length === 0)).toBe(true);
  });

  it('searches one document only when asked', () => {
    const results = index.search('albania', { limit: 1000, documentId: seedIds.czechMemo });
    expect(results.documents.map((d) => d.documentId)).toEqual([seedIds.czechMemo]);
    expect(results.total).toBe(counts(index.search('albania', all))[seedIds.czechMemo]);
    expect(index.search('albania', { limit: 10, documentId: 'no-such-document' })).toEqual({ total: 0, documents: [] });
    expect(index.search('Mehilli', { limit: 10, documentId: seedIds.czechMemo })).toEqual({ total: 0, documents: [] });
  });

  it('finds nothing for a query without words, or with a word no document holds', () => {
    expect(index.search('', all)).toEqual({ total: 0, documents: [] });
    expect(index.search('... —', all)).toEqual({ total: 0, documents: [] });
    expect(index.search('albania zzyzx', all)).toEqual({ total: 0, documents: [] });
  });

  it('refuses a page that is not a whole number of hits', () => {
    expect(() => index.search('albania', { limit: -1 })).toThrow(RangeError);
    expect(() => index.search('albania', { limit: 1.5 })).toThrow(RangeError);
    expect(() => index.search('albania', { limit: 10, skip: -3 })).toThrow(RangeError);
  });
});

describe('SearchIndex revisions', () => {
  it('replaces a document added again under its id, keeping its place in the results', () => {
    const revised = seedIndex();
    const order = index.search('albania', all).documents.map((d) => d.documentId);
    revised.add(seedIds.czechMemo, 'A revised memorandum: Albania, Albania, Albania.');
    const results = revised.search('albania', all);
    expect(results.documents.map((d) => d.documentId)).toEqual(order);
    expect(counts(results)[seedIds.czechMemo]).toBe(3);
    expect(revised.size).toBe(corpus.size);
    // The old text's words are gone with it.
    expect(revised.search('dvorak', all).total).toBe(0);
    expect(revised.search('revised', all).documents.map((d) => d.documentId)).toEqual([seedIds.czechMemo]);
  });

  it('finds the new words of a revision by prefix', () => {
    const revised = seedIndex();
    expect(revised.search('sovnark*', all).total).toBe(0);
    revised.add(seedIds.czechMemo, 'The Sovnarkom decreed.');
    const results = revised.search('sovnark*', all);
    expect(results.documents.flatMap((d) => d.hits.map((h) => [d.documentId, h.match]))).toEqual([[seedIds.czechMemo, 'Sovnarkom']]);
  });

  it('forgets a removed document', () => {
    const revised = seedIndex();
    expect(revised.remove(seedIds.czechMemo)).toBe(true);
    expect(revised.remove(seedIds.czechMemo)).toBe(false);
    expect(revised.has(seedIds.czechMemo)).toBe(false);
    expect(revised.search('dvorak', all)).toEqual({ total: 0, documents: [] });
    expect(revised.search('albania', all).documents.map((d) => d.documentId)).not.toContain(seedIds.czechMemo);
    revised.clear();
    expect(revised.size).toBe(0);
    expect(revised.search('albania', all).total).toBe(0);
  });

  it('refuses a document without an id', () => {
    expect(() => new SearchIndex().add('', 'text')).toThrow(RangeError);
  });
});

// Pieces of text that exercise the folding: diacritics composed and
// decomposed, expansions, Cyrillic й in both forms, footnote markers, soft
// hyphens, OCR boxes, quotes, paragraph breaks.
const pieces = [
  'a',
  'b',
  'e',
  'ë',
  'Ë',
  'e\u0308',
  'ç',
  'ř',
  'à',
  'ł',
  'Ł',
  'ß',
  'ẞ',
  'и',
  'И',
  'й',
  'и\u0306',
  '\u0306',
  'ё',
  'ς',
  'Σ',
  'ﬁ',
  'ſ',
  'İ',
  'æ',
  '1',
  '9',
  ' ',
  '  ',
  '\n',
  blockSeparator,
  '-',
  "'",
  '’',
  '“',
  '²',
  '¹',
  '\u00AD',
  '☐',
  '.',
  ',',
];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 80 }).map((p) => p.join(''));

/// The places a folded word occurs in `text`, found without the index: in
/// the folded text, between characters that are not letters or digits.
function naiveStarts(text: string, term: string): number[] {
  const { text: folded, toOriginal } = foldForSearch(text);
  const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  const starts: number[] = [];
  for (let i = folded.indexOf(term); i >= 0; i = folded.indexOf(term, i + 1)) {
    if (!isWord(folded[i - 1]) && !isWord(folded[i + term.length])) starts.push(toOriginal[i]!);
  }
  return starts;
}

/// The places a two-word phrase occurs in `text`, found without the index:
/// the first word, characters that are not letters or digits, the second
/// word, all in the folded text, and no paragraph break between the words in
/// the original. As [start of the first word, start of the second].
function naivePhrases(text: string, first: string, second: string): [number, number][] {
  const { text: folded, toOriginal } = foldForSearch(text);
  const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  const found: [number, number][] = [];
  for (let i = folded.indexOf(first); i >= 0; i = folded.indexOf(first, i + 1)) {
    if (isWord(folded[i - 1])) continue;
    let k = i + first.length;
    while (k < folded.length && !isWord(folded[k])) k++;
    if (k === i + first.length || !folded.startsWith(second, k) || isWord(folded[k + second.length])) continue;
    if (text.slice(toOriginal[i + first.length - 1]!, toOriginal[k]!).includes(blockSeparator)) continue;
    found.push([toOriginal[i]!, toOriginal[k]!]);
  }
  return found;
}

describe('SearchIndex against a plain scan', () => {
  it('finds a single word exactly where a scan of the folded text finds it, each hit slicing to the word', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 3 }), fc.nat(), fc.constantFrom('', 'x'), (texts, pick, suffix) => {
        const index = new SearchIndex();
        texts.forEach((t, i) => index.add(`d${i}`, t));
        const words = texts.flatMap((t) => foldForSearch(t).text.split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length > 0);
        // A word of the texts, or (with the suffix) most likely one they do not hold.
        const term = `${words.length > 0 ? words[pick % words.length] : 'a'}${suffix}`;
        const results = index.search({ clauses: [{ terms: [{ term, prefix: false }] }] }, { limit: 1_000_000 });
        const expected = texts.map((t, i) => ({ documentId: `d${i}`, starts: naiveStarts(t, term) })).filter((d) => d.starts.length > 0);
        expect(results.documents.map((d) => ({ documentId: d.documentId, starts: d.hits.map((h) => h.start) }))).toEqual(expected);
        expect(results.total).toBe(expected.reduce((sum, d) => sum + d.starts.length, 0));
        for (const d of results.documents) {
          const t = texts[Number(d.documentId.slice(1))]!;
          for (const h of d.hits) expect(foldTerm(t.slice(h.start, h.end))).toBe(term);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('finds a two-word phrase exactly where a scan of the folded text finds it, never across a paragraph break', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 3 }), fc.nat(), fc.nat(), (texts, pick, other) => {
        const index = new SearchIndex();
        texts.forEach((t, i) => index.add(`d${i}`, t));
        const words = texts.flatMap((t) => foldForSearch(t).text.split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length > 0);
        if (words.length === 0) return;
        // Mostly two words that stand together somewhere, sometimes any two.
        const at = pick % words.length;
        const [first, second] = other % 3 === 0 ? [words[at]!, words[other % words.length]!] : [words[at]!, words[(at + 1) % words.length]!];
        const query = {
          clauses: [
            {
              terms: [
                { term: first, prefix: false },
                { term: second, prefix: false },
              ],
            },
          ],
        };
        const results = index.search(query, { limit: 1_000_000 });
        const expected = texts
          .map((t, i) => ({ documentId: `d${i}`, starts: naivePhrases(t, first, second).map(([start]) => start) }))
          .filter((d) => d.starts.length > 0);
        expect(results.documents.map((d) => ({ documentId: d.documentId, starts: d.hits.map((h) => h.start) }))).toEqual(expected);
        expect(results.total).toBe(expected.reduce((sum, d) => sum + d.starts.length, 0));
      }),
      { numRuns: 500 },
    );
  });
});

describe('SearchIndex with common words', () => {
  // Few distinct words, many times each: past commonCount, a two-word
  // phrase of them is counted from the pairs kept at indexing, not checked
  // at its places; its count must still be the places a scan finds.
  const common = fc.array(fc.constantFrom('a', 'b', 'ë', 'E\u0308', ' ', ' ', '. ', blockSeparator), { minLength: 300, maxLength: 900 }).map((p) => p.join(''));

  it('counts a phrase of two common words as a scan finds it, never across a paragraph break', () => {
    fc.assert(
      fc.property(fc.array(common, { minLength: 1, maxLength: 2 }), fc.nat(), (texts, pick) => {
        const index = new SearchIndex();
        texts.forEach((t, i) => index.add(`d${i}`, t));
        const words = texts.flatMap((t) => foldForSearch(t).text.split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length > 0);
        if (words.length < 2) return;
        const at = pick % (words.length - 1);
        const [first, second] = [words[at]!, words[at + 1]!];
        const query = `"${first} ${second}"`;
        const expected = texts.map((t, i) => ({ documentId: `d${i}`, count: naivePhrases(t, first, second).length })).filter((d) => d.count > 0);
        const counted = index.search(query, { limit: 0 });
        expect(counted.documents.map((d) => ({ documentId: d.documentId, count: d.count }))).toEqual(expected);
        expect(index.search(query, { limit: 1_000_000 }).documents.map((d) => d.hits.length)).toEqual(expected.map((d) => d.count));
      }),
      { numRuns: 200 },
    );
  });

  it('counts a phrase of two common words from the postings as a scan finds it, through a revision and a removal', () => {
    fc.assert(
      fc.property(fc.array(common, { minLength: 2, maxLength: 3 }), common, fc.nat(), (texts, revised, pick) => {
        const index = new SearchIndex();
        texts.forEach((t, i) => index.add(`d${i}`, t));
        index.prepare();
        const words = texts.flatMap((t) => foldForSearch(t).text.split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length > 0);
        if (words.length < 2) return;
        const at = pick % (words.length - 1);
        const query = `"${words[at]!} ${words[at + 1]!}"`;
        const check = (held: [string, string][]) => {
          const expected = held.map(([id, t]) => ({ documentId: id, count: naivePhrases(t, words[at]!, words[at + 1]!).length })).filter((d) => d.count > 0);
          const counted = index.search(query, { limit: 0 });
          expect(counted.documents.map((d) => ({ documentId: d.documentId, count: d.count }))).toEqual(expected);
          const ranked = [...expected].sort((a, b) => b.count - a.count || (a.documentId < b.documentId ? -1 : 1)).map((d) => d.documentId);
          expect(index.rank(query, 10)).toEqual(ranked);
        };
        check(texts.map((t, i) => [`d${i}`, t]));
        index.add('d0', revised);
        index.remove('d1');
        check([['d0', revised], ...texts.slice(2).map((t, i): [string, string] => [`d${i + 2}`, t])]);
      }),
      { numRuns: 100 },
    );
  });

  it('counts "of the" in a long text as often as it lists it', () => {
    const paragraph = 'The history of the archive of the party is the history of the state. ';
    const text = [paragraph.repeat(20), `of${blockSeparator}the `, paragraph.repeat(20)].join('');
    const index = new SearchIndex();
    index.add('long', text);
    const results = index.search('"of the"', { limit: 1_000 });
    expect(results.total).toBe(120);
    expect(results.documents[0]!.hits).toHaveLength(120);
  });
});

describe('SearchIndex.rank', () => {
  const queries = ['Mehilli', 'the', 'dvorak', '"soviet leaders"', '"of the"', 'alb*', 'co*', 'khrushchev albania', 'alb* albania', '"the soviet" union'];
  // The documents search counts, most first (ties by id).
  const expected = (from: SearchIndex, query: string, limit: number) =>
    from
      .search(query, { limit: 0 })
      .documents.sort((a, b) => b.count - a.count || (a.documentId < b.documentId ? -1 : 1))
      .slice(0, limit)
      .map((d) => d.documentId);

  // Search counts from the postings once `rank` has built them: the
  // expected order is taken from a twin that never ranked, which counts
  // document by document.
  it('ranks the documents search finds, by how often they match', () => {
    const ranked = seedIndex();
    const twin = seedIndex();
    for (const query of queries) expect(ranked.rank(query, 3), query).toEqual(expected(twin, query, 3));
    expect(ranked.rank('zzzz', 5)).toEqual([]);
  });

  it('follows documents removed and revised after its first answer', () => {
    const ranked = seedIndex();
    const twin = seedIndex();
    expect(ranked.rank('dvorak', 10)).toContain(seedIds.czechMemo);
    ranked.remove(seedIds.czechMemo);
    twin.remove(seedIds.czechMemo);
    expect(ranked.rank('dvorak', 10)).not.toContain(seedIds.czechMemo);
    const revised = 'Dvorak dvorak dvorak dvorak dvorak dvorak dvorak dvorak dvorak dvorak dvorak dvorak.';
    ranked.add(seedIds.czechMemo, revised);
    twin.add(seedIds.czechMemo, revised);
    expect(ranked.rank('dvorak', 1)).toEqual([seedIds.czechMemo]);
    // Past the point where most slots are free, the postings are rebuilt.
    for (let k = 0; k < 200; k++) {
      ranked.add(seedIds.czechMemo, k % 2 ? 'wheat' : 'Dvorak of the Soviet leaders');
      twin.add(seedIds.czechMemo, k % 2 ? 'wheat' : 'Dvorak of the Soviet leaders');
    }
    for (const query of queries) expect(ranked.rank(query, 5), query).toEqual(expected(twin, query, 5));
  });

  // A word's or short prefix's ranking is read from its list kept in
  // ranked order: a document added after a ranking must still take its
  // place in it, ties still by id.
  it('places a document added after a ranking by its count and id', () => {
    const ranked = new SearchIndex();
    const twin = new SearchIndex();
    const both = (id: string, text: string) => [ranked, twin].forEach((index) => index.add(id, text));
    both('b', 'wheat wheat. Cotton.');
    both('d', 'wheat. Corn corn corn.');
    both('f', 'wheat wheat wheat. Coal.');
    expect(ranked.rank('wheat', 3)).toEqual(['f', 'b', 'd']);
    expect(ranked.rank('co*', 3)).toEqual(['d', 'b', 'f']);
    both('a', 'wheat wheat. Cotton, corn.');
    both('z', 'wheat wheat wheat wheat. Copper copper copper copper.');
    both('d', 'No grain now. Coal.');
    for (const query of ['wheat', 'co*', 'whe*']) expect(ranked.rank(query, 2), query).toEqual(expected(twin, query, 2));
    expect(ranked.rank('wheat', 4)).toEqual(['z', 'f', 'a', 'b']);
    expect(ranked.rank('co*', 5)).toEqual(['z', 'a', 'b', 'd', 'f']);
  });

  // A phrase is checked first where its words are most often (see
  // RankScratch.bounded): documents full of both words but seldom the
  // phrase, or the phrase split across paragraphs, must not crowd out
  // those that hold it more.
  it('ranks phrases by their places, not by how often their words occur', () => {
    const text = (phrase: number, apart: number, split: number) =>
      [
        `${'The Soviet leaders met. '.repeat(phrase)}${'Leaders of the Soviet bloc. '.repeat(apart)}Wheat.`,
        ...Array.from({ length: split }, () => `The Soviet${blockSeparator}Leaders.`),
      ].join(blockSeparator);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(6), fc.nat(40), fc.nat(3)), { minLength: 1, maxLength: 24 }), fc.integer({ min: 1, max: 6 }), (shapes, limit) => {
        const ranked = new SearchIndex();
        const twin = new SearchIndex();
        shapes.forEach(([phrase, apart, split], i) => {
          for (const index of [ranked, twin]) index.add(`d${String(i).padStart(2, '0')}`, text(phrase, apart, split));
        });
        for (const query of ['"soviet leaders"', '"of the"', 'wheat "soviet leaders"', '"soviet leaders" "of the"'])
          expect(ranked.rank(query, limit), query).toEqual(expected(twin, query, limit));
      }),
      { numRuns: 60 },
    );
  });

  // A ranking that returns every document it matches sorts them without a
  // heap, and sorts integers while every count is below 2,048 (see
  // RankScratch.sorted): limits either side of the number matching, counts
  // either side of 2,048, ties among ids added out of order.
  it('ranks as search counts, however many match and however often', () => {
    const many = fc.constantFrom(1, 2, 1023, 1024, 2046, 2047, 2048, 2049);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.nat(40), many, fc.nat(3)), { minLength: 1, maxLength: 7, selector: ([id]) => id }),
        fc.integer({ min: 1, max: 9 }),
        (shapes, limit) => {
          const ranked = new SearchIndex();
          const twin = new SearchIndex();
          for (const [id, wheat, corn] of shapes)
            for (const index of [ranked, twin]) index.add(`d${id}`, `${'wheat '.repeat(wheat)}${'corn wheat. '.repeat(corn)}Corn.`);
          for (const query of ['wheat corn', '"corn wheat"', 'corn "corn wheat"', 'wheat', 'wh* corn'])
            expect(ranked.rank(query, limit), query).toEqual(expected(twin, query, limit));
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('SearchIndex with the pairs that stand often', () => {
  // A document keeps every pair standing at least 8 times (see keptPairs),
  // and a ranking passes over, unchecked, a document that does not keep a
  // phrase's pair once the documents found stand it more often. Texts
  // whose pairs stand a few times either side of that, in words too rare
  // to be common: the same documents, counts and hits as a twin that
  // keeps only the pairs of two common words, as ranked, searched,
  // revised and removed.
  const phrase = fc.constantFrom('Soviet leaders. ', 'soviet leaders ', 'Soviet ', 'leaders ', 'of the ', 'leaders soviet ', 'wheat ', blockSeparator);
  const text = fc
    .tuple(fc.array(phrase, { maxLength: 30 }), fc.nat(14), fc.nat(3))
    .map(([pieces, repeats, split]) => `${pieces.join('')}${'the Soviet leaders met. '.repeat(repeats)}${`Soviet${blockSeparator}leaders `.repeat(split)}`);
  const queries = ['"soviet leaders"', '"leaders soviet"', '"of the"', '"leaders met"', 'wheat "soviet leaders"', '"soviet leaders" "the soviet"'];

  it('ranks and finds a phrase as a twin without them', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 16 }), fc.integer({ min: 1, max: 6 }), fc.nat(), (texts, limit, pick) => {
        const kept = new SearchIndex();
        const twin = new SearchIndex({ pairsFrom: Number.POSITIVE_INFINITY });
        const both = (change: (index: SearchIndex) => void) => [kept, twin].forEach(change);
        texts.forEach((t, i) => both((index) => index.add(`d${String(i).padStart(2, '0')}`, t)));
        const same = () => {
          for (const query of queries) {
            expect(kept.rank(query, limit), query).toEqual(twin.rank(query, limit));
            expect(kept.search(query, { limit: 100_000 }), query).toEqual(twin.search(query, { limit: 100_000 }));
          }
        };
        same();
        both((index) => index.add(`d${String(pick % texts.length).padStart(2, '0')}`, 'the Soviet leaders met. '.repeat(9 + (pick % 5))));
        both((index) => index.remove(`d${String((pick + 1) % texts.length).padStart(2, '0')}`));
        same();
      }),
      { numRuns: 80 },
    );
  });
});

describe('SearchIndex.rank by prefix', () => {
  // Short prefixes (one to three characters) are ranked from lists of
  // their own, longer ones from their words' lists: both as search counts.
  const prefixes = ['c*', 'co*', 'con*', 'cons*', 'ç*', 'car*', 'сов*', 'с*', 'x*', '1*', 'co* soviet', '"soviet co*"'];
  const texts = [
    'Çarçani consulted the Soviet consul; co-operation, c. 1961, continued. Советский совет.',
    'Consultations in Tirana: Carcani, cotton, corn and coal. The Soviet consul cooperated.',
    'C C c co co con: short words that are their own prefix. совет',
    'Nothing here begins so: wheat, barley, 1961, 1962.',
  ];
  const expected = (from: SearchIndex, query: string) =>
    from
      .search(query, { limit: 0 })
      .documents.sort((a, b) => b.count - a.count || (a.documentId < b.documentId ? -1 : 1))
      .map((d) => d.documentId);

  it('ranks a short prefix as search counts it, through revisions, removals and a rebuild', () => {
    // The expected order from a twin that never ranked (see SearchIndex.rank).
    const ranked = new SearchIndex();
    const twin = new SearchIndex();
    const both = (change: (index: SearchIndex) => void) => [ranked, twin].forEach(change);
    both((index) => texts.forEach((text, i) => index.add(`d${i}`, text)));
    for (const query of prefixes) expect(ranked.rank(query, 10), query).toEqual(expected(twin, query));
    expect(ranked.rank('co*', 10)).toEqual(['d1', 'd0', 'd2']);
    // A revision brings new words under a prefix and takes others away.
    both((index) => index.add('d3', 'Cobalt, copper, coke, cocoa, coffee and Count Ciano.'));
    both((index) => index.remove('d1'));
    expect(ranked.rank('co*', 10)).toEqual(['d3', 'd0', 'd2']);
    for (let k = 0; k < 150; k++) both((index) => index.add(`r${k % 3}`, k % 2 ? 'corn' : 'Сов совет'));
    for (const query of prefixes) expect(ranked.rank(query, 10), query).toEqual(expected(twin, query));
  });

  it('ranks a short prefix of documents held by their lexicons as when whole', () => {
    const whole = new SearchIndex();
    const lexicons = texts.map((text, i) => {
      whole.add(`d${i}`, text);
      return whole.build(`d${i}`, text).lexicon();
    });
    // As at a launch: the kept vocabulary first, then the lexicons by number.
    const restored = new SearchIndex();
    restored.loadWords(whole.wordsFrom(0));
    lexicons.forEach((lexicon, i) => restored.put(restored.restoreLexicon(`d${i}`, lexicon)));
    for (const query of ['c*', 'co*', 'car*', 'сов*']) expect(restored.rank(query, 10), query).toEqual(whole.rank(query, 10));
  });
});

describe('SearchIndex.search from the postings', () => {
  // Once the postings are built (prepare, or a first rank), words and
  // prefixes are counted from them: the same answer, page by page, as a
  // twin counting document by document, through revisions that move a
  // document to a new slot while it keeps its place in the results.
  const queries = [
    'Mehilli',
    'the',
    'dvorak',
    '"soviet leaders"',
    '"of the"',
    'alb*',
    'co*',
    'c*',
    'khrushchev albania',
    'alb* albania',
    '"the soviet" union',
    'wheat',
    'quernstones',
    'zzzz',
  ];
  const pages = [{ limit: 0 }, { limit: 7 }, { limit: 5, skip: 40 }, { limit: 100_000 }];

  it('answers every query and page as a twin without postings, through revisions and removals', () => {
    const prepared = seedIndex();
    const twin = seedIndex();
    prepared.prepare();
    const same = () => {
      for (const query of queries)
        for (const page of pages) expect(prepared.search(query, page), `${query} ${JSON.stringify(page)}`).toEqual(twin.search(query, page));
    };
    same();
    const first = [...corpus.keys()][0]!;
    for (const index of [prepared, twin]) {
      index.add(first, 'Quernstones, wheat and the Soviet leaders: Dvorak, of the co-operative, in Albania with Khrushchev.');
      index.remove(seedIds.czechMemo);
      index.add('late', 'Wheat, wheat, quernstones: the comrades of the cooperative.');
    }
    same();
    // The revised document keeps its place, before the one added last.
    expect(prepared.search('quernstones', all).documents.map((d) => d.documentId)).toEqual([first, 'late']);
  });

  // Postings take two bytes a slot and a count while they fit: a count
  // past 65,535 (a word, or a short prefix's words summed) must not wrap.
  it('counts a word or a prefix standing more than 65,535 times in one document', () => {
    const big = `${'a '.repeat(40_000)}${'ab '.repeat(30_000)}`;
    const small = 'a a ab. '.repeat(70_000 / 4);
    for (const order of [
      ['small', 'big'],
      ['big', 'small'],
    ]) {
      const prepared = new SearchIndex();
      const twin = new SearchIndex();
      for (const index of [prepared, twin]) for (const id of order) index.add(id, id === 'big' ? big : small);
      prepared.prepare();
      for (const query of ['a', 'a*', 'ab']) expect(prepared.search(query, { limit: 0 }), query).toEqual(twin.search(query, { limit: 0 }));
      expect(prepared.rank('a*', 2)).toEqual(['big', 'small']);
      expect(prepared.rank('a', 1)).toEqual(['big']);
      // Appended after the postings were built.
      prepared.add('late', 'a '.repeat(66_000));
      expect(prepared.rank('a', 1)).toEqual(['late']);
      expect(prepared.search('a', { limit: 0 }).documents.find((d) => d.documentId === 'late')?.count).toBe(66_000);
    }
  });

  it('builds the postings in steps, starting again when a document is added or removed meanwhile', () => {
    const stepped = seedIndex();
    const twin = seedIndex();
    const steps = stepped.preparing(1);
    steps.next();
    // Before it is done, search counts document by document, as the twin.
    expect(stepped.search('co*', { limit: 3 })).toEqual(twin.search('co*', { limit: 3 }));
    for (const index of [stepped, twin]) {
      index.add('late', 'Wheat, quernstones and the Soviet leaders.');
      index.remove(seedIds.czechMemo);
    }
    let taken = 1;
    while (!steps.next().done) taken++;
    // Five seeds read twice (sizes, then lists), then again from the start
    // for the five documents held after the change.
    expect(taken).toBeGreaterThan(10);
    for (const query of queries) expect(stepped.search(query, { limit: 9, skip: 2 }), query).toEqual(twin.search(query, { limit: 9, skip: 2 }));
    expect(stepped.rank('quernstones', 5)).toEqual(['late']);
  });
});

describe('SearchIndex.needs', () => {
  // An index holding the seeds by their lexicons only, as after a launch.
  function lexiconsOnly(): SearchIndex {
    const built = seedIndex();
    const lexicons = [...corpus.values()].map((document) => [document.id, built.build(document.id, document.text.text).lexicon()] as const);
    const restored = new SearchIndex();
    restored.loadWords(built.wordsFrom(0));
    for (const [id, lexicon] of lexicons) restored.put(restored.restoreLexicon(id, lexicon));
    return restored;
  }

  it('counts a phrase of two common words from lexicons, asking only for the documents it lists or cannot count', () => {
    const texts = { often: `${'Minutes of the meeting. '.repeat(40)}End.`, once: 'A copy of the minutes.', none: 'Minutes, meeting, copy.' };
    const whole = new SearchIndex();
    for (const [id, text] of Object.entries(texts)) whole.add(id, text);
    const lexicons = Object.entries(texts).map(([id, text]) => [id, whole.build(id, text).lexicon()] as const);
    const restored = new SearchIndex();
    restored.loadWords(whole.wordsFrom(0));
    for (const [id, lexicon] of lexicons) restored.put(restored.restoreLexicon(id, lexicon));
    // "of" and "the" are common in `often` (40 times each): counted there.
    expect(restored.needs('"of the"', { limit: 0 })).toEqual(['once']);
    expect(restored.needs('"of the"', { limit: 1 })).toEqual(['often', 'once']);
    restored.fill(restored.build('once', texts.once));
    expect(restored.search('"of the"', { limit: 0 })).toEqual(whole.search('"of the"', { limit: 0 }));
    expect(restored.rank('"of the"', 5)).toEqual(['often', 'once']);
    // Its whole index read, the document counts with the pairs its lexicon kept.
    restored.fill(restored.build('often', texts.often));
    expect(restored.search('"of the"', { limit: 50 })).toEqual(whole.search('"of the"', { limit: 50 }));
  });

  it('counts a phrase of two common words from the pair lists of documents held by their lexicons', () => {
    const texts = {
      often: `${'Minutes of the meeting. '.repeat(40)}End.`,
      also: `${'The minutes of the party, of the state. '.repeat(20)}`,
      once: 'A copy of the minutes.',
    };
    const whole = new SearchIndex();
    for (const [id, text] of Object.entries(texts)) whole.add(id, text);
    const lexicons = Object.entries(texts).map(([id, text]) => [id, whole.build(id, text).lexicon()] as const);
    const restored = new SearchIndex();
    restored.loadWords(whole.wordsFrom(0));
    for (const [id, lexicon] of lexicons) restored.put(restored.restoreLexicon(id, lexicon));
    restored.prepare();
    // Only the document where the words are not common needs its index.
    expect(restored.needs('"of the"', { limit: 0 })).toEqual(['once']);
    restored.fill(restored.build('once', texts.once));
    expect(restored.search('"of the"', { limit: 0 })).toEqual(whole.search('"of the"', { limit: 0 }));
    expect(restored.search('"of the"', { limit: 0 }).documents.map((d) => d.count)).toEqual([40, 40, 1]);
    expect(restored.rank('"of the"', 5)).toEqual(['also', 'often', 'once']);
  });

  it('refuses a lexicon whose numbers the kept vocabulary does not have, and a vocabulary that numbers a word twice', () => {
    const built = seedIndex();
    const [id, document] = [...corpus.entries()][0]!;
    const lexicon = built.build(id, document.text.text).lexicon();
    const short = new SearchIndex();
    short.loadWords(built.wordsFrom(0).slice(0, 10));
    expect(() => short.restoreLexicon(id, lexicon)).toThrow(/damaged/);
    const full = new SearchIndex();
    full.loadWords(built.wordsFrom(0));
    expect(() => full.restoreLexicon(id, { ...lexicon, pairCounts: new Int32Array(lexicon.pairKeys.length + 1) })).toThrow(/pairs of document .* are damaged/);
    expect(() => full.restoreLexicon(id, { ...lexicon, pairKeys: Float64Array.of(5, 5), pairCounts: Int32Array.of(1, 1) })).toThrow(/out of order/);
    expect(() => new SearchIndex().loadWords(['soviet', 'union', 'soviet'])).toThrow(RangeError);
  });

  it('holds as many words from lexicons as the whole index, and refuses words out of order or counted none', () => {
    const restored = lexiconsOnly();
    expect(restored.stats.words).toBe(index.stats.words);
    expect(restored.stats.documents).toBe(index.stats.documents);
    const built = seedIndex();
    const [id, document] = [...corpus.entries()][0]!;
    const lexicon = built.build(id, document.text.text).lexicon();
    const twice = lexicon.terms.slice();
    twice[1] = twice[0]!;
    expect(() => restored.restoreLexicon(id, { ...lexicon, terms: twice })).toThrow(/word 1 is numbered/);
    const none = lexicon.counts.slice();
    none[2] = 0;
    expect(() => restored.restoreLexicon(id, { ...lexicon, counts: none })).toThrow(/word 2 is numbered .* with count 0/);
  });

  it('counts words and prefixes from lexicons, and asks only for the documents whose hits it lists', () => {
    const restored = lexiconsOnly();
    expect(restored.needs('the', { limit: 0 })).toEqual([]);
    expect(restored.search('the', { limit: 0 }).total).toBe(index.search('the', { limit: 0 }).total);
    expect(restored.search('co*', { limit: 0 }).total).toBe(index.search('co*', { limit: 0 }).total);
    const first = index.search('the', { limit: 1 }).documents[0]!.documentId;
    expect(restored.needs('the', { limit: 1 })).toEqual([first]);
    expect(() => restored.search('the', { limit: 1 })).toThrow(RangeError);
  });

  it('asks for every document that may hold a phrase it cannot count from lexicons, and then answers as the whole index does', () => {
    const restored = lexiconsOnly();
    const holding = index.search('soviet leaders', { limit: 0 }).documents.map((d) => d.documentId);
    const needed = restored.needs('"soviet leaders"', { limit: 0 });
    // Where both words are common the pair's count is in the lexicon.
    expect(needed.length).toBeGreaterThan(0);
    expect(needed.filter((id) => !holding.includes(id))).toEqual([]);
    for (const id of restored.needs('"soviet leaders"', { limit: 5 })) restored.fill(restored.build(id, textOf(id)));
    expect(restored.search('"soviet leaders"', { limit: 5 })).toEqual(index.search('"soviet leaders"', { limit: 5 }));
    expect(restored.rank('"soviet leaders"', 3)).toEqual(index.rank('"soviet leaders"', 3));
    // A revision in place of a lexicon is counted with its own words.
    const first = [...corpus.keys()][0]!;
    expect(restored.rank('quagga', 5)).toEqual([]);
    restored.put(restored.build(first, 'A quagga among the Soviet leaders.'));
    expect(restored.rank('quagga', 5)).toEqual([first]);
    expect(() => restored.fill(restored.build(first, 'x'))).toThrow(RangeError);
  });
});
