import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../actors/model';
import { type Annotation, defaultTagTypes } from '../annotation/model';
import { defaultRelationTypes } from '../links/model';
import * as fixture from '../sets/test-support/library';
import { megabyteOfXml, zipOf } from '../importers/test-support/zip-bomb';
import { textDecoder } from '../importers/text-decoder';
import { ImportError } from './errors';
import { planImport } from './merge';
import { buildQdpx } from './qdpx';
import { qdpxIncoming } from './qdpx-incoming';
import { readQdpxProject } from './qdpx-read';

const time = '2026-11-22T10:00:00.000Z';
const now = new Date('2026-12-03T08:00:00.000Z');

/// A UUID for a fixture's short id, as the app's ids are.
const uuid = (name: string) =>
  `00000000-0000-4000-8000-${[...name]
    .reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 2 ** 40, 7)
    .toString(16)
    .padStart(12, '0')}`;

// The sets' small library, with the app's kind of ids.
// One note with a Windows line end and a tab, which XML would normalise.
const annotations: Annotation[] = fixture.annotations.map((a, i) => ({ ...a, id: uuid(a.id), ...(i === 0 ? { note: `${a.note}\r\n\tSee FO 371.` } : {}) }));
const links = fixture.links.map((l) => ({ ...l, id: uuid(l.id), from: uuid(l.from), to: uuid(l.to) }));
const actors: Actor[] = fixture.actors.map((a) => ({ ...a, id: uuid(a.id) }));
const sets = [{ ...fixture.set, id: uuid(fixture.set.id), annotationIds: fixture.set.annotationIds.map(uuid) }];
const tagTypes = fixture.tagTypes;

const emptyLibrary = { documents: fixture.corpus, tagTypes: defaultTagTypes, relationTypes: [...defaultRelationTypes], actors: [] };

function roundTrip() {
  const bytes = buildQdpx({ annotations, tagTypes, documents: fixture.corpus, exported: now, actors, links, relationTypes: [...defaultRelationTypes], sets });
  const incoming = qdpxIncoming(readQdpxProject(bytes, 'palimpsest.qdpx'), emptyLibrary, now);
  const plan = planImport(incoming.batch, fixture.corpus, { annotations: new Map(), tagTypes: defaultTagTypes });
  return { incoming, plan };
}

