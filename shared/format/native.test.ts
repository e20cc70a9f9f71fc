import { describe, expect, it } from 'vitest';
import { type Annotation, defaultTagTypes } from '../annotation/model';
import { annotationOn } from '../test-support/annotations';
import { loadCorpus, seed, seedIds } from '../test-support/corpus';
import { ImportError } from './errors';
import { incomingFromNative } from './incoming';
import { emptyLibraryPlan } from './library-merge';
import { planImport as planBatch } from './merge';
import { buildNativeFile, nativeFileSchema, parseNativeFile } from './native';
import { messageOf } from '../errors';

const corpus = loadCorpus();
const brief = seed(corpus, seedIds.foBrief);
const text = brief.text.text;

const annotation = (id: string, exact: string, occurrence = 0): Annotation => annotationOn(brief, id, exact, {}, occurrence);

const build = (annotations: Annotation[]) =>
  buildNativeFile({ annotations, tagTypes: defaultTagTypes, documents: corpus, scope: { kind: 'all' }, exported: new Date('2026-11-22T12:00:00Z') });

function problem(mutate: (file: any) => void): string {
  const file = JSON.parse(JSON.stringify(build([annotation('a', 'apple of discord'), annotation('b', 'Italy, France and Turkey')])));
  mutate(file);
  try {
    parseNativeFile(JSON.stringify(file));
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return messageOf(error);
  }
  return 'accepted';
}

