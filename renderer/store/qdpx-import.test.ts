import 'fake-indexeddb/auto';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../shared/annotation/model';
import { ImportError } from '../../shared/format/errors';
import * as fixture from '../../shared/sets/test-support/library';
import * as rows from './annotation-rows';
import { parseNativeFile } from '../../shared/format/native';
import { textOf } from '../../shared/test-support/pieces';
import { buildBackup } from './backups';
import type { PalimpsestDb } from './db';
import { dropDbs, freshDb } from './test-support/db';
import { documentOf } from './documents';
import { readQdpx } from '../../shared/format/qdpx';
import { hasXmllint, schemaProblems } from '../../shared/format/test-support/xmllint';
import { applyQdpx, previewQdpx } from './qdpx-import';
import { exportAnnotations } from './transfer';

const uuid = (name: string) =>
  `00000000-0000-4000-8000-${[...name]
    .reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 2 ** 40, 7)
    .toString(16)
    .padStart(12, '0')}`;
const annotations: Annotation[] = fixture.annotations.map((a) => ({ ...a, id: uuid(a.id) }));
const now = new Date('2026-12-03T08:00:00.000Z');
const xmllint = hasXmllint();

let source: PalimpsestDb;
let target: PalimpsestDb;
beforeEach(async () => {
  source = freshDb('qdpx-source');
  target = freshDb('qdpx-target');
  await rows.put(source, annotations);
  await source.actors.bulkAdd(fixture.actors.map((a) => ({ ...a, id: uuid(a.id) })));
  const placed = new Map(annotations.map((a) => [a.id, a.documentId]));
  await source.links.bulkAdd(
    fixture.links.map((l) => ({
      ...l,
      id: uuid(l.id),
      from: uuid(l.from),
      to: uuid(l.to),
      fromDocument: placed.get(uuid(l.from))!,
      toDocument: placed.get(uuid(l.to))!,
    })),
  );
  await source.sets.add({ ...fixture.set, id: uuid(fixture.set.id), annotationIds: fixture.set.annotationIds.map(uuid) });
});
afterEach(dropDbs);

async function exported(): Promise<Uint8Array> {
  return (await exportAnnotations(source, fixture.corpus, { kind: 'all' }, 'qdpx', now)).content as Uint8Array;
}

describe('importing a .qdpx into the library', () => {
  it('writes annotations, links, actors and the set in one go, and the same file twice adds nothing', async () => {
    const bytes = await exported();
    if (xmllint) expect(schemaProblems(readQdpx(bytes)['project.qde']!)).toBe('');
    const preview = await previewQdpx(target, fixture.corpus, 'palimpsest.qdpx', bytes, now);
    expect(preview.plan.add).toHaveLength(annotations.length);
    expect(preview.counts).toEqual({ documents: 0, links: fixture.links.length, actors: 3, sets: 1, relationTypes: 0 });
    expect(await rows.all(target)).toEqual([]);

    await applyQdpx(target, fixture.corpus, preview, now);
    expect((await rows.all(target)).map((a) => a.id).sort()).toEqual(annotations.map((a) => a.id).sort());
    expect((await target.links.toArray()).map((l) => [l.id, l.relation, l.fromDocument]).sort()).toEqual(
      (await source.links.toArray()).map((l) => [l.id, l.relation, l.fromDocument]).sort(),
    );
    expect((await target.actors.toArray()).map((a) => [a.name, a.aliases]).sort()).toEqual(fixture.actors.map((a) => [a.name, a.aliases]).sort());
    expect((await target.sets.toArray()).map((s) => s.annotationIds)).toEqual((await source.sets.toArray()).map((s) => s.annotationIds));

    const again = await previewQdpx(target, fixture.corpus, 'palimpsest.qdpx', bytes, now);
    expect([again.plan.add.length, again.plan.update.length, again.plan.unchanged]).toEqual([0, 0, annotations.length]);
    expect(again.counts).toEqual({ documents: 0, links: 0, actors: 0, sets: 0, relationTypes: 0 });
  });

  it('adds a new document for a source the library lacks, once', async () => {
    const qde = `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="p"><CodeBook><Codes><Code guid="11111111-1111-4111-8111-111111111111" name="Grain" isCodable="true"/></Codes></CodeBook><Sources><TextSource guid="AAAAAAAA-0000-4000-8000-000000000001" name="Diary of a cooperative chairman"><PlainTextContent>The harvest failed in 1961. Grain deliveries stopped.</PlainTextContent><PlainTextSelection guid="BBBBBBBB-0000-4000-8000-000000000001" startPosition="28" endPosition="44"><Coding guid="CCCCCCCC-0000-4000-8000-000000000001"><CodeRef targetGUID="11111111-1111-4111-8111-111111111111"/></Coding></PlainTextSelection></TextSource></Sources></Project>`;
    const bytes = zipSync({ 'project.qde': strToU8(qde) });
    await applyQdpx(target, fixture.corpus, await previewQdpx(target, fixture.corpus, 'diary.qdpx', bytes, now), now);
    const stored = await target.documents.toArray();
    expect(stored.map((d) => [d.id, d.meta.title])).toEqual([['diary-of-a-cooperative-chairman', 'Diary of a cooperative chairman']]);
    expect((await rows.all(target)).map((a) => [a.documentId, a.quote.exact, a.tags])).toEqual([
      ['diary-of-a-cooperative-chairman', 'Grain deliveries', ['grain']],
    ]);
    // The app's documents now include it: the same file again adds nothing.
    const documents = new Map([...fixture.corpus, [stored[0]!.id, documentOf(stored[0]!)]]);
    const again = await previewQdpx(target, documents, 'diary.qdpx', bytes, now);
    expect([again.counts.documents, again.plan.add.length, again.plan.unchanged]).toEqual([0, 0, 1]);

    // What it brought is backed up like the rest of the library.
    const backup = parseNativeFile(await textOf((await buildBackup(target, documents, null))!.pieces));
    expect(backup.annotations.map((a) => [a.documentId, a.target.selector[0].exact])).toEqual([['diary-of-a-cooperative-chairman', 'Grain deliveries']]);
    expect(backup.library?.documents?.map((d) => d.id)).toEqual(['diary-of-a-cooperative-chairman']);
  });

  it('refuses a damaged file with a reason and writes nothing', async () => {
    await expect(previewQdpx(target, fixture.corpus, 'broken.qdpx', strToU8('PK not really a zip'), now)).rejects.toThrow(ImportError);
    await expect(previewQdpx(target, fixture.corpus, 'broken.qdpx', strToU8('PK not really a zip'), now)).rejects.toThrow(
      /^broken\.qdpx is damaged or is not a zip file/,
    );
    expect(await target.documents.count()).toBe(0);
  });
});
