import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadCorpus, seed, seedIds } from '../../shared/test-support/corpus';
import { chunkedFile, textOf } from '../../shared/test-support/pieces';
import { ImportError } from '../../shared/format/errors';
import { type RecordKind, recordsDiff } from '../../shared/format/restore';
import { memoryHost } from './test-support/backup-host';
import { AnnotationStore } from './annotations';
import * as rows from './annotation-rows';
import { BackupScheduler, backupFile, backupFileName, previewRestore, previewRestoreFile, restoreBackup } from './backups';
import { exportAnnotations } from './transfer';
import type { PalimpsestDb } from './db';
import { dropDbs, freshDb, importedMemo } from './test-support/db';
import { importFile } from '../../shared/importers/import-file';
import { addDocuments, currentDocuments, deleteDocument, documentRowOf } from './documents';
import { applyRevision, planRevision } from './revisions';

const corpus = loadCorpus();
const brief = seed(corpus, seedIds.foBrief);
const text = brief.text.text;
// The brief's corrected edition: it has no "/their", whose passage it orphans.
const revisedBrief = readFileSync(
  join(import.meta.dirname, '..', '..', 'shared', 'anchoring', 'baselines', 'fo-brief-sino-soviet-relations-and-albania-1962.revised.md'),
  'utf8',
);

let db: PalimpsestDb;
beforeEach(() => {
  db = freshDb('backups');
});
afterEach(dropDbs);

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/// A scheduler over `documents` whose failed backup fails the test.
function failingLoudly(host: ReturnType<typeof memoryHost>, documents: ConstructorParameters<typeof BackupScheduler>[1] = corpus, quiet = 5) {
  return new BackupScheduler(
    db,
    documents,
    host,
    (message) => {
      throw new Error(message);
    },
    quiet,
  );
}

/// A claim in the brief, and an Actor passage linked to it as
/// contradicting it.
async function claimContradicted(store: AnnotationStore) {
  const a = text.indexOf('apple of discord');
  const b = text.indexOf('Corfu Channel');
  const claim = await store.create(brief, a, a + 16, { tags: ['claim'] });
  const other = await store.create(brief, b, b + 13, { tags: ['actor'], actor: 'Hoxha' });
  await store.link(other, claim, 'contradicts', 'the Corfu affair');
  return { claim, other };
}

describe('automatic backups', () => {
  it('back up the library shortly after a change, and not again while nothing changes', async () => {
    const host = memoryHost();
    // The quiet before a backup is long enough that the writes of one
    // annotation never span it, even on a loaded machine: with 20 ms, CI once
    // backed up between two of them, and again after.
    const quiet = 250;
    const scheduler = failingLoudly(host, corpus, quiet);
    const stop = scheduler.watch();
    const store = new AnnotationStore(db);
    const at = text.indexOf('apple of discord');
    await store.create(brief, at, at + 16, { tags: ['claim'] });
    await vi.waitFor(() => expect(host.files.size).toBe(1), { timeout: 5000 });
    await wait(2 * quiet);
    expect(host.files.size).toBe(1);
    expect([...host.files.values()][0]!.info.annotations).toBe(1);
    expect(await scheduler.flush()).toBeNull();
    expect(host.files.size).toBe(1);
    stop();
  });

  it('report a failed backup instead of failing silently', async () => {
    const messages: string[] = [];
    const host = { ...memoryHost(), write: async () => Promise.reject(new Error('The disk is full: the backup was not written.')) };
    const scheduler = new BackupScheduler(db, corpus, host, (m) => messages.push(m), 5);
    await scheduler.flush();
    expect(messages).toEqual(['The automatic backup failed: The disk is full: the backup was not written.']);
  });
});

