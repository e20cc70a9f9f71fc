import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describePassage } from '../../shared/anchoring/selectors';
import type { Annotation } from '../../shared/annotation/model';
import { isIncrement, parseIncrement } from '../../shared/format/backup-increment';
import { type NativeFile, parseNativeFile } from '../../shared/format/native';
import { annotationOn } from '../../shared/test-support/annotations';
import { loadCorpus, seed, seedIds } from '../../shared/test-support/corpus';
import { memoryHost } from './test-support/backup-host';
import * as rows from './annotation-rows';
import { BackupScheduler, maxIncrements, pointOf, previewRestore, previewRestoreFile, restoreBackup } from './backups';
import { PalimpsestDb } from './db';
import { exportAnnotations } from './transfer';
import { chunkedFile } from '../../shared/test-support/pieces';

const corpus = loadCorpus();
const seeds = [...corpus.values()];
const brief = seed(corpus, seedIds.foBrief);

// An annotation on `document` over [start, start + length), clipped to its text.
function passage(document: (typeof seeds)[number], id: string, start: number, length: number, note = ''): Annotation {
  const text = document.text.text;
  const from = start % Math.max(1, text.length - 40);
  const { quote, position } = describePassage(text, from, from + 1 + (length % 30));
  return { ...annotationOn(brief, id, 'Albania'), documentId: document.id, quote, position, note };
}

// The file a backup restores, without the time it was written.
function content(file: NativeFile): NativeFile {
  return { ...file, exported: '' };
}

