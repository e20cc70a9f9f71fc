import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Annotation, type TagType, defaultTagTypes } from '../annotation/model';
import { type ChunkText, TextStore } from './texts';
import { chunkColumns } from './columns';
import { documentColumns } from './document-columns';
import type { Link } from '../links/model';
import type { AnnotationSet } from '../sets/model';
import { seedIds } from '../test-support/corpus';
import { type RowFilter, filterRows, prepareRows } from './filter';
import { RowList, TableModel, type Tally } from './model';
import { type AnnotationRow, buildRows } from './rows';
import { type RowColumn, type SortDirection, sortRows } from './sort';
import { actors, ana, annotations, ben, corpus, links, rows, sets } from './test-support/sample';
import { StoredChunks, inReadOrder } from './test-support/stored';

const tagTypes: TagType[] = [...defaultTagTypes, { id: 'chronology', name: 'Chronology', color: '#777777', order: -1, namesActor: false }];
const model = new TableModel({ annotations, documents: corpus, actors, links, sets }, { locale: 'en', tagTypes });
const ids = (list: Uint32Array) => Array.from(list, (i) => model.id(i));

describe('TableModel', () => {
  it('makes each row as buildRows does, on demand', () => {
    expect(model.length).toBe(rows.length);
    rows.forEach((row, i) => expect(model.row(i)).toEqual(row));
    // The same object while the model lasts: a drawn row is not redrawn for nothing.
    expect(model.row(3)).toBe(model.row(3));
    expect(() => model.row(rows.length)).toThrow(`The table has no row ${rows.length}; it has ${rows.length}.`);
  });

  it('sorts by date, undated last either way, and filters by tag and actor', () => {
    expect(ids(model.order('date', 'descending'))).toEqual(['mehilli', 'deposing', 'dvorak', 'motive', 'acupuncture', 'grain', 'choe', 'orphan']);
    const byDate = model.order('date', 'ascending');
    expect(ids(model.filter(byDate, { tagTypeIds: ['actor'], actorId: 'khrushchev' }))).toEqual(['motive', 'deposing']);
    expect(ids(model.filter(byDate, { text: 'tirana' }))).toEqual(['acupuncture', 'mehilli']);
  });

  it('lists the rows shown, each made once asked for, and whether any has an author', () => {
    const shown = new RowList(model, model.filter(model.order('date', 'ascending'), { setId: 'chapter-3' }));
    expect(shown.length).toBe(3);
    expect(shown.id(0)).toBe('motive');
    expect(shown.at(2).annotationId).toBe('deposing');
    expect(shown.rows().map((r) => r.annotationId)).toEqual(['motive', 'acupuncture', 'deposing']);
    expect(shown.authored()).toBe(true);
    expect(new RowList(model, model.filter(model.order('date', 'ascending'), { tagTypeIds: ['economic-measure'] })).authored()).toBe(false);
  });

  it('folds ahead of the first filter in slices, while there is time', () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({ ...annotations[i % annotations.length]!, id: `a${i}` }));
    const big = new TableModel({ annotations: many, documents: corpus, actors });
    let slices = 0;
    expect(big.foldAhead(() => ++slices < 2)).toBe(false);
    expect(big.foldAhead(() => true)).toBe(true);
    expect(big.filter(big.order('date', 'ascending'), { text: 'mehilli' }).length).toBe(many.filter((a) => a.quote.exact === 'E. Mëhilli').length);
  });

  it('opens from stored columns that include a document whose only chunk holds no annotation', () => {
    const stored = new StoredChunks(2);
    stored.write(annotations);
    const texts = new TextStore(async (keys) => stored.texts(keys));
    const empty = chunkColumns('zz-empty|0', 'zz-empty', []);
    const model = new TableModel({ documents: corpus, actors, links, sets, chunks: [...stored.columns(), empty], texts });
    const whole = new TableModel({ documents: corpus, actors, links, sets, chunks: stored.columns(), texts });
    expect(Array.from({ length: model.length }, (_, i) => model.id(i))).toEqual(Array.from({ length: whole.length }, (_, i) => whole.id(i)));
  });

  it('orders many rows of few documents by date and by title as sorting them plainly does, either way', () => {
    // Each document's rows together, in runs of many: `order` places runs whole.
    const many = inReadOrder(Array.from({ length: 600 }, (_, i) => ({ ...annotations[i % annotations.length]!, id: `m${String(i).padStart(3, '0')}` })));
    const sources = { annotations: many, documents: corpus, actors, links, sets };
    const big = new TableModel(sources, { locale: 'en', tagTypes });
    const plain = buildRows(sources);
    for (const column of ['date', 'document'] as const)
      for (const direction of ['ascending', 'descending'] as const)
        expect(Array.from(big.order(column, direction), (i) => big.id(i))).toEqual(
          sortRows(plain, column, direction, { locale: 'en', tagTypes }).map((r) => r.annotationId),
        );
  });

  it('opens in slices that each make at most one of its columns, its date ranks or some of its counts', async () => {
    const stored = new StoredChunks(1);
    stored.write(annotations.filter((a) => a.documentId === annotations[0]!.documentId));
    let pauses = 0;
    const opened = await TableModel.open(
      { documents: corpus, actors, links: [], sets: [], runs: stored.runs().values(), texts: new TextStore(async (keys) => stored.texts(keys)) },
      { locale: 'en', tagTypes },
      { now: () => 0, pause: async () => void pauses++, budget: -1 },
    );
    // At a million rows each column is megabytes, and the date order and
    // the counts tens of ms: together, one task the researcher felt.
    // Eight columns, one document's rows, the date ranks, the counts in four steps.
    expect(pauses).toBeGreaterThanOrEqual(8 + 1 + 1 + 4);
    expect(opened.tally().documents.get(annotations[0]!.documentId)).toBe(opened.length);
  });

  it('refuses a column the table does not have', () => {
    expect(() => model.order('colour' as RowColumn, 'ascending')).toThrow('The table has no column "colour" to sort by.');
  });

  it('finds an edited row by its new words, keeping what it folded for the others', () => {
    model.filter(model.order('date', 'ascending'), { text: 'soviet' });
    const edited = annotations.map((a) => (a.id === 'grain' ? { ...a, note: 'Trade in grain loosened Peking’s dependence on Moscow.' } : a));
    const after = new TableModel({ annotations: edited, documents: corpus, actors, links, sets }, { previous: model });
    const all = after.order('date', 'ascending');
    expect(Array.from(after.filter(all, { text: 'loosened' }), (i) => after.id(i))).toEqual(['grain']);
    // "Soviet" is in the grain row's document title still; the motive row, unedited, keeps its folded text.
    const plain = prepareRows(sortRows(buildRows({ annotations: edited, documents: corpus, actors, links, sets }), 'date', 'ascending'));
    for (const text of ['soviet', 'peking', 'korean soviet'])
      expect(Array.from(after.filter(all, { text }), (i) => after.id(i))).toEqual(filterRows(plain, { text }).map((r) => r.annotationId));
  });
});

