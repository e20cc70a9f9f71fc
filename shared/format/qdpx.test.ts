import { describe, expect, it } from 'vitest';
import { type Annotation, defaultTagTypes } from '../annotation/model';
import { annotationOn } from '../test-support/annotations';
import { loadCorpus, seed, seedIds } from '../test-support/corpus';
import { defaultRelationTypes } from '../links/model';
import { buildQdpx, buildQdpxFiles, codePointOffset, edtfOf, guidOf, qdaNamespace, readQdpx, spanOfEdtf, xmlText } from './qdpx';
import { parseProject } from './qdpx-read';
import { hasXmllint, schemaProblems } from './test-support/xmllint';

// Throws in CI when xmllint is missing: the schema check never passes by
// being skipped there.
const xmllint = hasXmllint();
const corpus = loadCorpus();
const report = seed(corpus, seedIds.albanianReport);

const annotation = (id: string, exact: string, extra: Partial<Annotation> = {}): Annotation => annotationOn(report, id, exact, extra);

describe('REFI-QDA export', () => {
  const exported = new Date('2026-11-22T12:00:00.000Z');
  const annotations = [
    annotation('a1', 'Kim Il Sung said to Siri Çarçani', { tags: ['actor'], actor: 'Kim Il Sung', note: 'Speaker & <source>' }),
    annotation('a2', 'The removal of N. Khrushchev proved this conclusively.'),
  ];
  const files = readQdpx(buildQdpx({ annotations, tagTypes: defaultTagTypes, documents: corpus, exported }));
  const qde = files['project.qde']!;

  it('zips project.qde in the REFI-QDA namespace with the plain text of each source', () => {
    expect(Object.keys(files).sort()).toEqual(['project.qde', `sources/${guidOf('document', report.id)}.txt`]);
    expect(qde).toContain(`<Project xmlns="${qdaNamespace}"`);
    expect(files[`sources/${guidOf('document', report.id)}.txt`]).toBe(report.text.text);
  });

  it('makes tag types codes and actors codes under them, coded on each selection', () => {
    expect(qde).toMatch(
      new RegExp(
        `<Code guid="${guidOf('tag', 'actor')}" name="Actor" isCodable="true" color="#3B7DD8">\\s*<Code guid="${guidOf('actor', 'actor/Kim Il Sung')}" name="Kim Il Sung"`,
      ),
    );
    expect(qde).toContain(`<CodeRef targetGUID="${guidOf('actor', 'actor/Kim Il Sung')}"/>`);
    expect(qde).toContain(`<CodeRef targetGUID="${guidOf('tag', 'claim')}"/>`);
    expect(qde).toContain('<Description>Speaker &amp; &lt;source&gt;</Description>');
  });

  it('gives selections start and end positions into the exported plain text', () => {
    const match = /<PlainTextSelection [^>]*name="Kim Il Sung said to Siri Çarçani" startPosition="(\d+)" endPosition="(\d+)"/.exec(qde);
    expect(match).not.toBeNull();
    const text = files[`sources/${guidOf('document', report.id)}.txt`]!;
    const chars = [...text];
    expect(chars.slice(Number(match![1]), Number(match![2])).join('')).toBe('Kim Il Sung said to Siri Çarçani');
  });

  it.skipIf(!xmllint)('validates against the official REFI-QDA Project.xsd', () => {
    expect(schemaProblems(qde)).toBe('');
  });

  it('is the same file for the same export', () => {
    expect(buildQdpx({ annotations, tagTypes: defaultTagTypes, documents: corpus, exported })).toEqual(
      buildQdpx({ annotations, tagTypes: defaultTagTypes, documents: corpus, exported }),
    );
  });

  it('counts positions in characters, not UTF-16 units', () => {
    expect(codePointOffset('a🙂b', 3)).toBe(2);
    expect(guidOf('tag', 'claim')).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
  });
});

