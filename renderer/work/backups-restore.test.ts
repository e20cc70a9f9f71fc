import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus, seed, seedIds } from '../../shared/test-support/corpus';
import { chunkedFile, textOf } from '../../shared/test-support/pieces';
import { ImportError } from '../../shared/format/errors';
import { AnnotationStore } from '../store/annotations';
import * as rows from '../store/annotation-rows';
import { BackupScheduler, backupFile, previewRestore, previewRestoreFile } from '../store/backups';
import { exportAnnotations } from '../store/transfer';
import type { PalimpsestDb } from '../store/db';
import { dropDbs, freshDb } from '../store/test-support/db';
import { memoryHost } from '../store/test-support/backup-host';
import { readInWorker } from './backups';
import { mainThreadPorts, startBackups } from './import-client';

const corpus = loadCorpus();
const brief = seed(corpus, seedIds.foBrief);
const text = brief.text.text;

let db: PalimpsestDb;
beforeEach(() => {
  db = freshDb('restore-worker');
});
afterEach(dropDbs);

const worker = () => startBackups(() => ({ db, documents: async () => corpus }), mainThreadPorts);

// Annotates the `n` places after `from` in the brief.
async function annotate(n: number, from = 200, note = ''): Promise<void> {
  const store = new AnnotationStore(db);
  for (let i = 0; i < n; i++) {
    const start = text.indexOf(' ', from + i * 41) + 1;
    await store.create(brief, start, start + 20, { tags: ['claim'], note });
  }
}

describe('a restore read in the backup worker', () => {
  it('previews as the page does, from a full backup and from an increment on it, then writes it all with progress', async () => {
    const host = memoryHost();
    const scheduler = new BackupScheduler(db, corpus, host, () => {}, 5);
    await annotate(6);
    const full = (await scheduler.flush())!;
    await annotate(2, 2000);
    const point = (await scheduler.flush())!;
    expect(point.base).toBe(full.id);
    const atPoint = await rows.all(db);
    await rows.clear(db);
    await annotate(3, 4000, 'made since');

    const calls = worker();
    for (const backup of [full, point]) {
      const read: number[] = [];
      const opened: string[] = [];
      const { readId, summary } = await readInWorker(
        calls,
        { kind: 'kept', backup },
        (id) => {
          opened.push(id);
          return host.readChunks(id);
        },
        (bytes) => read.push(bytes),
      );
      const onPage = await previewRestore(db, host, backup);
      expect(summary).toEqual({ backup, count: onPage.annotations.length, diff: onPage.diff, others: onPage.others, unchanged: onPage.unchanged });
      // An increment is read with its base, each once.
      expect(opened).toEqual(backup.base ? [point.id, full.id] : [full.id]);
      expect(read.at(-1)).toBe(backup.bytes + (backup.base ? full.bytes : 0));
      if (backup === full) {
        await calls.restoreDrop({ readId });
        await expect(calls.restoreWrite({ readId })).rejects.toThrow(`There is no restore ${readId} being read`);
        continue;
      }
      const written: number[] = [];
      await calls.restoreWrite({ readId }, { onProgress: (done) => written.push(done) });
      expect(written.at(-1)).toBe(8);
    }
    expect(await rows.all(db)).toEqual(atPoint);
  });

  it('reads a chosen file in the app’s layout or on one line, and refuses a bad one with what is wrong, nothing changed', async () => {
    await annotate(4);
    const content = await textOf((await backupFile(db, corpus, new Date('2026-12-03T09:00:00Z'))).pieces);
    const one = (await exportAnnotations(db, corpus, { kind: 'document', documentId: brief.id })).content as string;
    await rows.clear(db);
    await annotate(1, 5000);
    const before = await rows.all(db);
    const calls = worker();
    const readFile = (name: string, body: string) => {
      const file = chunkedFile(name, body, 1000);
      return readInWorker(calls, { kind: 'file', name, bytes: file.bytes }, () => file.chunks());
    };

    await expect(readFile('cut.json', content.slice(0, content.length / 2))).rejects.toThrow(/cut short/);
    await expect(readFile('notes.json', 'Dear diary,')).rejects.toThrow(ImportError);
    await expect(readFile('brief.json', one)).rejects.toThrow('$.scope: brief.json is an export of one document, not a backup of the whole library');
    expect(await rows.all(db)).toEqual(before);

    const onPage = await previewRestoreFile(db, chunkedFile('backup.json', content));
    for (const layout of [content, JSON.stringify(JSON.parse(content))]) {
      const { summary } = await readFile('backup.json', layout);
      expect(summary).toEqual({
        backup: { ...onPage.backup, bytes: new TextEncoder().encode(layout).byteLength },
        fileName: 'backup.json',
        count: 4,
        diff: onPage.diff,
        others: onPage.others,
        unchanged: onPage.unchanged,
      });
    }
    // The last read is the one written; the earlier ones were let go.
    const { readId } = await readFile('backup.json', content);
    await calls.restoreWrite({ readId });
    expect(await rows.all(db)).toHaveLength(4);
  });

  it('lets the read go when the page’s reading fails, and the next read works', async () => {
    const host = memoryHost();
    await annotate(3);
    const backup = (await new BackupScheduler(db, corpus, host, () => {}, 5).flush())!;
    const calls = worker();
    const failing = async function* () {
      yield new TextEncoder().encode('{\n');
      throw new Error('The backup file could not be read: it was moved.');
    };
    await expect(readInWorker(calls, { kind: 'kept', backup }, failing)).rejects.toThrow('it was moved');
    const { summary } = await readInWorker(calls, { kind: 'kept', backup }, (id) => host.readChunks(id));
    expect(summary.count).toBe(3);
  });
});