describe('TableModel.readText', () => {
  // A chunk for each of 130 annotations: more than two reads of 64 chunks.
  const many = Array.from({ length: 130 }, (_, i) => ({ ...annotations[i % 7]!, id: `n${String(i).padStart(3, '0')}`, documentId: seedIds.foBrief }));
  const columns = many.map((a, i) => chunkColumns(`${seedIds.foBrief}|${i}`, a.documentId, [a]));
  const text = (key: string): ChunkText => {
    const a = many[Number(key.split('|')[1])]!;
    return { quotes: [a.quote.exact], notes: [a.note], changedBy: [null], folded: [] };
  };

  it('resolves with every row’s text at hand, though a write forgets a chunk already read meanwhile', async () => {
    let reads = 0;
    const texts: TextStore = new TextStore(async (keys) => {
      // While the second batch is read, a note is edited in a chunk of the first.
      if (++reads === 2) texts.forget([columns[0]!.key]);
      return keys.map(text);
    });
    const model = new TableModel({ documents: corpus, actors, links, sets, chunks: columns, texts });
    await model.readText();
    expect(model.missingText()).toEqual([]);
    const shown = new RowList(model, model.filter(model.order('quote', 'ascending'), { text: 'motive' }));
    expect(shown.rows().map((r) => r.annotationId)).toEqual(many.filter((a) => a.quote.exact.includes('motive')).map((a) => a.id));
  });

  it('fails, naming the error, when a read fails', async () => {
    const texts = new TextStore(async () => {
      throw new Error('The disk is unreadable.');
    });
    const model = new TableModel({ documents: corpus, actors, links, sets, chunks: columns, texts });
    await expect(model.readText()).rejects.toThrow('The disk is unreadable.');
  });
});

