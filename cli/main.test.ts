import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Annotation, defaultTagTypes } from '../shared/annotation/model';
import { buildNativeFile } from '../shared/format/native';
import { annotationOn } from '../shared/test-support/annotations';
import { corpusDir, loadCorpus, seed, seedIds } from '../shared/test-support/corpus';
import { readQdpx } from '../shared/format/qdpx';
import { run } from './main';

const corpus = loadCorpus();
const brief = seed(corpus, seedIds.foBrief);
const dir = mkdtempSync(join(tmpdir(), 'palimpsest-cli-'));
const briefPath = join(corpusDir, `${brief.id}.md`);

const annotation = (id: string, exact: string, extra: Partial<Annotation> = {}): Annotation => annotationOn(brief, id, exact, extra);

function nativeFile(annotations: Annotation[]): string {
  const path = join(dir, `native-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(
    path,
    JSON.stringify(
      buildNativeFile({ annotations, tagTypes: defaultTagTypes, documents: corpus, scope: { kind: 'all' }, exported: new Date('2026-11-22T12:00:00Z') }),
    ),
  );
  return path;
}

const hypothesis = (id: string, created = '2026-10-01T09:00:00Z') => ({
  '@context': ['http://www.w3.org/ns/anno.jsonld'],
  type: 'Annotation',
  id,
  created,
  bodyValue: 'a note',
  target: {
    source: { id: 'https://digitalarchive.wilsoncenter.org/document/brief', type: 'Text' },
    selector: { type: 'TextQuoteSelector', exact: 'apple of discord' },
  },
});
const write = (value: unknown) => {
  const path = join(dir, `w3c-${Math.random().toString(36).slice(2)}.jsonld`);
  writeFileSync(path, JSON.stringify(value));
  return path;
};

let out: string[];
let err: string[];
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
});
afterEach(() => vi.restoreAllMocks());

describe('validate', () => {
  it('accepts a valid native file', () => {
    expect(run(['validate', nativeFile([annotation('a1', 'apple of discord')])])).toBe(0);
    expect(out.join('\n')).toMatch(/valid Palimpsest native file, 1 annotation\./);
  });

  it('names the problem and its JSON path, exit 1', () => {
    const path = join(dir, 'bad.json');
    const file = JSON.parse(readFileSync(nativeFile([annotation('a1', 'apple of discord')]), 'utf8'));
    file.annotations[0].target.selector[1].start = -3;
    writeFileSync(path, JSON.stringify(file));
    expect(run(['validate', path])).toBe(1);
    expect(out.join('\n')).toContain('$.annotations[0].target.selector[1].start');
  });

  it('reads W3C files and says which problem a Hypothesis-style file has', () => {
    const path = join(dir, 'w3c.json');
    writeFileSync(
      path,
      JSON.stringify({
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'Annotation',
        id: 'x',
        target: { source: 'http://example.org/doc', selector: [{ type: 'RangeSelector' }] },
      }),
    );
    expect(run(['validate', path])).toBe(1);
    expect(out.join('\n')).toContain('$.target: no TextQuoteSelector or TextPositionSelector (only RangeSelector)');
  });

  it('one-line errors for a missing file, malformed JSON and non-UTF-8 bytes, as the app gives them', () => {
    expect(run(['validate', join(dir, 'nope.json')])).toBe(1);
    expect(err.at(-1)).toMatch(/nope\.json cannot be read: no such file\./);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"format": ');
    expect(run(['validate', broken])).toBe(1);
    expect(out.join('\n')).toMatch(/not valid JSON/);
    const latin = join(dir, 'latin1.json');
    writeFileSync(latin, Buffer.from([0x7b, 0xe9, 0x7d]));
    out = [];
    expect(run(['validate', latin])).toBe(1);
    expect(out.join('\n')).toMatch(/latin1\.json: invalid\.\n {2}the file is not valid JSON/);
  });
});

describe('hostile files', () => {
  it('a 100 MB file is read and refused with its first problem, not a hang', () => {
    const path = join(dir, 'huge.json');
    writeFileSync(path, `{"format":"palimpsest.annotations","version":1,"padding":"${'x'.repeat(100 * 1024 * 1024)}"}`);
    expect(run(['validate', path])).toBe(1);
    expect(out.join('\n')).toMatch(/\$(\.exported)?: /);
  });

  it('a file of the wrong kind entirely gets one sentence', () => {
    const path = join(dir, 'binary.json');
    writeFileSync(path, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(run(['validate', path])).toBe(1);
    expect(out.join('\n')).toMatch(/this is not an annotation file: it begins "\?PNG/);
  });
});

describe('anchor', () => {
  it('places each annotation in the document as the app parses it, as JSON', () => {
    const file = nativeFile([
      annotation('exact', 'apple of discord'),
      { ...annotation('moved', 'Italy, France and Turkey'), position: { type: 'TextPositionSelector', start: 5, end: 29 } },
      {
        ...annotation('gone', 'apple of discord'),
        quote: { type: 'TextQuoteSelector', exact: 'a passage this brief never contained', prefix: '', suffix: '' },
      },
    ]);
    expect(run(['anchor', '--document', briefPath, '--annotations', file, '--json'])).toBe(0);
    const results = JSON.parse(out.join(''));
    const at = brief.text.text.indexOf('apple of discord');
    expect(results[0]).toEqual({ id: 'exact', status: 'exact', start: at, end: at + 16, text: 'apple of discord' });
    expect(results[1]).toMatchObject({ id: 'moved', status: 'exact', text: 'Italy, France and Turkey' });
    expect(results[2]).toEqual({ id: 'gone', status: 'orphaned', start: null, end: null, text: null });
  });

  it('prints a table and a summary without --json', () => {
    expect(run(['anchor', '--document', briefPath, '--annotations', nativeFile([annotation('a', 'apple of discord')])])).toBe(0);
    expect(out.at(-1)).toBe('1 annotations: 1 exact, 0 fuzzy, 0 orphaned.');
  });

  it('refuses unknown options and missing arguments with exit 2', () => {
    expect(run(['anchor', '--document', briefPath])).toBe(2);
    expect(run(['anchor', '--documnet', briefPath])).toBe(2);
    expect(err.at(-1)).toBe('palimpsest: Unknown option --documnet.');
  });
});

describe('files the app reads', () => {
  const fixture = (name: string) => join(import.meta.dirname, 'fixtures', name);

  it('anchor refuses a file validate calls invalid, in the same words, exit 1', () => {
    expect(run(['validate', fixture('w-astral-positions.json')])).toBe(1);
    const said = out;
    out = [];
    expect(run(['anchor', '--document', fixture('astral.txt'), '--annotations', fixture('w-astral-positions.json')])).toBe(1);
    expect(err).toEqual(said);
    expect(out).toEqual([]);
  });

  it('anchor names each annotation the reader set aside, by its id, and exits 1', () => {
    expect(run(['anchor', '--document', fixture('astral.txt'), '--annotations', fixture('w-astral-mixed.json'), '--json'])).toBe(1);
    const results = JSON.parse(out.join(''));
    expect(results.map((r: { id: string; status: string }) => `${r.id} ${r.status}`)).toEqual(['quote-only exact', 'cp-pos+quote exact', 'cp-pos left-out']);
    expect(results[2].reason).toMatch(/only a TextPositionSelector and no quote/);
    expect(err).toEqual([expect.stringMatching(/^palimpsest: left out cp-pos \(\$\.first\.items\[2\]\.target\): only a TextPositionSelector/)]);
  });

  it('anchor reads documents in UTF-16 (with or without a mark) and Windows-1252, as the app imports them', () => {
    const file = write([{ ...hypothesis('h1'), target: { source: 'urn:x', selector: { type: 'TextQuoteSelector', exact: 'Müller, Dvořák — “quotes”' } } }]);
    for (const name of ['d-utf16le-nobom.txt', 'd-utf16be-bom.txt']) {
      out = [];
      expect(run(['anchor', '--document', fixture(name), '--annotations', file, '--json'])).toBe(0);
      expect(JSON.parse(out.join(''))[0]).toMatchObject({ status: 'exact', text: 'Müller, Dvořák — “quotes”' });
    }
    out = [];
    // The file repeats one sentence, so the passage is given by its place too.
    const exact = '“citations” – Müller ‘x’ €';
    const cp1252 = write([
      {
        ...hypothesis('h2'),
        target: {
          source: 'urn:x',
          selector: [
            { type: 'TextQuoteSelector', exact },
            { type: 'TextPositionSelector', start: 27, end: 27 + exact.length },
          ],
        },
      },
    ]);
    expect(run(['anchor', '--document', fixture('d-cp1252.txt'), '--annotations', cp1252, '--json'])).toBe(0);
    expect(JSON.parse(out.join(''))[0]).toMatchObject({ status: 'exact', text: '“citations” – Müller ‘x’ €' });
  });

  it('validate and convert read a REFI-QDA project, the command line’s own export too', () => {
    const project = join(dir, 'own.qdpx');
    expect(
      run(['convert', nativeFile([annotation('a1', 'apple of discord'), annotation('a2', 'Italy, France and Turkey')]), '--to', 'qdpx', '--out', project]),
    ).toBe(0);
    out = [];
    expect(run(['validate', project])).toBe(0);
    expect(out.join('\n')).toMatch(/own\.qdpx: valid REFI-QDA project file, 2 annotations/);
    const back = join(dir, 'from-qdpx.json');
    expect(run(['convert', project, '--to', 'native', '--out', back])).toBe(0);
    const annotations = JSON.parse(readFileSync(back, 'utf8')).annotations;
    expect(
      annotations.map((a: { documentId: string; target: { selector: { exact: string }[] } }) => [a.documentId, a.target.selector[0]!.exact]).sort(),
    ).toEqual([
      [brief.id, 'Italy, France and Turkey'],
      [brief.id, 'apple of discord'],
    ]);
  });
});

describe('convert', () => {
  it('native to W3C and back is lossless for the annotations', () => {
    const native = nativeFile([annotation('a1', 'apple of discord', { tags: ['claim', 'actor'], actor: 'Quanti', note: 'A “note”, with ë.' })]);
    const w3c = join(dir, 'out.w3c.json');
    expect(run(['convert', native, '--to', 'w3c', '--out', w3c])).toBe(0);
    const collection = JSON.parse(readFileSync(w3c, 'utf8'));
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.first.items[0].body).toEqual([
      { type: 'TextualBody', purpose: 'tagging', value: 'Claim' },
      { type: 'TextualBody', purpose: 'tagging', value: 'Actor' },
      { type: 'TextualBody', purpose: 'identifying', value: 'Quanti' },
      { type: 'TextualBody', purpose: 'commenting', value: 'A “note”, with ë.', format: 'text/plain' },
    ]);
    const back = join(dir, 'back.json');
    expect(run(['convert', w3c, '--to', 'native', '--out', back])).toBe(0);
    const original = JSON.parse(readFileSync(native, 'utf8')).annotations;
    expect(JSON.parse(readFileSync(back, 'utf8')).annotations).toEqual(original);
  });

  it('writes a REFI-QDA project a QDA tool can open', () => {
    const out = join(dir, 'out.qdpx');
    expect(run(['convert', nativeFile([annotation('a1', 'apple of discord')]), '--to', 'qdpx', '--out', out])).toBe(0);
    const files = readQdpx(new Uint8Array(readFileSync(out)));
    expect(files['project.qde']).toContain('<Project xmlns="urn:QDA-XML:project:1.0"');
    expect(files['project.qde']).toContain('name="apple of discord"');
  });

  it('writes CSV with a BOM, quoted fields and the document’s title', () => {
    const csvPath = join(dir, 'out.csv');
    expect(run(['convert', nativeFile([annotation('a1', 'apple of discord', { note: 'said "so", twice' })]), '--to', 'csv', '--out', csvPath])).toBe(0);
    const csv = readFileSync(csvPath, 'utf8');
    expect(csv.startsWith('\uFEFFannotation id,document id,document title')).toBe(true);
    expect(csv).toContain('"said ""so"", twice"');
    expect(csv).toContain('Visit of the Italian Prime Minister');
  });
});

describe('one reader with the app', () => {
  it('converts W3C annotations on a web page, placed by their quote as the app places them', () => {
    const back = join(dir, 'placed.json');
    expect(run(['convert', write([hypothesis('urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427')]), '--to', 'native', '--out', back])).toBe(0);
    const [placed] = JSON.parse(readFileSync(back, 'utf8')).annotations;
    expect(placed).toMatchObject({ id: '1b4e28ba-2fa1-11d2-883f-0016d3cca427', documentId: brief.id, note: 'a note' });
  });

  it('anchor reports each id exactly as the file gave it', () => {
    expect(
      run([
        'anchor',
        '--document',
        briefPath,
        '--annotations',
        write([hypothesis('urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427'), hypothesis('https://hypothes.is/a/xyz')]),
        '--json',
      ]),
    ).toBe(0);
    expect(JSON.parse(out.join('')).map((r: { id: string }) => r.id)).toEqual(['urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427', 'https://hypothes.is/a/xyz']);
  });

  it('refuses a time that is not one, with its path, and reads a zoneless one as UTC', () => {
    expect(run(['validate', write(hypothesis('x', 'yesterday'))])).toBe(1);
    expect(out.join('\n')).toContain('$.created: expected an ISO 8601 date and time');
    out = [];
    expect(run(['validate', write(hypothesis('x', '2023-01-28T12:00:00'))])).toBe(0);
    expect(out.join('\n')).toContain('valid W3C Web Annotation file, 1 annotation; 1 date without a time zone, read as UTC.');
  });

  it('keeps the library block of a native file converted to native', () => {
    const native = nativeFile([annotation('a1', 'apple of discord'), annotation('a2', 'Italy, France and Turkey')]);
    const file = JSON.parse(readFileSync(native, 'utf8'));
    const time = '2026-11-22T10:00:00.000Z';
    file.library = {
      relationTypes: [{ id: 'supports', name: 'supports', inverse: 'supported by', color: '#2e9e5b', order: 0 }],
      links: [{ id: 'l1', from: 'a1', to: 'a2', relation: 'supports', note: '', created: time, modified: time }],
      actors: [{ id: 'quanti', name: 'Quanti', aliases: ['Q.'], created: time, modified: time }],
      sets: [{ id: 's1', name: 'Italy', description: '', annotationIds: ['a2'], created: time, modified: time }],
    };
    writeFileSync(native, JSON.stringify(file));
    const back = join(dir, 'kept.json');
    expect(run(['convert', native, '--to', 'native', '--out', back])).toBe(0);
    expect(JSON.parse(readFileSync(back, 'utf8')).library).toEqual(file.library);
  });

  it('a file of nothing but opening brackets is refused at once, with a sentence', () => {
    const path = join(dir, 'bomb.json');
    writeFileSync(path, '['.repeat(50 * 1024 * 1024));
    expect(run(['validate', path])).toBe(1);
    expect(out.join('\n')).toContain('the file nests lists or objects more than 64 deep');
  }, 30_000);
});