describe('restoring a backup', () => {
  it('previews what changes, backs up the present first, and brings the annotations back', async () => {
    const host = memoryHost();
    const scheduler = new BackupScheduler(db, corpus, host, () => {}, 5);
    const store = new AnnotationStore(db);
    const at = text.indexOf('apple of discord');
    const kept = await store.create(brief, at, at + 16, { tags: ['claim'], note: 'before' });
    const backup = (await scheduler.flush())!;
    // Just made, it holds the library as it is: nothing to restore.
    expect((await previewRestore(db, host, backup)).unchanged).toBe(true);

    await store.update(kept, { note: 'after' });
    const b = text.indexOf('Corfu Channel');
    await store.create(brief, b, b + 13);

    const preview = await previewRestore(db, host, backup);
    expect(preview.diff).toEqual({ restored: 0, reverted: 1, removed: 1, same: 0 });
    expect(preview.unchanged).toBe(false);

    await restoreBackup(db, scheduler, preview);
    expect((await rows.all(db)).map((a) => a.note)).toEqual(['before']);
    // The state before the restore is itself a backup now.
    const newest = [...host.files.values()].at(-1)!;
    expect(newest.info.annotations).toBe(2);
  });

  it('reads a backup of many chunks, cut anywhere, into the library as it was', async () => {
    // Chunks of 7 bytes: cuts fall inside keys, numbers and characters of
    // several bytes alike.
    const host = memoryHost(7);
    const scheduler = new BackupScheduler(db, corpus, host, () => {}, 5);
    const store = new AnnotationStore(db);
    for (const [phrase, note] of [
      ['apple of discord', 'Zürich — “the apple”'],
      ['Corfu Channel', 'Hoxha’s 𝔄 reply'],
    ] as const) {
      const at = text.indexOf(phrase);
      await store.create(brief, at, at + phrase.length, { tags: ['claim'], note });
    }
    const before = await rows.all(db);
    const backup = (await scheduler.flush())!;
    expect(backup.bytes).toBeGreaterThan(7 * 100);

    await rows.clear(db);
    // Progress as it reads, chunk by chunk, to the whole file; then as it writes.
    const read: number[] = [];
    const preview = await previewRestore(db, host, backup, (bytes) => read.push(bytes));
    expect(read.length).toBeGreaterThan(100);
    expect(read.at(-1)).toBe(new TextEncoder().encode(host.files.get(backup.id)!.content).byteLength);
    expect(preview.diff).toEqual({ restored: 2, reverted: 0, removed: 0, same: 0 });
    const written: [number, number][] = [];
    await restoreBackup(db, scheduler, preview, (done, total) => written.push([done, total]));
    expect(written.at(-1)).toEqual([2, 2]);
    expect(await rows.all(db)).toEqual(before);
  });

  it('names a backup cut short or damaged, and leaves the library as it is', async () => {
    const host = memoryHost(64);
    const scheduler = new BackupScheduler(db, corpus, host, () => {}, 5);
    const store = new AnnotationStore(db);
    const at = text.indexOf('apple of discord');
    await store.create(brief, at, at + 16, { tags: ['claim'], note: 'kept' });
    const backup = (await scheduler.flush())!;
    const stored = host.files.get(backup.id)!;
    const whole = stored.content;
    const library = await rows.all(db);

    stored.content = whole.slice(0, Math.floor(whole.length * 0.6));
    await expect(previewRestore(db, host, backup)).rejects.toThrow(/cut short/);
    stored.content = whole.replace('"annotations": [', '"annotations": [,');
    await expect(previewRestore(db, host, backup)).rejects.toThrow(/not valid JSON/);
    stored.content = whole.replace('"note": "kept"', '"note": 42');
    await expect(previewRestore(db, host, backup)).rejects.toThrow(/\$\.annotations\[0\]\.note/);
    expect(await rows.all(db)).toEqual(library);
  });
});

describe('a backup of the whole library', () => {
  it('keeps links, actors, sets and relation types, and a restore brings them back as they were', async () => {
    const host = memoryHost();
    const scheduler = new BackupScheduler(db, corpus, host, () => {}, 5);
    const store = new AnnotationStore(db);
    const { claim, other } = await claimContradicted(store);
    await db.actors.add({ id: 'hoxha', name: 'Enver Hoxha', aliases: ['Hoxha'], created: '2026-11-01T00:00:00.000Z', modified: '2026-11-01T00:00:00.000Z' });
    await db.sets.add({
      id: 's1',
      name: 'Albania',
      description: '',
      annotationIds: [claim.id, other.id],
      created: '2026-11-01T00:00:00.000Z',
      modified: '2026-11-01T00:00:00.000Z',
    });
    const saved = {
      links: await db.links.toArray(),
      actors: await db.actors.toArray(),
      sets: await db.sets.toArray(),
      relationTypes: await db.relationTypes.toArray(),
    };
    const backup = (await scheduler.flush())!;

    // Everything beside the annotations changes, then the backup is restored.
    await store.unlink(saved.links[0]!.id);
    await db.actors.clear();
    await db.sets.update('s1', { annotationIds: [] });
    await db.relationTypes.delete('cites');
    await restoreBackup(db, scheduler, await previewRestore(db, host, backup));
    expect(await db.links.toArray()).toEqual(saved.links);
    expect(await db.actors.toArray()).toEqual(saved.actors);
    expect(await db.sets.toArray()).toEqual(saved.sets);
    expect(await db.relationTypes.toArray()).toEqual(saved.relationTypes);
  });
});