describe('REFI-QDA export by the letter', () => {
  const exported = new Date('2026-11-22T12:00:00.000Z');
  const time = '2026-11-22T10:00:00.000Z';
  const actors = [{ id: 'khrushchev', name: 'Khrushchev', aliases: ['N. S. Khrushchev'], created: time, modified: time }];
  const annotations = [
    annotation('removal', 'The removal of N. Khrushchev proved this conclusively.', {
      tags: ['actor'],
      actor: 'N. S. Khrushchev',
      note: 'Line one\r\nline two\ttabbed',
      created: '2026-10-01T08:30:15.250Z',
    }),
    annotation('kim', 'Kim Il Sung said to Siri Çarçani', { tags: ['actor'], actor: 'Khrushchev' }),
    annotation('orphan-tag', 'Siri Çarçani', { tags: ['deleted-type'], actor: 'Kim Il Sung' }),
  ];
  const links = [{ id: 'l1', from: 'removal', to: 'kim', relation: 'supports', note: 'Same\rmeeting', created: time, modified: time }];
  const sets = [{ id: 's1', name: 'The fall', description: 'Why he fell', annotationIds: ['removal', 'kim', 'not-exported'], created: time, modified: time }];
  const qde = readQdpx(
    buildQdpx({ annotations, tagTypes: defaultTagTypes, documents: corpus, exported, actors, links, relationTypes: [...defaultRelationTypes], sets }),
  )['project.qde']!;

  it.skipIf(!xmllint)('validates against the official REFI-QDA Project.xsd', () => {
    expect(schemaProblems(qde)).toBe('');
  });

  it('writes merged actors once, by their canonical name, with the aliases in the description; a name without an actor as a name', () => {
    const codesSaying = (line: string) =>
      [...qde.matchAll(/<Code guid="([^"]+)" name="([^"]+)" isCodable="true">\s*<Description>([^&<]+)/g)].filter((m) => m[3] === line).map((m) => m[2]);
    expect(codesSaying('Palimpsest: an actor.')).toEqual(['Khrushchev']);
    expect(codesSaying('Palimpsest: a name as tagged, with no actor record.')).toEqual(['Kim Il Sung']);
    expect(qde).not.toContain('name="N. S. Khrushchev"');
    expect(qde).toContain('Also named: N. S. Khrushchev');
  });

  it('never codes a selection with a code the codebook lacks: a deleted tag type still has a code', () => {
    const codeGuids = new Set([...qde.matchAll(/<Code guid="([^"]+)"/g)].map((m) => m[1]));
    const refs = [...qde.matchAll(/<CodeRef targetGUID="([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBe(6);
    for (const ref of refs) expect(codeGuids.has(ref)).toBe(true);
    expect(qde).toContain(`<Code guid="${guidOf('tag', 'deleted-type')}" name="deleted-type"`);
  });

  it('escapes carriage returns, tabs and line ends, so a note reads back exactly', () => {
    expect(qde).toContain('<Description>Line one&#13;&#10;line two&#9;tabbed</Description>');
    expect(xmlText('a\rb')).toBe('a&#13;b');
  });

  it('writes what XML cannot hold (NUL, a lone surrogate) as U+FFFD, so a name made of it alone is not lost', () => {
    expect(xmlText('Grain\u0000plan \uD800')).toBe('Grain\uFFFDplan \uFFFD');
    expect(xmlText('🎙')).toBe('🎙');
    const files = buildQdpxFiles({
      annotations: [{ ...annotations[0]!, tags: ['nul'], actor: null, note: 'a\u0000b' }],
      tagTypes: [{ id: 'nul', name: '\u0000', color: '#808080', order: 0, namesActor: false }],
      documents: corpus,
      exported: new Date('2026-12-04T10:00:00Z'),
    });
    const project = parseProject(files['project.qde']!, (path) => files[path] ?? null);
    expect(project.codes.map((c) => c.name)).toEqual(['\uFFFD']);
    expect(project.selections.map((s) => s.note)).toEqual(['a\uFFFDb']);
  });

  it('dates each coding by the annotation’s creation, not the export', () => {
    expect(qde).toMatch(
      new RegExp(`<Coding guid="[^"]+" creatingUser="[^"]+" creationDateTime="2026-10-01T08:30:15.250Z"><CodeRef targetGUID="${guidOf('tag', 'actor')}"/>`),
    );
  });

  it('writes links between selections, with their notes, and sets with their sources and passages', () => {
    expect(qde).toContain(
      `<Link guid="${guidOf('link', 'l1')}" name="supports" direction="OneWay" color="#2E9E5B" originGUID="${guidOf('annotation', 'removal')}" targetGUID="${guidOf('annotation', 'kim')}">`,
    );
    expect(qde).toContain('<PlainTextContent>Same&#13;meeting&#10;Palimpsest relation, read from its target: supported by</PlainTextContent>');
    expect(qde).toContain(`<Set guid="${guidOf('set', 's1')}" name="The fall">`);
    expect(qde).toContain(`Palimpsest passages: ${guidOf('annotation', 'removal')} ${guidOf('annotation', 'kim')}</Description>`);
    expect(qde).toContain(`<MemberSource targetGUID="${guidOf('document', report.id)}"/>`);
  });
});

describe('Palimpsest’s date variable', () => {
  it('reads back the dates it writes, a guess kept a guess', () => {
    for (const span of [
      { start: { year: 1962, month: 1, day: 19 }, guessed: false },
      { start: { year: 1960 }, end: { year: 1961 }, guessed: false },
      { start: { year: 1960, month: 11 }, guessed: true },
    ])
      expect(spanOfEdtf(edtfOf(span))).toEqual(span);
  });

  it('takes a month or day no calendar has as no date, so the library never shows one', () => {
    expect(spanOfEdtf('1962-13')).toBeNull();
    expect(spanOfEdtf('1962-00-10')).toBeNull();
    expect(spanOfEdtf('1962-01-32')).toBeNull();
    expect(spanOfEdtf('1960/1961-99')).toBeNull();
  });
});
