import 'fake-indexeddb/auto';
import { strToU8, zipSync } from 'fflate';
import fc from 'fast-check';
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
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seed, seedIds } from '../../shared/test-support/corpus';
import { AnnotationStore } from './annotations';
import { StoredDocuments } from './document-source';
import { currentDocuments } from './documents';
import { applyRevision, planRevision } from './revisions';
import { annotate } from './test-support/db';
import { importFile } from '../../shared/importers/import-file';
import { addDocuments, documentRowOf } from './documents';

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

  it("gives the project's other names to an actor the library knows by a name, and leaves out a name another actor holds", async () => {
    const bytes = await exported();
    // The library's own actors, made here under other ids: Khrushchev by
    // one of his names only, and Hoxha's alias held by someone else.
    const made = { created: now.toISOString(), modified: now.toISOString() };
    await target.actors.bulkAdd([
      { id: 'mine-khrushchev', name: 'Khrushchev', aliases: [], ...made },
      { id: 'mine-hoxha', name: 'Enver Hoxha', aliases: [], ...made },
      { id: 'mine-someone', name: 'Hoxha', aliases: [], ...made },
    ]);
    const preview = await previewQdpx(target, fixture.corpus, 'palimpsest.qdpx', bytes, now);
    expect(preview.counts.actors).toBe(1);
    expect(preview.actors.conflicts).toEqual([{ name: 'Hoxha', actor: 'Enver Hoxha', holder: 'Hoxha' }]);
    await applyQdpx(target, fixture.corpus, preview, now);
    expect((await target.actors.toArray()).map((a) => [a.id, a.name, a.aliases]).sort()).toEqual([
      [uuid('ri-song-un'), 'Ri Song-un', ['Li Songun']],
      ['mine-hoxha', 'Enver Hoxha', []],
      ['mine-khrushchev', 'Khrushchev', ['Nikita Khrushchev', 'N. S. Khrushchev']],
      ['mine-someone', 'Hoxha', []],
    ]);
  });

  it('counts a passage the library has otherwise as differing, its own kept, not as already here', async () => {
    const bytes = await exported();
    // Edited in the library after the export: the file's note is older.
    const [edited] = annotations;
    await new AnnotationStore(source).update(edited!, { note: 'rewritten after the export' });
    const preview = await previewQdpx(source, fixture.corpus, 'palimpsest.qdpx', bytes, now);
    expect([preview.plan.add.length, preview.plan.update.length, preview.plan.unchanged, preview.plan.kept]).toEqual([0, 0, annotations.length - 1, 1]);
    await applyQdpx(source, fixture.corpus, preview, now);
    expect((await rows.get(source, edited!.documentId, edited!.id))?.note).toBe('rewritten after the export');
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

describe('a .qdpx of a library whose bundled document was revised', () => {
  const brief = seed(fixture.corpus, seedIds.foBrief);
  const revisedName = 'fo-brief-sino-soviet-relations-and-albania-1962.revised.md';
  const revised = readFileSync(join(import.meta.dirname, '..', '..', 'shared', 'anchoring', 'baselines', revisedName), 'utf8');

  /// A library of its own: the brief revised, a passage tagged before the
  /// revision and one after; its .qdpx.
  async function revisedLibrary(): Promise<{ db: PalimpsestDb; bytes: Uint8Array }> {
    const db = freshDb('qdpx-revised');
    await annotate(new AnnotationStore(db), brief, '£843,947', { tags: ['claim'] });
    await applyRevision(db, await planRevision(db, brief, revisedName, revised, now));
    const current = (await currentDocuments(db, fixture.corpus)).get(brief.id)!;
    await annotate(new AnnotationStore(db), current, 'supremacy', { tags: ['claim'] });
    const bytes = (await exportAnnotations(db, new StoredDocuments(db, fixture.corpus), { kind: 'all' }, 'qdpx', now)).content as Uint8Array;
    return { db, bytes };
  }

  it('puts its passages on the brief a fresh library holds, adding no second brief', async () => {
    const { db, bytes } = await revisedLibrary();
    const documents = new StoredDocuments(target, fixture.corpus);
    const preview = await previewQdpx(target, documents, 'revised.qdpx', bytes, now);
    expect([preview.counts.documents, preview.plan.add.length, preview.plan.unplaced.length]).toEqual([0, 2, 0]);
    await applyQdpx(target, documents, preview, now);
    expect(await target.documents.count()).toBe(0);
    const quotes = (list: Annotation[]) => list.map((a) => [a.documentId, a.quote.exact]).sort();
    expect(quotes(await rows.all(target))).toEqual(quotes(await rows.all(db)));
    const text = brief.text.text;
    for (const a of await rows.all(target)) expect(text.slice(a.position.start, a.position.end)).toBe(a.quote.exact);
  });

  it('comes back into its own library as already there', async () => {
    const { db, bytes } = await revisedLibrary();
    const documents = new StoredDocuments(db, fixture.corpus);
    const preview = await previewQdpx(db, documents, 'revised.qdpx', bytes, now);
    expect([preview.counts.documents, preview.plan.add.length, preview.plan.unchanged]).toEqual([0, 0, 2]);
  });
});

describe('a .qdpx of an imported Markdown note with a guessed date', () => {
  it('gives back its date, still a guess, and its Markdown label in a fresh library', async () => {
    const file = await importFile('hoxha-notes.md', strToU8('# Notes on the Moscow meeting\n\nHoxha spoke for two hours; the delegates left early.\n'));
    const row = documentRowOf(file, new Set(fixture.corpus.keys()), now);
    await addDocuments(source, [{ ...row, meta: { ...row.meta, date: { start: { year: 1960, month: 11 }, guessed: true } } }]);
    const document = documentOf((await source.documents.get(row.id))!);
    await annotate(new AnnotationStore(source), document, 'Hoxha spoke for two hours', { tags: ['claim'] });
    const bytes = (await exportAnnotations(source, new StoredDocuments(source, fixture.corpus), { kind: 'all' }, 'qdpx', now)).content as Uint8Array;
    if (xmllint) expect(schemaProblems(readQdpx(bytes)['project.qde']!)).toBe('');

    const documents = new StoredDocuments(target, fixture.corpus);
    await applyQdpx(target, documents, await previewQdpx(target, documents, 'notes.qdpx', bytes, now), now);
    const [imported] = await target.documents.toArray();
    expect([imported!.format, imported!.fileName, imported!.meta.date]).toEqual([
      'markdown',
      'hoxha-notes.md',
      { start: { year: 1960, month: 11 }, guessed: true },
    ]);
  });
});

/// A small project as another tool might write it (the QA's hostile cases):
/// a code tree with an actor code, two coded passages, a link whose note
/// says how it reads backwards, and a set; `change` makes one value empty.
function hostileProject(change: { codeName?: string; actorName?: string; inverse?: string; setName?: string; linkName?: string }): Uint8Array {
  const { codeName = 'Politics', actorName = 'Enver Hoxha', inverse = 'explained by', setName = 'Chapter', linkName = 'explains' } = change;
  const g = (n: number) => `AAAAAAAA-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="hostile" origin="Other tool">
<CodeBook><Codes>
<Code guid="${g(1)}" name="${codeName}" isCodable="true" color="#D35400"><Code guid="${g(2)}" name="${actorName}" isCodable="true"><Description>Palimpsest: an actor.
Also named: Hoxha</Description></Code></Code>
</Codes></CodeBook>
<Notes><Note guid="${g(50)}" creationDateTime="2024-05-02T10:00:00Z"><PlainTextContent>see also
Palimpsest relation, read from its target: ${inverse}</PlainTextContent></Note></Notes>
<Sources><TextSource guid="${g(10)}" name="Interview"><PlainTextContent>In 1961 Hoxha decided alone; nobody in the Politburo was asked. Khrushchev was furious when he heard.</PlainTextContent>
<PlainTextSelection guid="${g(20)}" startPosition="8" endPosition="27" creationDateTime="2024-05-02T10:00:00Z"><Coding guid="${g(30)}"><CodeRef targetGUID="${g(1)}"/></Coding><Coding guid="${g(32)}"><CodeRef targetGUID="${g(2)}"/></Coding></PlainTextSelection>
<PlainTextSelection guid="${g(21)}" startPosition="64" endPosition="86"><Coding guid="${g(31)}"><CodeRef targetGUID="${g(1)}"/></Coding></PlainTextSelection>
</TextSource></Sources>
<Links><Link guid="${g(40)}" name="${linkName}" direction="OneWay" originGUID="${g(20)}" targetGUID="${g(21)}"><NoteRef targetGUID="${g(50)}"/></Link></Links>
<Sets><Set guid="${g(60)}" name="${setName}"><MemberCode targetGUID="${g(1)}"/></Set></Sets>
</Project>`;
  return zipSync({ 'project.qde': strToU8(qde) });
}

describe('a .qdpx with an empty name, imported', () => {
  /// Imports the project into an empty library, then makes a backup and a
  /// native export of it and reads both back as a restore and an import do.
  async function importAndBackUp(bytes: Uint8Array) {
    const preview = await previewQdpx(target, fixture.corpus, 'hostile.qdpx', bytes, now);
    await applyQdpx(target, fixture.corpus, preview, now);
    const stored = await target.documents.toArray();
    const documents = new Map([...fixture.corpus, ...stored.map((d) => [d.id, documentOf(d)] as const)]);
    const backup = parseNativeFile(await textOf((await buildBackup(target, documents, null))!.pieces));
    const native = parseNativeFile((await exportAnnotations(target, documents, { kind: 'all' }, 'native', now)).content as string);
    return { preview, backup, native, annotations: await rows.all(target) };
  }

  it('keeps a code without a name as “Untitled code”, says so, and its backup restores', async () => {
    const { preview, backup, native } = await importAndBackUp(hostileProject({ codeName: '' }));
    expect(preview.incoming.skipped.map((s) => s.reason)).toContain('a code without a name is imported as “Untitled code”');
    expect(backup.tagTypes.map((t) => t.name)).toContain('Untitled code');
    expect(native.annotations).toHaveLength(2);
  });

  it('keeps the passage of an actor code without a name, naming no actor, and its backup restores', async () => {
    const { preview, backup, annotations } = await importAndBackUp(hostileProject({ actorName: '' }));
    expect(preview.incoming.skipped.map((s) => s.reason)).toContain('an actor code without a name: its passages keep their tag and name no actor');
    expect(annotations.map((a) => [a.quote.exact, a.actor, a.tags])).toEqual(expect.arrayContaining([['Hoxha decided alone', null, ['politics']]]));
    expect(backup.library?.actors).toEqual([]);
  });

  it('reads an empty inverse as none: the relation reads the same both ways, and its backup restores', async () => {
    const { backup } = await importAndBackUp(hostileProject({ inverse: '' }));
    expect(backup.library?.relationTypes.find((r) => r.name === 'explains')?.inverse).toBe('explains');
  });

  it('keeps a set without a name as “Untitled set”, says so, and its backup restores', async () => {
    const { preview, backup } = await importAndBackUp(hostileProject({ setName: '' }));
    expect(preview.incoming.skipped.map((s) => s.reason)).toContain('a set without a name is imported as “Untitled set”');
    expect(backup.library?.sets.map((s) => [s.name, s.annotationIds.length])).toEqual([['Untitled set', 2]]);
  });
});

describe('whatever names a .qdpx gives its codes, actors, links and sets', () => {
  // Names as another tool may write them: empty, blank, a line end, markup
  // characters (escaped as XML needs), any Unicode XML can hold.
  const xmlChar = fc.oneof(fc.constantFrom('', ' ', '\t', '\n', '/', ' / ', '&', '<', '"', "'", 'Hoxha', '🎙'), fc.string({ unit: 'grapheme', maxLength: 3 }));
  const name = fc.array(xmlChar, { maxLength: 4 }).map((parts) => parts.join(''));
  const xmlEscaped = (text: string) =>
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/"/g, '&quot;')
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

  it('imports into a library whose backup and native export read back', async () => {
    await fc.assert(
      fc.asyncProperty(fc.record({ codeName: name, actorName: name, inverse: name, setName: name, linkName: name }), async (names) => {
        const db = freshDb('qdpx-names');
        const bytes = hostileProject(Object.fromEntries(Object.entries(names).map(([k, v]) => [k, xmlEscaped(v)])));
        await applyQdpx(db, fixture.corpus, await previewQdpx(db, fixture.corpus, 'names.qdpx', bytes, now), now);
        const stored = await db.documents.toArray();
        const documents = new Map([...fixture.corpus, ...stored.map((d) => [d.id, documentOf(d)] as const)]);
        const backup = parseNativeFile(await textOf((await buildBackup(db, documents, null))!.pieces));
        const native = parseNativeFile((await exportAnnotations(db, documents, { kind: 'all' }, 'native', now)).content as string);
        // Both passages are kept whatever the names.
        expect(backup.annotations).toHaveLength(2);
        expect(native.annotations).toHaveLength(2);
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});