describe('a backup and an imported document', () => {
  it('brings back a deleted document with its annotations and its edited description', async () => {
    const host = memoryHost();
    const row = await importedMemo(db, corpus);
    // The app's documents, as App keeps them: imported ones included.
    const documents = await currentDocuments(db, corpus);
    const scheduler = failingLoudly(host, documents);
    const memo = documents.get(row.id)!;
    const at = memo.text.text.indexOf('Albania');
    const annotation = await new AnnotationStore(db).create(memo, at, at + 7, { tags: ['claim'] });
    const backup = (await scheduler.flush())!;

    expect(await deleteDocument(db, row.id)).toBe(1);
    await restoreBackup(db, scheduler, await previewRestore(db, host, backup));
    const back = (await currentDocuments(db, corpus)).get(row.id)!;
    expect(back.text.text).toBe(memo.text.text);
    expect(back.collection).toBe('Prague files');
    expect(await rows.all(db)).toEqual([annotation]);
  });
});

describe('a document deleted and imported again under the same name', () => {
  it('is backed up with its new text, and a restore brings that text back', async () => {
    const host = memoryHost();
    const scheduler = failingLoudly(host);
    const add = async (text: string, added: string) => {
      const row = documentRowOf(await importFile('memo-april.txt', new TextEncoder().encode(text)), new Set(corpus.keys()), new Date(added));
      await addDocuments(db, [row]);
      return row;
    };
    const first = await add('Memorandum of 3 April 1962.\n\nKhrushchev spoke of Albania.\n', '2026-11-23T10:00:00Z');
    expect(await scheduler.flush()).not.toBeNull();
    await deleteDocument(db, first.id);
    const again = await add('Memorandum of 3 April 1962, corrected.\n\nKhrushchev spoke of Albania and of China.\n', '2026-11-24T10:00:00Z');
    expect(again.id).toBe(first.id);

    // The same id, another text: the next backup must hold it.
    const backup = await scheduler.flush();
    expect(backup).not.toBeNull();
    await deleteDocument(db, again.id);
    await restoreBackup(db, scheduler, await previewRestore(db, host, backup!));
    expect((await currentDocuments(db, corpus)).get(again.id)?.text.text).toContain('of China');
  });
});

describe('a backup of a library left inconsistent', () => {
  it('backs up an annotation whose document is missing, says so, and a restore brings it back', async () => {
    const host = memoryHost();
    const messages: string[] = [];
    const scheduler = new BackupScheduler(db, corpus, host, (m) => messages.push(m), 5);
    const at = text.indexOf('apple of discord');
    const kept = await new AnnotationStore(db).create(brief, at, at + 16, { tags: ['claim'] });
    // As an older version of the app left it: an annotation of a document
    // that is no longer there.
    const orphan = { ...kept, id: 'orphan', documentId: 'gone' };
    await rows.put(db, [orphan]);

    const backup = (await scheduler.flush())!;
    expect(backup.annotations).toBe(2);
    expect(messages).toEqual([expect.stringContaining('keeps annotations of documents that are no longer in the library (“gone”)')]);
    await rows.remove(db, [orphan]);
    await restoreBackup(db, scheduler, await previewRestore(db, host, backup));
    expect((await rows.all(db)).map((a) => a.id).sort()).toEqual(['orphan', kept.id].sort());
  });
});

