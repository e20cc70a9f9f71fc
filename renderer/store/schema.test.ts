import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { type Annotation, defaultTagTypes } from '../../shared/annotation/model';
import { defaultRelationTypes } from '../../shared/links/model';
import * as rows from './annotation-rows';
import { maxPerBucket } from './chunk-layout';
import { PalimpsestDb, type ReviewRow, type RevisionRow } from './db';

/// A library as version 2 left it: versions 1 and 2 of the schema only,
/// as they shipped.
function versionTwo(name: string): Dexie {
  const db = new Dexie(name);
  db.version(1).stores({ annotations: 'id, documentId, *tags, actor, modified', tagTypes: 'id, order' });
  db.version(2).stores({ revisions: '++seq, documentId', reviews: 'annotationId, documentId' });
  return db;
}

function annotation(documentId: string, i: number): Annotation {
  return {
    id: `${documentId}:${i}`,
    documentId,
    quote: { type: 'TextQuoteSelector', exact: `passage ${i} of ${documentId}`, prefix: 'ë ', suffix: ' Ж' },
    position: { type: 'TextPositionSelector', start: i, end: i + 20 },
    tags: i % 3 === 0 ? ['actor', 'claim'] : i % 3 === 1 ? ['claim'] : ['economic-measure'],
    actor: i % 3 === 0 ? ['Khrushchev', 'Hoxha', 'Mao'][(i % 9) / 3]! : null,
    note: i % 4 === 0 ? `note ${i}` : '',
    created: '2026-01-01T00:00:00.000Z',
    modified: `2026-02-${String(1 + (i % 28)).padStart(2, '0')}T00:00:00.000Z`,
  };
}

const byId = (list: readonly Annotation[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('migrating a version-2 library to the current schema', () => {
  it('moves every annotation of a version-2 library into chunks, and keeps revisions and reviews', async () => {
    const name = 'migrate-v2';
    const old = versionTwo(name);
    // One document large enough to need several buckets at once.
    const annotations = [
      ...Array.from({ length: 3 * maxPerBucket }, (_, i) => annotation('fo-brief', i)),
      ...Array.from({ length: 40 }, (_, i) => annotation('czech-memo', i)),
      annotation('lone', 1),
    ];
    const revision: RevisionRow = {
      seq: 1,
      documentId: 'fo-brief',
      fileName: 'brief.revised.md',
      source: '# Brief',
      created: '2026-03-01T00:00:00.000Z',
      fingerprint: 'f1',
    };
    const review: ReviewRow = { annotationId: 'fo-brief:4', documentId: 'fo-brief', revision: 1, status: 'moved', oldQuote: 'passage', newText: 'passage' };
    await old.table('tagTypes').bulkAdd(defaultTagTypes.map((t) => ({ ...t })));
    await old.table('annotations').bulkAdd(annotations);
    await old.table('revisions').add(revision);
    await old.table('reviews').add(review);
    old.close();

    const db = new PalimpsestDb(name);
    await db.open();
    expect(db.verno).toBe(14);
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'actors',
      'annotationChunks',
      'chunkLayouts',
      'documentEdits',
      'documentListings',
      'documents',
      'links',
      'listingSnapshot',
      'listingStamps',
      'relationTypes',
      'reviews',
      'revisions',
      'sets',
      'tableColumns',
      'tableRuns',
      'tagTypes',
    ]);
    expect(byId(await rows.all(db))).toEqual(byId(annotations));
    expect(await rows.countsByDocument(db)).toEqual(
      new Map([
        ['fo-brief', 3 * maxPerBucket],
        ['czech-memo', 40],
        ['lone', 1],
      ]),
    );
    expect((await db.chunkLayouts.get('fo-brief'))?.buckets).toBe(4);
    // The table's record of each document, its rows in text order (version 13).
    expect(new Map((await db.tableRuns.toArray()).map((run) => [run.documentId, run.count]))).toEqual(await rows.countsByDocument(db));
    expect(byId(await rows.withTag(db, 'actor'))).toEqual(byId(annotations.filter((a) => a.tags.includes('actor'))));
    expect(byId(await rows.withActor(db, 'Hoxha'))).toEqual(byId(annotations.filter((a) => a.actor === 'Hoxha')));
    expect(await rows.actors(db)).toEqual(['Hoxha', 'Khrushchev', 'Mao']);
    expect(await db.revisions.toArray()).toEqual([revision]);
    expect(await db.reviews.toArray()).toEqual([review]);
    expect(await db.tagTypes.count()).toBe(3);
    // Version 4 brings the default relation types to a library that had none.
    expect((await db.relationTypes.orderBy('order').toArray()).map((r) => r.name)).toEqual(defaultRelationTypes.map((r) => r.name));
    expect(await db.links.count()).toBe(0);
    db.close();

    // The old table is gone from IndexedDB itself, not only from Dexie's view.
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    expect([...raw.objectStoreNames]).not.toContain('annotations');
    raw.close();
    await Dexie.delete(name);
  });

  it('gives a new library the default tag and relation types once', async () => {
    const db = new PalimpsestDb('fresh-v4');
    expect(await db.tagTypes.count()).toBe(defaultTagTypes.length);
    expect(await db.relationTypes.count()).toBe(defaultRelationTypes.length);
    db.close();
    await Dexie.delete('fresh-v4');
  });

  it('opens an empty version-2 library with nothing to move', async () => {
    const name = 'migrate-v2-empty';
    const old = versionTwo(name);
    await old.open();
    old.close();
    const db = new PalimpsestDb(name);
    expect(await rows.all(db)).toEqual([]);
    expect(await rows.countsByDocument(db)).toEqual(new Map());
    db.close();
    await Dexie.delete(name);
  });
});