describe('a .qdpx written by Palimpsest, imported into a library with the same sources', () => {
  const { incoming, plan } = roundTrip();

  it('finds its sources among the library’s documents and adds none', () => {
    expect(incoming.newDocuments).toEqual([]);
  });

  it('gives back every annotation as it was; an actor is named by its canonical name', () => {
    expect(plan.unplaced).toEqual([]);
    const canonical = new Map(actors.flatMap((a) => [a.name, ...a.aliases].map((n) => [n, a.name])));
    const sort = (list: Annotation[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(sort(plan.add)).toEqual(sort(annotations.map((a) => ({ ...a, actor: a.actor && canonical.get(a.actor)! }))));
  });

  it('gives back the tag types it uses with their colours, a new one added', () => {
    expect(plan.addTagTypes).toEqual(
      [{ id: 'source-criticism', name: 'Source criticism', color: '#8e44ad', order: 3, namesActor: false }].filter((t) =>
        annotations.some((a) => a.tags.includes(t.id)),
      ),
    );
    expect(incoming.batch.tagTypes.map((t) => t.id).sort()).toEqual(['actor', 'claim', 'economic-measure']);
  });

  it('gives back links with their relations and notes, actors with their aliases, and sets with their passages', () => {
    const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(incoming.links)).toEqual(byId(links));
    expect(incoming.relationTypes).toEqual([]);
    const used = actors.filter((a) => annotations.some((n) => n.actor && [a.name, ...a.aliases].includes(n.actor)));
    expect(byId(incoming.actors).map(({ created: _c, modified: _m, ...a }) => a)).toEqual(byId(used).map(({ created: _c, modified: _m, ...a }) => a));
    expect(incoming.sets.map(({ created: _c, modified: _m, ...s }) => s)).toEqual(sets.map(({ created: _c, modified: _m, ...s }) => s));
  });

  it('adds nothing the second time: every annotation is already there', () => {
    const again = planImport(incoming.batch, fixture.corpus, {
      annotations: new Map(plan.add.map((a) => [a.id, a])),
      tagTypes: [...defaultTagTypes, ...plan.addTagTypes],
    });
    expect([again.add.length, again.update.length, again.unchanged]).toEqual([0, 0, annotations.length]);
  });
});

/// A project as QualCoder writes it: sources in sources/ by GUID, a code
/// tree, codings with memos as descriptions, positions in characters.
function qualCoderProject(text: string, selections: { start: number; end: number; code: string; memo?: string }[]): Uint8Array {
  const codeGuids: Record<string, string> = {
    Politics: '11111111-1111-4111-8111-111111111111',
    Leaders: '22222222-2222-4222-8222-222222222222',
    Economy: '33333333-3333-4333-8333-333333333333',
  };
  const source = 'AAAAAAAA-0000-4000-8000-000000000001';
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" name="interviews" origin="QualCoder 3.5" creatingUserGUID="44444444-4444-4444-8444-444444444444" creationDateTime="2024-05-01T09:00:00Z">
<Users><User guid="44444444-4444-4444-8444-444444444444" name="default"/></Users>
<CodeBook><Codes>
<Code guid="${codeGuids.Politics}" name="Politics" isCodable="true" color="#F5A9A9"><Description>Who rules</Description>
<Code guid="${codeGuids.Leaders}" name="Leaders" isCodable="true" color="#81BEF7"/></Code>
<Code guid="${codeGuids.Economy}" name="Economy" isCodable="true" color="#F3F781"/>
</Codes></CodeBook>
<Sources><TextSource guid="${source}" name="Interview 3 — Tirana.txt" plainTextPath="internal://${source}.txt" creatingUser="44444444-4444-4444-8444-444444444444" creationDateTime="2024-05-01T09:00:00Z">
${selections
  .map(
    (s, i) =>
      `<PlainTextSelection guid="BBBBBBBB-0000-4000-8000-00000000000${i}" name="${s.code}" startPosition="${s.start}" endPosition="${s.end}" creatingUser="44444444-4444-4444-8444-444444444444" creationDateTime="2024-05-0${i + 2}T10:00:00"><Description>${s.memo ?? ''}</Description><Coding guid="CCCCCCCC-0000-4000-8000-00000000000${i}" creatingUser="44444444-4444-4444-8444-444444444444"><CodeRef targetGUID="${codeGuids[s.code]}"/></Coding></PlainTextSelection>`,
  )
  .join('\n')}
</TextSource>
<PDFSource guid="AAAAAAAA-0000-4000-8000-000000000002" name="scan.pdf" path="relative:///scan.pdf"/>
<PDFSource guid="AAAAAAAA-0000-4000-8000-000000000003" name="Politburo minutes.pdf" path="relative:///minutes.pdf"><Representation guid="AAAAAAAA-0000-4000-8000-000000000004" name="Politburo minutes" plainTextPath="internal://AAAAAAAA-0000-4000-8000-000000000004.txt"><PlainTextSelection guid="BBBBBBBB-0000-4000-8000-000000000009" startPosition="4" endPosition="14"><Coding guid="CCCCCCCC-0000-4000-8000-000000000009"><CodeRef targetGUID="${codeGuids.Economy}"/></Coding></PlainTextSelection></Representation></PDFSource>
<TextSource guid="AAAAAAAA-0000-4000-8000-000000000005" name="Letter.docx" richTextPath="internal://letter.docx"/>
</Sources>
</Project>`;
  return zipSync({
    'project.qde': strToU8(qde),
    [`sources/${source}.txt`]: strToU8(text),
    'sources/AAAAAAAA-0000-4000-8000-000000000004.txt': strToU8('The grain plan failed.'),
  });
}

describe('a .qdpx built in QualCoder’s shape', () => {
  // An emoji before the passages: REFI-QDA counts it as one character, the
  // app as two UTF-16 units.
  const text = 'Interview 🎙 with a party veteran.\n\nHoxha decided alone; Khrushchev was furious.\n\nGrain deliveries stopped in 1961.';
  const chars = [...text];
  const at = (phrase: string) => {
    const start = chars.length - [...text.slice(text.indexOf(phrase))].length;
    return { start, end: start + [...phrase].length };
  };
  const bytes = qualCoderProject(text, [
    { ...at('Hoxha decided alone'), code: 'Leaders', memo: 'Compare the Czech memo.&#13;\nSecond line.' },
    { ...at('Grain deliveries stopped'), code: 'Economy' },
  ]);
  const project = readQdpxProject(bytes, 'interviews.qdpx');
  const incoming = qdpxIncoming(project, emptyLibrary, now);
  const plan = planImport(incoming.batch, new Map([...fixture.corpus, ...incoming.newDocuments.map((d) => [d.id, d] as const)]), {
    annotations: new Map(),
    tagTypes: defaultTagTypes,
  });

  it('opens its text sources as new documents named as the sources, a PDF by its text representation', () => {
    expect(incoming.newDocuments.map((d) => [d.id, d.meta.title, d.text.text])).toEqual([
      ['interview-3-tirana-txt', 'Interview 3 — Tirana.txt', text],
      ['politburo-minutes-pdf', 'Politburo minutes.pdf', 'The grain plan failed.'],
    ]);
  });

  it('places the codings on the right words, counting characters as REFI-QDA does', () => {
    expect(plan.unplaced).toEqual([]);
    expect(plan.add.map((a) => a.quote.exact)).toEqual(['Hoxha decided alone', 'Grain deliveries stopped', 'grain plan']);
    expect(plan.add[0]!.position.start).toBe(text.indexOf('Hoxha'));
  });

  it('makes codes tag types, the hierarchy in the name, with their colours; memos notes', () => {
    expect(plan.addTagTypes.map((t) => [t.name, t.color])).toEqual([
      ['Politics / Leaders', '#81bef7'],
      ['Economy', '#f3f781'],
    ]);
    expect(plan.add[0]!.note).toBe('Compare the Czech memo.\r\nSecond line.');
    expect(plan.add[0]!.created).toBe('2024-05-02T10:00:00.000Z');
    expect(plan.add[0]!.id).toBe('bbbbbbbb-0000-4000-8000-000000000000');
  });

  it('says what it left out: a PDF without text, a Word source without plain text', () => {
    expect(incoming.skipped).toEqual([
      { path: 'Sources/PDFSource[1]', reason: '“scan.pdf” is a pdf source without a text representation; only text is imported' },
      { path: 'Sources/TextSource[3]', reason: '“Letter.docx” cannot be read: the project has only its rich text (Word), not its plain text' },
    ]);
  });

  it('adds nothing the second time: the document is found by its text, the annotations by id', () => {
    const library = {
      ...emptyLibrary,
      documents: new Map([...fixture.corpus, ...incoming.newDocuments.map((d) => [d.id, d] as const)]),
      tagTypes: [...defaultTagTypes, ...plan.addTagTypes],
    };
    const again = qdpxIncoming(readQdpxProject(bytes, 'interviews.qdpx'), library, now);
    expect(again.newDocuments).toEqual([]);
    const replanned = planImport(again.batch, library.documents, { annotations: new Map(plan.add.map((a) => [a.id, a])), tagTypes: library.tagTypes });
    expect([replanned.add.length, replanned.update.length, replanned.unchanged, replanned.addTagTypes.length]).toEqual([0, 0, 3, 0]);
  });
});

describe('a .qdpx that cannot be read', () => {
  const failure = (bytes: Uint8Array) => {
    try {
      readQdpxProject(bytes, 'bad.qdpx');
    } catch (error) {
      if (error instanceof ImportError) return error.message;
      throw error;
    }
    throw new Error('Expected an ImportError.');
  };

  it('is refused with what is wrong: no project inside, or not a project', () => {
    expect(failure(zipSync({ 'notes.txt': strToU8('hello') }))).toBe('bad.qdpx is not a REFI-QDA project: it has no project.qde inside.');
    expect(failure(zipSync({ 'project.qde': strToU8('<html><body/></html>') }))).toBe(
      'project.qde is not a REFI-QDA project: its root element is not <Project>.',
    );
  });

  it('refuses elements nested 200,000 deep before parsing them', () => {
    const deep = `<Project xmlns="urn:QDA-XML:project:1.0" name="p"><Notes><Note guid="11111111-1111-4111-8111-111111111111"><PlainTextContent>${'<b>'.repeat(200_000)}</PlainTextContent></Note></Notes></Project>`;
    expect(failure(zipSync({ 'project.qde': strToU8(deep) }))).toBe(
      'bad.qdpx cannot be read: its project.qde nests elements more than 256 deep, far deeper than a REFI-QDA project does.',
    );
  }, 60_000);

  it('refuses a project.qde that inflates past 64 MB (a zip bomb)', () => {
    expect(failure(zipOf([{ name: 'project.qde', chunk: megabyteOfXml, repeat: 70 }]))).toMatch(
      /^bad\.qdpx was refused: its part “project\.qde” inflates to more than 64 MB/,
    );
  }, 60_000);
});

describe('a project.qde in another encoding than UTF-8', () => {
  const bytes = buildQdpx({ annotations, tagTypes, documents: fixture.corpus, exported: now, actors, links, relationTypes: [...defaultRelationTypes], sets });
  const files = unzipSync(bytes);
  const xml = strFromU8(files['project.qde']!);
  const expected = readQdpxProject(bytes, 'palimpsest.qdpx');
  const withQde = (qde: Uint8Array) => zipSync({ ...files, 'project.qde': qde });
  const declaring = (encoding: string) => xml.replace(/^<\?xml([^>]*?)encoding="[^"]*"/, `<?xml$1encoding="${encoding}"`);
  const utf16 = (text: string, order: 'le' | 'be') => {
    const units = new Uint8Array(Buffer.from(text, 'utf16le'));
    if (order === 'be') for (let i = 0; i < units.length; i += 2) [units[i], units[i + 1]] = [units[i + 1]!, units[i]!];
    return units;
  };

  it('reads UTF-16, little- or big-endian, with or without a byte-order mark, as the same project', () => {
    expect(xml).toMatch(/^<\?xml[^>]*encoding="utf-8"/i);
    const text = declaring('UTF-16');
    expect(readQdpxProject(withQde(new Uint8Array([0xff, 0xfe, ...utf16(text, 'le')])), 'p.qdpx')).toEqual(expected);
    expect(readQdpxProject(withQde(new Uint8Array([0xfe, 0xff, ...utf16(text, 'be')])), 'p.qdpx')).toEqual(expected);
    expect(readQdpxProject(withQde(utf16(text, 'le')), 'p.qdpx')).toEqual(expected);
    expect(readQdpxProject(withQde(utf16(text, 'be')), 'p.qdpx')).toEqual(expected);
  });

  it('reads the code page its declaration names', () => {
    // Windows-1252's bytes, a character it lacks written as a reference.
    const table = new Map([...textDecoder('windows-1252').decode(Uint8Array.from({ length: 256 }, (_, i) => i))].map((c, i) => [c, i]));
    const text = declaring('windows-1252');
    expect(text).toMatch(/[^\x00-\x7f]/);
    const encoded = [...text].flatMap((c) => (table.has(c) ? [table.get(c)!] : [...strToU8(`&#${c.codePointAt(0)};`)]));
    expect(readQdpxProject(withQde(Uint8Array.from(encoded)), 'p.qdpx')).toEqual(expected);
  });
});