describe('the native format', () => {
  it('round-trips through JSON unchanged, with W3C-shaped selectors', () => {
    const file = build([annotation('a', 'apple of discord'), { ...annotation('b', 'Hoxha regime'), note: 'Mëhilli: “no”', actor: 'Hoxha' }]);
    expect(parseNativeFile(JSON.stringify(file))).toEqual(file);
    const [quote, position] = file.annotations[0]!.target.selector;
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'apple of discord',
      prefix: text.slice(position.start - 32, position.start),
      suffix: text.slice(position.end, position.end + 32),
    });
    expect(file.annotations[0]!.citation).toContain('FO 371/151293');
    expect(file.documents).toEqual([{ id: brief.id, title: brief.meta.title, citation: brief.meta.citation, fingerprint: brief.fingerprint }]);
  });

  it('names the first problem of an invalid file and where it is', () => {
    expect(problem((f) => (f.format = 'hypothesis'))).toBe('$.format: expected "palimpsest.annotations": this is not a Palimpsest annotation file');
    expect(problem((f) => (f.version = 2))).toBe('$.version: version 2 is not supported; this Palimpsest reads version 1');
    expect(problem((f) => (f.annotations[1].target.selector[1].end = f.annotations[1].target.selector[1].start))).toBe(
      '$.annotations[1].target.selector[1].end: start must be less than end',
    );
    expect(problem((f) => (f.annotations[0].target.selector[1].start = -1))).toMatch(/^\$\.annotations\[0\]\.target\.selector\[1\]\.start: /);
    expect(problem((f) => (f.annotations[0].target.selector[0].exact = ''))).toBe(
      '$.annotations[0].target.selector[0].exact: the quoted text must not be empty',
    );
    expect(problem((f) => (f.annotations[1].id = 'a'))).toBe('$.annotations[1].id: duplicate annotation id "a"');
    expect(problem((f) => f.annotations[0].tags.push('nonsense'))).toBe('$.annotations[0].tags[1]: tag "nonsense" is not among the file\'s tagTypes');
    expect(problem((f) => (f.annotations[0].created = 'yesterday'))).toMatch(/^\$\.annotations\[0\]\.created: /);
  });

  it('refuses unknown keys, __proto__ included, without touching any prototype', () => {
    const json = JSON.stringify(build([annotation('a', 'apple of discord')])).replace('"id":"a"', '"__proto__":{"polluted":true},"id":"a"');
    expect(() => parseNativeFile(json)).toThrow(/^\$\.annotations\[0\]: unknown field "__proto__"/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('carries who made and last changed an annotation, and reads files written before it as before', () => {
    const ana = { id: 'machine-ana', name: 'Ana Petrova' };
    const ben = { id: 'machine-ben', name: 'Ben Okafor' };
    const file = build([annotation('a', 'apple of discord'), annotationOn(brief, 'b', 'Hoxha regime', { createdBy: ana, modifiedBy: ben })]);
    expect(file.annotations.map((a) => [a.createdBy, a.modifiedBy])).toEqual([
      [undefined, undefined],
      [ana, ben],
    ]);
    expect('createdBy' in file.annotations[0]!).toBe(false);
    const plan = planBatch(incomingFromNative(parseNativeFile(JSON.stringify(file))), corpus, { annotations: new Map(), tagTypes: defaultTagTypes });
    expect(plan.add.map((a) => [a.id, a.createdBy?.name, a.modifiedBy?.name])).toEqual([
      ['a', undefined, undefined],
      ['b', 'Ana Petrova', 'Ben Okafor'],
    ]);
    expect(problem((f) => (f.annotations[0].createdBy = { id: 'x', name: '' }))).toBe('$.annotations[0].createdBy.name: an author needs a name');
    expect(problem((f) => (f.annotations[0].modifiedBy = 'Ana'))).toMatch(/^\$\.annotations\[0\]\.modifiedBy: /);
  });

  it('says plainly when the file is not JSON at all', () => {
    expect(() => parseNativeFile('{"format": "palimpsest.annotations",')).toThrow(/^the file is not valid JSON/);
    expect(() => parseNativeFile('[]')).toThrow('expected a JSON object with "format": "palimpsest.annotations", but the file holds an array');
  });
});

const planImport = (file: ReturnType<typeof build>, documents: typeof corpus, existing: Parameters<typeof planBatch>[2]) =>
  planBatch(incomingFromNative(file), documents, existing);

describe('planning an import', () => {
  const file = build([annotation('a', 'apple of discord'), annotation('secret', 'SECRET', 2)]);
  const empty = { annotations: new Map<string, Annotation>(), tagTypes: defaultTagTypes };

  it('adds everything to an empty library, and nothing the second time', () => {
    const plan = planImport(file, corpus, empty);
    expect(plan.add.map((a) => a.id)).toEqual(['a', 'secret']);
    const stored = new Map(plan.add.map((a) => [a.id, a]));
    expect(planImport(file, corpus, { annotations: stored, tagTypes: defaultTagTypes })).toEqual({
      add: [],
      update: [],
      unchanged: 2,
      kept: 0,
      fuzzy: 0,
      unplaced: [],
      addTagTypes: [],
      presentTagTypes: 3,
      library: emptyLibraryPlan(),
      zonelessTimes: 0,
    });
  });

  it('takes a newer version, keeps a newer local one', () => {
    const stored = new Map(planImport(file, corpus, empty).add.map((a) => [a.id, a]));
    const newer = structuredClone(file);
    newer.annotations[0]!.note = 'revised';
    newer.annotations[0]!.modified = '2027-01-01T00:00:00.000Z';
    newer.annotations[1]!.note = 'older edit';
    newer.annotations[1]!.modified = '2020-01-01T00:00:00.000Z';
    const plan = planImport(newer, corpus, { annotations: stored, tagTypes: defaultTagTypes });
    expect(plan.update.map((a) => a.note)).toEqual(['revised']);
    // The older edit is not taken, and not "already here" either.
    expect([plan.unchanged, plan.kept]).toEqual([0, 1]);
  });

  it('re-anchors stale positions by the quote, and places a repeated word by its context', () => {
    const stale = structuredClone(file);
    stale.annotations[1]!.target.selector[1] = { type: 'TextPositionSelector', start: 0, end: 6 };
    const [, secret] = planImport(stale, corpus, empty).add;
    const third = [...text.matchAll(/SECRET/g)][2]!.index;
    expect(secret!.position).toEqual({ type: 'TextPositionSelector', start: third, end: third + 6 });
  });

  it('lists, with the reason, what cannot be placed, and guesses nothing', () => {
    const orphan = structuredClone(file);
    orphan.annotations[1]!.target.selector[0].exact = 'words this brief never held';
    orphan.annotations[0]!.documentId = 'elsewhere';
    const plan = planImport(orphan, corpus, empty);
    expect(plan.add).toEqual([]);
    expect(plan.unplaced).toEqual([
      {
        id: 'a',
        path: '$.annotations[0]',
        quote: 'apple of discord',
        reason:
          'there is no document “elsewhere” in this library: import that document first (a whole-library Palimpsest JSON export brings it along), then this file again',
      },
      { id: 'secret', path: '$.annotations[1]', quote: 'words this brief never held', reason: `the passage is not in “${brief.meta.title}”` },
    ]);
  });
});

describe('a file of millions of bad items (a JSON bomb of 9 MB)', () => {
  it('is refused at its first bad item, with one problem kept, not one per item', () => {
    const file = { format: 'palimpsest.annotations', version: 1, exported: '2026-12-05T07:00:00Z', scope: { kind: 'all' }, tagTypes: [], documents: [] };
    const bomb = { ...file, annotations: Array.from({ length: 300_000 }, () => ({})) };
    const result = nativeFileSchema.safeParse(bomb);
    // zod's own arrays kept a problem for every field of every item: for
    // three million items, tens of millions of objects, and a crashed page.
    expect(result.error?.issues).toHaveLength(1);
    expect(() => parseNativeFile(JSON.stringify(bomb))).toThrow(/^\$\.annotations\[0\]\.id: /);
    const tags = { ...file, annotations: [{ id: 'a', tags: Array.from({ length: 300_000 }, () => 7) }] };
    expect(nativeFileSchema.safeParse(tags).error?.issues).toHaveLength(1);
  });
});
