import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describePassage } from '../../shared/anchoring/selectors';
import { defaultTagTypes } from '../../shared/annotation/model';
import { loadCorpus, seed, seedIds } from '../../shared/test-support/corpus';
import * as rows from './annotation-rows';
import { AnnotationStore } from './annotations';
import { PalimpsestDb } from './db';
import { annotate, dropDbs, freshDb } from './test-support/db';
import { currentDocuments } from './documents';
import { applyRevision, planRevision, reattach } from './revisions';

const corpus = loadCorpus();
const brief = seed(corpus, seedIds.foBrief);
const revisedName = 'fo-brief-sino-soviet-relations-and-albania-1962.revised.md';
const revised = readFileSync(join(import.meta.dirname, '..', '..', 'shared', 'anchoring', 'baselines', revisedName), 'utf8');

let db: PalimpsestDb;
const n = 0;
beforeEach(() => {
  db = freshDb('revisions');
});
afterEach(dropDbs);

const claim = (exact: string) => annotate(new AnnotationStore(db), brief, exact, { tags: ['claim'] });

describe('a revision of a document', () => {
  it('re-anchors every annotation, lists what moved, changed or was lost, and becomes the current text', async () => {
    const typo = await claim("Unpredictable through Khrushchev's behaviour often is");
    const debris = await claim('/their');
    const kept = await claim('£843,947');
    const plan = await planRevision(db, brief, revisedName, revised);
    // The figure only shifted by the re-wrapped lines before it: unchanged.
    expect(plan.counts).toEqual({ unchanged: 1, moved: 0, fuzzy: 1, orphaned: 1 });
    await applyRevision(db, plan);

    const documents = await currentDocuments(db, corpus);
    const current = documents.get(brief.id)!;
    expect(current.text.text).not.toBe(brief.text.text);
    const stored = new Map((await rows.all(db)).map((a) => [a.id, a]));
    const slice = (id: string) => current.text.text.slice(stored.get(id)!.position.start, stored.get(id)!.position.end);
    expect(slice(typo.id)).toBe('Unpredictable though Khrushchev’s behaviour often is');
    expect(slice(kept.id)).toBe('£843,947');
    // The orphan keeps its old selectors, for the review list.
    expect(stored.get(debris.id)!.quote.exact).toBe('/their');
    const reviews = (await db.reviews.toArray()).sort((a, b) => a.status.localeCompare(b.status));
    expect(reviews.map((r) => [r.status, r.oldQuote, r.newText])).toEqual([
      ['fuzzy', "Unpredictable through Khrushchev's behaviour often is", 'Unpredictable though Khrushchev’s behaviour often is'],
      ['orphaned', '/their', null],
    ]);

    // Re-attached to a passage of the new text, it leaves the review list.
    const at = current.text.text.indexOf('supremacy');
    const { quote, position } = describePassage(current.text.text, at, at + 9);
    await reattach(db, stored.get(debris.id)!, { ...stored.get(debris.id)!, quote, position });
    expect(await db.reviews.get(debris.id)).toBeUndefined();
    expect((await rows.get(db, brief.id, debris.id))!.quote.exact).toBe('supremacy');
  });

  it('a second revision that puts an orphan’s words back takes it off the review list', async () => {
    const debris = await claim('/their');
    await applyRevision(db, await planRevision(db, brief, revisedName, revised));
    expect((await db.reviews.toArray()).map((r) => r.status)).toEqual(['orphaned']);
    const current = (await currentDocuments(db, corpus)).get(brief.id)!;
    const original = readFileSync(join(import.meta.dirname, '..', '..', 'corpus', `${brief.id}.md`), 'utf8');
    const plan = await planRevision(db, current, 'brief-as-first.md', original);
    expect(plan.results.map((r) => r.status)).toEqual(['unchanged']);
    await applyRevision(db, plan);
    expect(await db.reviews.get(debris.id)).toBeUndefined();
  });

  it('refuses a revision with the very same text, saying why', async () => {
    await expect(planRevision(db, brief, 'same.md', readFileSync(join(import.meta.dirname, '..', '..', 'corpus', `${brief.id}.md`), 'utf8'))).rejects.toThrow(
      'has the same text as the version in the library',
    );
  });
});

describe('schema migration', () => {
  it('opens a version-1 library as the current version with nothing lost', async () => {
    const name = `migrate-${n}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ annotations: 'id, documentId, *tags, actor, modified', tagTypes: 'id, order' });
    const at = brief.text.text.indexOf('apple of discord');
    const { quote, position } = describePassage(brief.text.text, at, at + 16);
    const annotation = {
      id: 'old',
      documentId: brief.id,
      quote,
      position,
      tags: ['claim'],
      actor: null,
      note: 'from v1',
      created: '2026-01-01T00:00:00.000Z',
      modified: '2026-01-01T00:00:00.000Z',
    };
    await v1.table('tagTypes').bulkAdd(defaultTagTypes.map((t) => ({ ...t })));
    await v1.table('annotations').add(annotation);
    v1.close();

    const current = new PalimpsestDb(name);
    expect(await rows.all(current)).toEqual([annotation]);
    expect(await current.tagTypes.count()).toBe(3);
    expect(await current.revisions.count()).toBe(0);
    expect(current.verno).toBe(14);
    expect((await current.relationTypes.toArray()).map((r) => r.name)).toContain('contradicts');
    current.close();
    await Dexie.delete(name);
  });
});
