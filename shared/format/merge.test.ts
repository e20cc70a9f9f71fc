import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FuzzyBudget } from '../anchoring/budget';
import { describePassage } from '../anchoring/selectors';
import { type Annotation, defaultTagTypes } from '../annotation/model';
import { loadDocument } from '../corpus/document';
import { loadCorpus, seed, seedIds } from '../test-support/corpus';
import { incomingFromNative } from './incoming';
import { planImport } from './merge';
import { buildNativeFile } from './native';
import { readAnnotationFile } from './read';

// Every approximate search anchoring makes goes through approx-string-match:
// counting its calls measures the work an import does, without timing it.
const searches = vi.hoisted(() => ({ count: 0 }));
vi.mock('approx-string-match', async (importOriginal) => {
  const actual = await importOriginal<typeof import('approx-string-match')>();
  return {
    default: (...args: Parameters<typeof actual.default>) => {
      searches.count++;
      return actual.default(...args);
    },
  };
});
beforeEach(() => {
  searches.count = 0;
});

const corpus = loadCorpus();
const article = seed(corpus, seedIds.article);
const memo = seed(corpus, seedIds.czechMemo);
const empty = { annotations: new Map<string, Annotation>(), tagTypes: defaultTagTypes };
const now = new Date('2026-12-01T00:00:00.000Z');

/// A W3C file of passages quoted from a web page: no document id, no position.
function foreign(quotes: string[]) {
  const items = quotes.map((exact, i) => ({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `http://example.org/anno${i}`,
    type: 'Annotation',
    target: { source: 'http://example.org/page', selector: { type: 'TextQuoteSelector', exact } },
  }));
  return readAnnotationFile(JSON.stringify(items), { tagTypes: defaultTagTypes }, now);
}

/// Words of the article in a shuffled order: in no document, but made of
/// the article's own letters, so only an approximate search can rule it out.
function shuffledWords(seed: number): string {
  const words = article.text.text.split(/\s+/).filter((w) => /^[a-z]+$/.test(w));
  return Array.from({ length: 8 }, (_, i) => words[(seed * 7919 + i * 104_729) % words.length]).join(' ');
}

describe('a quote too long to search for', () => {
  it('is listed as unplaced at once with its path and the reason, and the rest of the file comes in', () => {
    const huge = 'x'.repeat(20 * 1024 * 1024);
    const plan = planImport(foreign([huge, 'Albania may go over to the other side']), corpus, empty);
    expect(plan.add.map((a) => a.documentId)).toEqual([memo.id]);
    expect(plan.unplaced).toHaveLength(1);
    expect(plan.unplaced[0]).toMatchObject({
      id: 'http://example.org/anno0',
      path: '$[0]',
      reason: 'the quoted text is 20,971,520 characters long; a passage may quote at most 20,000',
    });
    expect(searches.count).toBe(0);
  });

  it('comes back where its stored position still holds it, so a long passage the app saved can be restored', () => {
    const text = article.text.text;
    const { quote, position } = describePassage(text, 100, 100 + 25_000);
    const long: Annotation = {
      id: 'long',
      documentId: article.id,
      quote,
      position,
      tags: [],
      actor: null,
      note: '',
      created: '2026-11-22T10:00:00.000Z',
      modified: '2026-11-22T10:00:00.000Z',
    };
    const file = buildNativeFile({ annotations: [long], tagTypes: defaultTagTypes, documents: corpus, scope: { kind: 'all' }, exported: now });
    const plan = planImport(incomingFromNative(file), corpus, empty);
    expect(plan.unplaced).toEqual([]);
    expect(plan.add[0]).toMatchObject({ id: 'long', position: { start: 100, end: 25_100 } });
  });
});