describe('a backup file chosen by the researcher', () => {
  it('restores a saved backup file, and refuses an export of one document, which would empty every other', async () => {
    const at = text.indexOf('apple of discord');
    await new AnnotationStore(db).create(brief, at, at + 16, { tags: ['claim'] });
    const saved = await backupFile(db, corpus, new Date('2026-12-03T09:00:00Z'));
    const file = { name: backupFileName(new Date('2026-12-03T09:00:00Z')), content: await textOf(saved.pieces) };
    expect(file.name).toBe('palimpsest-backup-2026-12-03T09-00.json');
    expect(JSON.parse(file.content).exported).toBe('2026-12-03T09:00:00.000Z');
    expect(saved.count).toBe(1);
    const one = (await exportAnnotations(db, corpus, { kind: 'document', documentId: brief.id })).content as string;
    await expect(previewRestoreFile(db, chunkedFile('brief.json', one))).rejects.toThrow(
      '$.scope: brief.json is an export of one document, not a backup of the whole library; bring it in with Annotations… in the library’s Import menu instead',
    );

    await rows.clear(db);
    const preview = await previewRestoreFile(db, chunkedFile(file.name, file.content));
    expect(preview.diff).toEqual({ restored: 1, reverted: 0, removed: 0, same: 0 });
    await restoreBackup(db, new BackupScheduler(db, corpus, memoryHost(), () => {}, 5), preview);
    expect(await rows.all(db)).toHaveLength(1);
  });
});

describe('a backup file read in chunks', () => {
  it('previews the same in chunks of 7 bytes as whole, in the app’s layout or on one line, telling the bytes read', async () => {
    const at = text.indexOf('apple of discord');
    await new AnnotationStore(db).create(brief, at, at + 16, { tags: ['claim'], note: 'Zürich — “ok”' });
    const content = await textOf((await backupFile(db, corpus, new Date('2026-12-03T09:00:00Z'))).pieces);
    const whole = await previewRestoreFile(db, chunkedFile('backup.json', content, 1 << 30));
    expect(whole.annotations).toHaveLength(1);
    for (const layout of [content, JSON.stringify(JSON.parse(content))]) {
      const read: number[] = [];
      const file = chunkedFile('backup.json', layout);
      const chunked = await previewRestoreFile(db, file, (bytes) => read.push(bytes));
      expect(chunked).toEqual({ ...whole, backup: { ...whole.backup, bytes: file.bytes } });
      expect(read.at(-1)).toBe(file.bytes);
    }
  });

  it('names what is wrong in a file cut short or not JSON', async () => {
    const content = await textOf((await backupFile(db, corpus, new Date('2026-12-03T09:00:00Z'))).pieces);
    await expect(previewRestoreFile(db, chunkedFile('cut.json', content.slice(0, content.length / 2)))).rejects.toThrow(/cut short/);
    await expect(previewRestoreFile(db, chunkedFile('notes.json', 'Dear diary,'))).rejects.toThrow(ImportError);
  });
});

describe('a backup of a revised document', () => {
  it('keeps the revision its annotations count in, and a restore brings it back', async () => {
    const revised = text.replace('The most plausible interpretation', 'The likeliest reading');
    const exact = 'Albania has recently been seeking';
    await applyRevision(db, await planRevision(db, brief, 'brief-corrected.md', revised));
    const current = (await currentDocuments(db, corpus)).get(brief.id)!;
    await new AnnotationStore(db).create(current, current.text.text.indexOf(exact), current.text.text.indexOf(exact) + exact.length);
    const { content } = await exportAnnotations(db, await currentDocuments(db, corpus), { kind: 'all' });

    // The revision is lost (say, with its document deleted and undone elsewhere).
    await db.revisions.clear();
    const preview = await previewRestoreFile(db, chunkedFile('backup.json', content as string));
    await restoreBackup(db, new BackupScheduler(db, corpus, memoryHost(), () => {}, 5), preview);
    expect((await db.revisions.toArray()).map((r) => r.fileName)).toEqual(['brief-corrected.md']);
    const restored = (await currentDocuments(db, corpus)).get(brief.id)!;
    const [annotation] = await rows.all(db);
    expect(restored.text.text.slice(annotation!.position.start, annotation!.position.end)).toBe(exact);
  });
});