describe('an actor coded under two tag types', () => {
  it('comes back as one actor', () => {
    const khrushchev = { id: uuid('khrushchev'), name: 'Nikita Khrushchev', aliases: ['Khrushchev'], created: time, modified: time };
    const two = [
      { ...annotations[1]!, tags: ['actor'], actor: 'Khrushchev' },
      { ...annotations[0]!, tags: ['claim'], actor: 'Nikita Khrushchev' },
    ];
    const bytes = buildQdpx({ annotations: two, tagTypes, documents: fixture.corpus, exported: now, actors: [khrushchev] });
    const incoming = qdpxIncoming(readQdpxProject(bytes, 'two.qdpx'), emptyLibrary, now);
    expect(incoming.actors.map((a) => [a.name, a.aliases])).toEqual([['Nikita Khrushchev', ['Khrushchev']]]);
    expect(incoming.batch.annotations.map((a) => a.actor)).toEqual(['Nikita Khrushchev', 'Nikita Khrushchev']);
  });
});

describe('a name tagged without an actor record', () => {
  it('comes back as the same name, and the library gains no actor for it', () => {
    const khrushchev = { id: uuid('khrushchev'), name: 'Nikita Khrushchev', aliases: ['Khrushchev'], created: time, modified: time };
    const named = [
      { ...annotations[1]!, tags: ['actor'], actor: 'Mao Zedong' },
      { ...annotations[0]!, tags: ['claim'], actor: 'Khrushchev' },
    ];
    const bytes = buildQdpx({ annotations: named, tagTypes, documents: fixture.corpus, exported: now, actors: [khrushchev] });
    const incoming = qdpxIncoming(readQdpxProject(bytes, 'names.qdpx'), emptyLibrary, now);
    expect(incoming.actors.map((a) => [a.name, a.aliases])).toEqual([['Nikita Khrushchev', ['Khrushchev']]]);
    expect(incoming.batch.annotations.map((a) => a.actor).sort()).toEqual(['Mao Zedong', 'Nikita Khrushchev']);
  });
});