describe('the work of placing annotations from another source', () => {
  it('a passage found as quoted in one document makes no approximate search of the others', () => {
    const text = memo.text.text;
    const quotes = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => text.slice(500 + i * 700, 560 + i * 700));
    const plan = planImport(foreign(quotes), corpus, empty);
    expect(plan.add).toHaveLength(8);
    expect(plan.add.every((a) => a.documentId === memo.id)).toBe(true);
    expect(searches.count).toBe(0);
  });

  it('a corrected typo is still found approximately, when no document holds the passage as quoted', () => {
    const exact = 'Albania may go over to the other side';
    const plan = planImport(foreign([exact.replace('other', 'otner')]), corpus, empty);
    expect(plan.add).toHaveLength(1);
    expect(plan.add[0]).toMatchObject({ documentId: memo.id, quote: { exact } });
    expect(plan.fuzzy).toBe(1);
  });

  it('a passage as quoted in one document is placed there, though another holds a near-copy', () => {
    const exact = 'Albania may go over to the other side';
    const copy = loadDocument('memo-copy.txt', memo.text.text.replace(exact, exact.replace('other', 'otner')));
    const library = new Map([...corpus, [copy.id, copy]]);
    const plan = planImport(foreign([exact]), library, empty);
    expect(plan.add.map((a) => a.documentId)).toEqual([memo.id]);
    // Without the memo, the near-copy is found approximately.
    const alone = planImport(foreign([exact]), new Map([...corpus].filter(([id]) => id !== memo.id)).set(copy.id, copy), empty);
    expect(alone.add.map((a) => a.documentId)).toEqual([copy.id]);
    expect(alone.fuzzy).toBe(1);
  });

  it('a passage in words no document could hold is not searched for approximately at all', () => {
    const plan = planImport(foreign(['Албания может перейти на другую сторону', '阿尔巴尼亚可能会倒向另一边的立场']), corpus, empty);
    expect(plan.unplaced.map((u) => u.reason)).toEqual([
      'the passage is in none of the library’s documents (source http://example.org/page)',
      'the passage is in none of the library’s documents (source http://example.org/page)',
    ]);
    expect(searches.count).toBe(0);
  });

  it('approximate searches stop at the import’s budget, and every passage past it is listed with the reason', () => {
    const quotes = Array.from({ length: 40 }, (_, i) => shuffledWords(i));
    const unbounded = new FuzzyBudget(Number.POSITIVE_INFINITY);
    planImport(foreign(quotes), corpus, empty, unbounded);
    const allowed = searches.count;
    expect(allowed).toBeGreaterThan(20);

    searches.count = 0;
    const budget = new FuzzyBudget(5 * article.text.text.length);
    const plan = planImport(foreign(quotes), corpus, empty, budget);
    expect(searches.count).toBe(budget.searches);
    expect(searches.count).toBeLessThanOrEqual(5 * corpus.size);
    expect(budget.searched).toBeLessThanOrEqual(budget.characters);
    // None is dropped: each is added or listed, most with the budget's reason.
    expect(plan.add.length + plan.unplaced.length).toBe(40);
    const refused = plan.unplaced.filter((u) => u.reason === budget.refusedReason());
    expect(refused.length).toBeGreaterThan(30);
    expect(refused[0]!.reason).toMatch(/^the passage is not in the text as quoted, and this import has spent its allowance of approximate searches/);
  });
});

describe('an annotation the library holds already', () => {
  const quote = 'Albania may go over to the other side';
  const at = memo.text.text.indexOf(quote);
  const stored = (modified: string): Annotation => ({
    id: 'a',
    documentId: memo.id,
    ...describePassage(memo.text.text, at, at + quote.length),
    tags: [],
    actor: null,
    note: 'mine',
    created: modified,
    modified,
  });
  const file = (modified: string) =>
    incomingFromNative(
      buildNativeFile({
        annotations: [{ ...stored(modified), note: 'theirs' }],
        tagTypes: defaultTagTypes,
        documents: corpus,
        scope: { kind: 'all' },
        exported: now,
      }),
    );

  it('is updated by a later time written in another zone, and not by an earlier one', () => {
    const library = { annotations: new Map([['a', stored('2026-01-28T10:00:00.000Z')]]), tagTypes: defaultTagTypes };
    expect(planImport(file('2026-01-28T09:30:00-01:00'), corpus, library).update.map((a) => a.note)).toEqual(['theirs']);
    expect(planImport(file('2026-01-28T11:00:00+02:00'), corpus, library).update).toEqual([]);
  });

  it('is counted apart from those already here when it reads otherwise and the file’s is older: the library’s is kept', () => {
    const library = { annotations: new Map([['a', stored('2026-01-28T10:00:00.000Z')]]), tagTypes: defaultTagTypes };
    const plan = planImport(file('2026-01-27T10:00:00.000Z'), corpus, library);
    expect([plan.add.length, plan.update.length, plan.unchanged, plan.kept]).toEqual([0, 0, 0, 1]);
    // Only its times differing, it is already here.
    const same = incomingFromNative(
      buildNativeFile({
        annotations: [stored('2026-01-27T10:00:00.000Z')],
        tagTypes: defaultTagTypes,
        documents: corpus,
        scope: { kind: 'all' },
        exported: now,
      }),
    );
    expect([planImport(same, corpus, library).unchanged, planImport(same, corpus, library).kept]).toEqual([1, 0]);
  });
});