describe('a restore and the review list a revision left', () => {
  it('restoring a point from before the revision takes its entries off the list, and the passage it orphaned is in place again', async () => {
    const store = new AnnotationStore(db);
    const at = text.indexOf('/their');
    const debris = await store.create(brief, at, at + '/their'.length, { tags: ['claim'] });
    const before = (await exportAnnotations(db, await currentDocuments(db, corpus), { kind: 'all' })).content as string;
    await applyRevision(db, await planRevision(db, brief, 'brief-revised.md', revisedBrief));
    expect((await db.reviews.toArray()).map((r) => [r.annotationId, r.status])).toEqual([[debris.id, 'orphaned']]);

    const preview = await previewRestoreFile(db, chunkedFile('before.json', before));
    await restoreBackup(db, failingLoudly(memoryHost()), preview);
    expect(await db.revisions.count()).toBe(0);
    expect(await db.reviews.count()).toBe(0);
    const restored = (await currentDocuments(db, corpus)).get(brief.id)!;
    expect(restored.text.text.slice(debris.position.start, debris.position.end)).toBe('/their');
  });

  it('keeps the entries of a revision the point holds', async () => {
    const store = new AnnotationStore(db);
    const at = text.indexOf('/their');
    const debris = await store.create(brief, at, at + '/their'.length, { tags: ['claim'] });
    await applyRevision(db, await planRevision(db, brief, 'brief-revised.md', revisedBrief));
    const after = (await exportAnnotations(db, await currentDocuments(db, corpus), { kind: 'all' })).content as string;
    const preview = await previewRestoreFile(db, chunkedFile('after.json', after));
    await restoreBackup(db, failingLoudly(memoryHost()), preview);
    expect((await db.reviews.toArray()).map((r) => [r.annotationId, r.status])).toEqual([[debris.id, 'orphaned']]);
  });

  it('brings the list back into a library that lost it: the backup carries it', async () => {
    const store = new AnnotationStore(db);
    const at = text.indexOf('/their');
    const debris = await store.create(brief, at, at + '/their'.length, { tags: ['claim'] });
    await applyRevision(db, await planRevision(db, brief, 'brief-revised.md', revisedBrief));
    const after = (await exportAnnotations(db, await currentDocuments(db, corpus), { kind: 'all' })).content as string;
    // A new machine's library, or one whose list was cleared since.
    await db.reviews.clear();
    const preview = await previewRestoreFile(db, chunkedFile('after.json', after));
    await restoreBackup(db, failingLoudly(memoryHost()), preview);
    expect((await db.reviews.toArray()).map((r) => [r.annotationId, r.status, r.oldQuote])).toEqual([[debris.id, 'orphaned', '/their']]);
  });
});

describe('a revision and the automatic backups', () => {
  it('a revision that moves no annotation is backed up shortly after, as any change is', async () => {
    const host = memoryHost();
    const scheduler = failingLoudly(host);
    await scheduler.flush();
    const stop = scheduler.watch();
    await applyRevision(db, await planRevision(db, brief, 'brief-corrected.md', text.replace('The most plausible interpretation', 'The likeliest reading')));
    await wait(60);
    stop();
    expect(host.files.size).toBe(2);
  });
});