let db: PalimpsestDb;
let n = 0;
beforeEach(() => {
  db = new PalimpsestDb(`increments-${++n}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

type Edit =
  | { kind: 'add'; doc: number; at: number; length: number; note: string }
  | { kind: 'note'; pick: number; note: string }
  | { kind: 'remove'; pick: number }
  | { kind: 'actor'; name: string }
  | { kind: 'tagType'; name: string }
  | { kind: 'review'; pick: number; drop: boolean };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), doc: fc.nat(seeds.length - 1), at: fc.nat(), length: fc.nat(), note: fc.string({ maxLength: 8 }) }),
  fc.record({ kind: fc.constant('note' as const), pick: fc.nat(), note: fc.string({ maxLength: 8 }) }),
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('actor' as const), name: fc.stringMatching(/^[A-Z][a-z]{1,6}$/) }),
  fc.record({ kind: fc.constant('tagType' as const), name: fc.stringMatching(/^[a-z]{1,6}$/) }),
  fc.record({ kind: fc.constant('review' as const), pick: fc.nat(), drop: fc.boolean() }),
);

async function apply(e: Edit, step: number): Promise<void> {
  const all = await rows.all(db);
  if (e.kind === 'add') await rows.put(db, [passage(seeds[e.doc]!, `p${step}`, e.at, e.length, e.note)]);
  else if (e.kind === 'note' && all.length > 0) await rows.put(db, [{ ...all[e.pick % all.length]!, note: e.note }]);
  else if (e.kind === 'remove' && all.length > 0) await rows.remove(db, [all[e.pick % all.length]!]);
  else if (e.kind === 'actor')
    await db.actors.put({ id: e.name.toLowerCase(), name: e.name, aliases: [], created: '2026-12-01T00:00:00.000Z', modified: '2026-12-01T00:00:00.000Z' });
  else if (e.kind === 'tagType') await db.tagTypes.put({ id: `t-${e.name}`, name: e.name, color: '#336699', order: 10 + step, namesActor: false });
  else if (e.kind === 'review' && all.length > 0) {
    const a = all[e.pick % all.length]!;
    if (e.drop) await db.reviews.delete(a.id);
    else await db.reviews.put({ annotationId: a.id, documentId: a.documentId, revision: 1, status: 'moved', oldQuote: `before ${step}`, newText: 'after' });
  }
}

describe('incremental backups', () => {
  it('restore to the same library as a full backup made at the same moment', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { maxLength: 6 }), fc.array(fc.array(edit, { maxLength: 5 }), { minLength: 1, maxLength: 3 }), async (before, rounds) => {
        await Promise.all([rows.clear(db), db.actors.clear(), db.reviews.clear()]);
        const host = memoryHost();
        const scheduler = new BackupScheduler(db, corpus, host, (m) => {
          throw new Error(m);
        });
        let step = 0;
        for (const e of before) await apply(e, step++);
        await rows.put(db, [passage(seeds[0]!, 'first', 0, 5)]);
        await scheduler.flush();
        for (const round of rounds) {
          for (const e of round) await apply(e, step++);
          const point = await scheduler.flush();
          if (!point) continue;
          // What the old serializer wrote for this library, whole, at the
          // point's time: the written full backup is that text, byte for
          // byte, and a point restored from an increment is that file.
          const whole = (await exportAnnotations(db, corpus, { kind: 'all' }, 'native', new Date(point.created), 'keep')).content as string;
          const written = host.files.get(point.id)!.content;
          if (point.base) expect(`${JSON.stringify(parseIncrement(written), null, 1)}\n`).toBe(written);
          else expect(written).toBe(whole);
          const restored = await pointOf(host, point.id);
          expect(`${JSON.stringify(restored, null, 2)}\n`).toBe(whole);
          expect(content(restored)).toEqual(content(parseNativeFile(whole)));
        }
      }),
      { numRuns: 12 },
    );
  });

  it('after one note is edited, carry that document’s annotations and nothing else', async () => {
    const host = memoryHost();
    const scheduler = new BackupScheduler(db, corpus, host, () => {});
    const many = seeds.flatMap((document, d) => Array.from({ length: 300 }, (_, i) => passage(document, `a${d}-${i}`, i * 97, i)));
    await rows.put(db, many);
    const full = (await scheduler.flush())!;
    expect(full.base).toBeUndefined();
    const target = many[5]!;
    await rows.put(db, [{ ...target, note: 'corrected' }]);
    const point = (await scheduler.flush())!;
    expect(point.base).toBe(full.id);
    const written = host.files.get(point.id)!.content;
    expect(isIncrement(written)).toBe(true);
    const increment = parseIncrement(written);
    expect(Object.keys(increment.changed)).toEqual([`a:${target.documentId}`]);
    expect(increment.removed).toEqual([]);
    expect(point.bytes).toBeLessThan(full.bytes / 4);
    expect(await scheduler.flush()).toBeNull();

    // Restoring the point shows what it would change, and brings the note back.
    await rows.put(db, [{ ...target, note: 'later' }]);
    const preview = await previewRestore(db, host, point);
    expect(preview.diff).toEqual({ restored: 0, reverted: 1, removed: 0, same: many.length - 1 });
    await restoreBackup(db, scheduler, preview);
    expect((await rows.get(db, target.documentId, target.id))!.note).toBe('corrected');
  });

  it('write a full backup again after a restore, and after as many increments as a base carries', async () => {
    const host = memoryHost();
    const scheduler = new BackupScheduler(db, corpus, host, () => {});
    const annotation = passage(brief, 'x', 100, 10);
    await rows.put(db, [annotation]);
    (await scheduler.flush())!;
    const bases: (string | undefined)[] = [];
    for (let i = 0; i <= maxIncrements; i++) {
      await rows.put(db, [{ ...annotation, note: `n${i}` }]);
      bases.push((await scheduler.flush())!.base);
    }
    expect(bases.slice(0, maxIncrements).every((b) => b === 'b1')).toBe(true);
    expect(bases[maxIncrements]).toBeUndefined();

    const preview = await previewRestore(db, host, (await host.list()).at(-2)!);
    await restoreBackup(db, scheduler, preview);
    await rows.put(db, [{ ...annotation, note: 'after the restore' }]);
    expect((await scheduler.flush())!.base).toBeUndefined();
  });

  it('say which full backup is missing when an increment cannot be restored without it, or is chosen as a file', async () => {
    const host = memoryHost();
    const scheduler = new BackupScheduler(db, corpus, host, () => {});
    const annotation = passage(brief, 'x', 100, 10);
    await rows.put(db, [annotation]);
    const full = (await scheduler.flush())!;
    await rows.put(db, [{ ...annotation, note: 'second' }]);
    const point = (await scheduler.flush())!;
    const increment = host.files.get(point.id)!.content;
    await expect(previewRestoreFile(db, chunkedFile('increment.json', increment))).rejects.toThrow(
      /increment.json is an incremental backup: .* since the full backup b1; restore it from Backups…/,
    );
    host.files.delete(full.id);
    await expect(previewRestore(db, host, point)).rejects.toThrow(/changes since the full backup b1, which could not be read/);
  });
});