describe('TableModel over random libraries', () => {
  const documentIds = [...Object.values(seedIds), 'a-deleted-document'];
  const quotes = ['Khrushchev’s motive', '“Dvořàk” wrote to Prague', 'Brief No. 10', 'Brief No. 5', 'çarçani', 'the Soviet Union', '   ', 'Tirana'];
  const notes = ['', '', 'Soviet pressure on Tirana failed.', 'A turning point', '  ', 'mëhilli'];
  const anaRenamed = { id: ana.id, name: 'Ana Petrova-Hill' };
  const names = [null, null, 'Khrushchev', 'N. Khrushchev', 'Enver Hoxha', 'Hoxha', 'Ri Song-un', 'Dvořàk', ' '];
  const annotation = (id: string): fc.Arbitrary<Annotation> =>
    fc
      .record({
        documentId: fc.constantFrom(...documentIds),
        exact: fc.constantFrom(...quotes),
        start: fc.nat(3000),
        tags: fc.subarray(['actor', 'claim', 'economic-measure', 'chronology', 'unknown-type']),
        actor: fc.constantFrom(...names),
        note: fc.constantFrom(...notes),
        // Ana renamed: her older rows keep the older name, and the first row met labels her.
        createdBy: fc.constantFrom(undefined, ana, ben, anaRenamed),
        modifiedBy: fc.constantFrom(undefined, ana, ben),
      })
      .map(({ exact, start, ...fields }) => ({
        id,
        quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start, end: start + exact.length },
        created: '2026-12-01T00:00:00.000Z',
        modified: '2026-12-01T00:00:00.000Z',
        ...fields,
      }));
  const library = fc.integer({ min: 0, max: 60 }).chain((count) => {
    const annotationIds = Array.from({ length: count }, (_, i) => `a${i}`);
    const someId = fc.constantFrom(...annotationIds, 'gone');
    return fc.record({
      annotations: fc.tuple(...annotationIds.map(annotation)),
      links: fc
        .array(fc.record({ from: someId, to: someId, relation: fc.constantFrom('supports', 'contradicts') }), { maxLength: 20 })
        .map((list) => list.map((l, i): Link => ({ id: `l${i}`, ...l, note: '', created: '', modified: '' }))),
      sets: fc
        .array(fc.array(someId, { maxLength: 10 }), { maxLength: 3 })
        .map((lists) =>
          lists.map((annotationIds, i): AnnotationSet => ({ id: `set-${i}`, name: `Set ${i}`, description: '', annotationIds, created: '', modified: '' })),
        ),
    });
  });
  const filter: fc.Arbitrary<RowFilter> = fc.record(
    {
      tagTypeIds: fc.subarray(['actor', 'claim', 'chronology']),
      actorId: fc.constantFrom('khrushchev', 'hoxha', 'tagged:ri song un'),
      documentIds: fc.subarray(documentIds, { maxLength: 2 }),
      setId: fc.constantFrom('set-0', 'set-1'),
      relationType: fc.constantFrom('supports', 'contradicts'),
      authorId: fc.constantFrom(ana.id, ben.id),
      text: fc.constantFrom('soviet', 'khrush', '"brief no"', 'hoxha tirana', 'x'),
    },
    { requiredKeys: [] },
  );
  const columns: RowColumn[] = ['document', 'date', 'tags', 'actor', 'quote', 'note', 'links', 'sets', 'author'];

  it('shows the rows, in the order, that building, sorting and filtering them plainly gives', () => {
    fc.assert(
      fc.property(
        library,
        fc.constantFrom(...columns),
        fc.constantFrom<SortDirection>('ascending', 'descending'),
        filter,
        fc.boolean(),
        ({ annotations, links, sets }, column, direction, rowFilter, ahead) => {
          const sources = { annotations, documents: corpus, actors: taggedResolver, links, sets };
          const plain = buildRows(sources);
          const expected = filterRows(prepareRows(sortRows(plain, column, direction, { locale: 'en', tagTypes })), rowFilter);
          const columnar = new TableModel(sources, { locale: 'en', tagTypes });
          // Folded while idle or on the first filter: the same rows either way.
          if (ahead) columnar.foldAhead(() => false);
          const shown = new RowList(columnar, columnar.filter(columnar.order(column, direction), rowFilter));
          expect(shown.rows()).toEqual(expected);
          expect(shown.authored()).toBe(expected.some((r) => r.author !== null));
          expect(columnar.tally()).toEqual(plainTally(plain));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('shows the same rows when opened from stored documents’ records, its text read by need, and after edits patched document by document', async () => {
    await fc.assert(
      fc.asyncProperty(
        library,
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom(...columns),
        fc.constantFrom<SortDirection>('ascending', 'descending'),
        filter,
        fc.array(fc.record({ at: fc.nat(), kind: fc.constantFrom('note', 'tags', 'actor', 'remove', 'move'), seed: fc.nat(9) }), { maxLength: 4 }),
        async ({ annotations, links, sets }, buckets, column, direction, rowFilter, edits) => {
          const context = { documents: corpus, actors: taggedResolver, links, sets };
          const stored = new StoredChunks(buckets);
          stored.write(annotations);
          const texts = new TextStore(async (keys) => stored.texts(keys));
          const check = async (current: readonly Annotation[], patched?: TableModel) => {
            // The old way: every annotation read, each document's in text order.
            const plain = new TableModel({ ...context, annotations: inReadOrder(current) }, { locale: 'en', tagTypes });
            // Built in slices (a pause at every step), as the table opens it.
            let pauses = 0;
            const model =
              patched ??
              (await TableModel.open(
                { ...context, runs: stored.runs().values(), texts },
                { locale: 'en', tagTypes },
                { now: () => 0, pause: async () => void pauses++, budget: -1 },
              ));
            if (!patched && stored.columns().length) expect(pauses).toBeGreaterThan(0);
            expect(model.length).toBe(plain.length);
            // Document by document, each in the order of its text.
            expect(Array.from({ length: model.length }, (_, i) => model.id(i))).toEqual(Array.from({ length: plain.length }, (_, i) => plain.id(i)));
            expect(model.tally()).toEqual(plain.tally());
            // Filters and sorts that need no text read none.
            const byTags = model.filter(model.order('tags', direction), { ...rowFilter, text: '' });
            expect(Array.from(byTags, (i) => model.id(i))).toEqual(
              Array.from(plain.filter(plain.order('tags', direction), { ...rowFilter, text: '' }), (i) => plain.id(i)),
            );
            await model.readText();
            expect(model.missingText()).toEqual([]);
            const shown = new RowList(model, model.filter(model.order(column, direction), rowFilter));
            expect(shown.rows()).toEqual(new RowList(plain, plain.filter(plain.order(column, direction), rowFilter)).rows());
            return model;
          };
          let model = await check(annotations);
          let current = [...annotations];
          for (const edit of edits) {
            if (!current.length) break;
            const target = current[edit.at % current.length]!;
            const changed: Annotation | null =
              edit.kind === 'remove'
                ? null
                : edit.kind === 'note'
                  ? { ...target, note: `${notes[edit.seed % notes.length]} ${edit.seed}` }
                  : edit.kind === 'tags'
                    ? { ...target, tags: edit.seed % 2 ? ['claim'] : ['actor', 'chronology'] }
                    : edit.kind === 'actor'
                      ? { ...target, actor: names[edit.seed % names.length]! }
                      : { ...target, position: { ...target.position, start: edit.seed * 100, end: edit.seed * 100 + 5 } };
            current = changed ? current.map((a) => (a.id === target.id ? changed : a)) : current.filter((a) => a.id !== target.id);
            // The writer rewrites the target's chunk and its document's record;
            // the table forgets the chunk's text, and patches its model when
            // the document holds the same rows.
            const written = stored.write(current, [target.documentId]);
            texts.forget(written);
            const patched = model.patch([target.documentId], stored.runs(), context);
            if (edit.kind === 'tags' || edit.kind === 'actor') expect(patched).not.toBeNull();
            if (edit.kind === 'remove') expect(patched).toBeNull();
            model = await check(current, patched ?? undefined);
          }
        },
      ),
      { numRuns: 120 },
    );
  }, 60_000);

  it('shows the same rows when opened from each document’s stored run as from its chunks, narrow or wide', async () => {
    await fc.assert(
      fc.asyncProperty(
        library,
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom(...columns),
        fc.constantFrom<SortDirection>('ascending', 'descending'),
        filter,
        fc.boolean(),
        async ({ annotations: given, links, sets }, buckets, column, direction, rowFilter, fractional) => {
          // A passage starting at a fraction (no whole offset) packs its
          // document's record wide; whole offsets and few names, narrow.
          const annotations = fractional ? given.map((a, i) => (i === 0 ? { ...a, position: { ...a.position, start: a.position.start + 0.5 } } : a)) : given;
          const context = { documents: corpus, actors: taggedResolver, links, sets };
          const stored = new StoredChunks(buckets);
          stored.write(annotations);
          const texts = new TextStore(async (keys) => stored.texts(keys));
          const clock = { now: () => 0, pause: async () => {}, budget: -1 };
          const fromChunks = await TableModel.open({ ...context, chunks: stored.columns(), texts }, { locale: 'en', tagTypes }, clock);
          const documentIds = [...new Set(stored.columns().map((c) => c.documentId))];
          const runs = documentIds.map((id) =>
            documentColumns(
              id,
              stored.columns().filter((c) => c.documentId === id),
              'stamp',
            ),
          );
          for (const run of runs) expect(run.narrow).toBe(!(fractional && run.documentId === annotations[0]?.documentId));
          const model = await TableModel.open({ ...context, runs, texts }, { locale: 'en', tagTypes }, clock);
          expect(model.length).toBe(fromChunks.length);
          expect(Array.from({ length: model.length }, (_, i) => model.id(i))).toEqual(Array.from({ length: fromChunks.length }, (_, i) => fromChunks.id(i)));
          expect(model.tally()).toEqual(fromChunks.tally());
          await model.readText();
          expect(model.missingText()).toEqual([]);
          const shown = new RowList(model, model.filter(model.order(column, direction), rowFilter));
          expect(shown.rows()).toEqual(new RowList(fromChunks, fromChunks.filter(fromChunks.order(column, direction), rowFilter)).rows());
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);
});

/// The filters' counts read from the rows plainly, as the table counted them before.
function plainTally(rows: readonly AnnotationRow[]): Tally {
  const tally: Tally = { tags: new Map(), sets: new Map(), relations: new Map(), documents: new Map(), actors: new Map(), authors: new Map() };
  const add = (map: Map<string, number>, id: string) => map.set(id, (map.get(id) ?? 0) + 1);
  for (const row of rows) {
    for (const tag of row.tags) add(tally.tags, tag);
    for (const set of row.setIds) add(tally.sets, set);
    for (const relation of row.relations) add(tally.relations, relation);
    add(tally.documents, row.documentId);
    if (row.actorId) {
      const actor = tally.actors.get(row.actorId);
      if (actor) actor.count++;
      else tally.actors.set(row.actorId, { label: row.actor ?? '', count: 1 });
    }
    if (row.authorId) {
      const author = tally.authors.get(row.authorId);
      if (author) author.count++;
      else tally.authors.set(row.authorId, { label: row.author ?? '', count: 1 });
    }
  }
  return tally;
}

// Names no actor claims resolve to a stand-in, as the table's resolver does.
const taggedResolver = {
  resolve: (name: string | null) =>
    actors.resolve(name) ?? (name?.trim() ? { id: `tagged:${name.toLowerCase().replace(/-/g, ' ')}`, name, aliases: [], created: '', modified: '' } : null),
};