describe('the preview of a restore, beside the annotations', () => {
  // The library's records of every kind a restore writes, keyed as the preview pairs them.
  async function records(): Promise<Map<RecordKind, { key: string | number; record: unknown }[]>> {
    const byId = (record: { id: string }) => ({ key: record.id, record });
    return new Map<RecordKind, { key: string | number; record: unknown }[]>([
      ['tag type', (await db.tagTypes.toArray()).map(byId)],
      ['relation type', (await db.relationTypes.toArray()).map(byId)],
      ['link', (await db.links.toArray()).map(byId)],
      ['actor', (await db.actors.toArray()).map(byId)],
      ['set', (await db.sets.toArray()).map(byId)],
      ['document', (await db.documents.toArray()).map(byId)],
      ['description', (await db.documentEdits.toArray()).map((edit) => ({ key: edit.documentId, record: edit }))],
      ['revision', (await db.revisions.toArray()).map((revision) => ({ key: revision.seq, record: revision }))],
    ]);
  }

  it('counts the documents, revisions, links, actors, sets and types that come back, go back or go, as the restore then does', async () => {
    const host = memoryHost();
    const row = await importedMemo(db, corpus);
    const documents = await currentDocuments(db, corpus);
    const scheduler = new BackupScheduler(db, documents, host, () => {}, 5);
    const store = new AnnotationStore(db);
    const { claim } = await claimContradicted(store);
    await applyRevision(db, await planRevision(db, brief, 'fo-brief-revised.md', `${text}\n\nA paragraph added.`));
    await db.actors.add({ id: 'hoxha', name: 'Enver Hoxha', aliases: [], created: '2026-11-01T00:00:00.000Z', modified: '2026-11-01T00:00:00.000Z' });
    await db.sets.add({
      id: 's1',
      name: 'Albania',
      description: '',
      annotationIds: [claim.id],
      created: '2026-11-01T00:00:00.000Z',
      modified: '2026-11-01T00:00:00.000Z',
    });
    const backup = (await scheduler.flush())!;

    // Since the backup: the memo deleted (its description with it), the
    // link undone, an actor renamed and one added, the set emptied, a tag
    // type recoloured and a relation type deleted.
    expect(await deleteDocument(db, row.id)).toBe(0);
    await store.unlink((await db.links.toArray())[0]!.id);
    await db.actors.update('hoxha', { name: 'Hoxha, Enver' });
    await db.actors.add({ id: 'shehu', name: 'Mehmet Shehu', aliases: [], created: '2026-12-01T00:00:00.000Z', modified: '2026-12-01T00:00:00.000Z' });
    await db.sets.update('s1', { annotationIds: [] });
    await db.tagTypes.update('claim', { color: '#000000' });
    await db.relationTypes.delete('cites');

    const preview = await previewRestore(db, host, backup);
    const said = preview.others.filter((change) => change.restored + change.reverted + change.removed > 0);
    expect(said.sort((x, y) => x.kind.localeCompare(y.kind))).toEqual([
      { kind: 'actor', restored: 0, reverted: 1, removed: 1 },
      { kind: 'description', restored: 1, reverted: 0, removed: 0 },
      { kind: 'document', restored: 1, reverted: 0, removed: 0 },
      { kind: 'link', restored: 1, reverted: 0, removed: 0 },
      { kind: 'relation type', restored: 1, reverted: 0, removed: 0 },
      { kind: 'set', restored: 0, reverted: 1, removed: 0 },
      { kind: 'tag type', restored: 0, reverted: 1, removed: 0 },
    ]);

    // What the restore then does, kind by kind, is what the preview said.
    const before = await records();
    await restoreBackup(db, scheduler, preview);
    const after = await records();
    for (const change of preview.others) {
      const done = recordsDiff(change.kind, before.get(change.kind)!, after.get(change.kind)!, (entry) => entry.key);
      expect({ ...done, kind: change.kind }).toEqual(change);
    }
    // Restored again, the same backup changes nothing.
    expect((await previewRestore(db, host, backup)).unchanged).toBe(true);
  });

  it('says a document goes back when one of the same name was imported again since, with another text', async () => {
    const host = memoryHost();
    const first = await importFile('letter.md', new TextEncoder().encode('# Letter\n\nThe first transcription, with errors.\n'));
    const row = documentRowOf(first, new Set(corpus.keys()), new Date('2026-11-23T10:00:00Z'));
    await addDocuments(db, [row]);
    const scheduler = new BackupScheduler(db, await currentDocuments(db, corpus), host, () => {}, 5);
    const backup = (await scheduler.flush())!;
    await deleteDocument(db, row.id);
    const second = await importFile('letter.md', new TextEncoder().encode('# Letter\n\nA new transcription, checked.\n'));
    const again = documentRowOf(second, new Set(corpus.keys()), new Date('2026-11-25T10:00:00Z'));
    expect(again.id).toBe(row.id);
    await addDocuments(db, [again]);
    const preview = await previewRestore(db, host, backup);
    expect(preview.unchanged).toBe(false);
    expect(preview.others.find((change) => change.kind === 'document')).toEqual({ kind: 'document', restored: 0, reverted: 1, removed: 0 });
  });
});
