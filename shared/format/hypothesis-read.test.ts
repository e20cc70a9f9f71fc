import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Annotation, defaultTagTypes } from '../annotation/model';
import { loadDocument } from '../corpus/document';
import { loadCorpus, seed, seedIds } from '../test-support/corpus';
import { incomingFromNative } from './incoming';
import { maxJsonDepth } from './json-file';
import { planImport } from './merge';
import { buildNativeFile, parseNativeFile } from './native';
import { readAnnotationFile } from './read';

// The fixtures are shaped as Hypothesis writes its files, made by hand from
// its own definitions: the client's Export (hypothesis/client,
// src/sidebar/services/annotations-exporter.ts: `{export_date,
// export_userid, client_version, annotations}`), and rows as the h API
// presents them (h/presenters/annotation_json.py, and the client's
// src/types/api.ts `APIAnnotationData`, `SearchResponse` `{total, rows}`):
// `target[].selector[]` in h's order (RangeSelector, TextPositionSelector,
// TextQuoteSelector), `document.title` a list, `references` on a reply, a
// page note's target with no selector.
const fixtures = join(import.meta.dirname, 'fixtures', 'hypothesis');
const exportText = readFileSync(join(fixtures, 'export.json'), 'utf8');
const searchText = readFileSync(join(fixtures, 'search.json'), 'utf8');

const corpus = loadCorpus();
const memo = seed(corpus, seedIds.czechMemo);
const empty = { annotations: new Map<string, Annotation>(), tagTypes: defaultTagTypes };
const now = new Date('2026-12-05T00:00:00.000Z');
const read = (json: string) => readAnnotationFile(json, { tagTypes: defaultTagTypes }, now);
const plan = (json: string) => planImport(read(json), corpus, empty);
const problem = (json: string) => {
  try {
    read(json);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('The file was read, though it should have been refused.');
};
const edited = (edit: (file: { annotations: Record<string, unknown>[] }) => void) => {
  const file = JSON.parse(exportText);
  edit(file);
  return JSON.stringify(file);
};

describe('Hypothesis export', () => {
  it('places each highlight on the library’s copy of the page, with note, tags, author and dates', () => {
    const p = plan(exportText);
    expect(p.add).toEqual([
      expect.objectContaining({
        id: 'Qx3kZ7p1Ee-Yc1Nq8mB2wA',
        documentId: memo.id,
        quote: expect.objectContaining({ exact: 'Albania may go over to the other side' }),
        position: { type: 'TextPositionSelector', start: 4464, end: 4501 },
        note: "Ri fears Albania's defection; compare the Foreign Office brief of the same spring.",
        tags: ['claim', 'defection'],
        created: '2026-10-01T09:12:44.120384+00:00',
        modified: '2026-10-02T16:40:03.551920+00:00',
        createdBy: { id: 'acct:ekovacs@hypothes.is', name: 'Eva Kovács' },
      }),
      expect.objectContaining({ id: 'R8m1b7p1Ee-Z9Wv3kL0pQg', documentId: memo.id, tags: ['soviet-aid'] }),
    ]);
    // A tag the library has no type of becomes a new type, as in a W3C file.
    expect(p.addTagTypes.map((t) => t.name)).toEqual(['defection', 'soviet aid']);
  });

  it('lists the reply, the page note and the page the library does not hold, each with its reason', () => {
    const p = plan(exportText);
    expect(p.unplaced).toEqual([
      {
        id: 'T2c9d7p1Ee-Aa1Bb2Cc3Dd',
        path: '$.annotations[2]',
        quote: 'Agreed; the Tirana reports of 1961 say as much.',
        reason: 'a reply in a Hypothesis discussion, not a passage: replies are not imported',
      },
      {
        id: 'U4e0f7p1Ee-Ee4Ff5Gg6Hh',
        path: '$.annotations[3]',
        quote: 'Translated by Vojtech Mastny; check against the Czech original.',
        reason:
          'a page note on https://digitalarchive.wilsoncenter.org/document/memorandum-luncheon-ri-song-un-1962, with no passage selected: page notes are not imported',
      },
      {
        id: 'V5f1g7p1Ee-Ii7Jj8Kk9Ll',
        path: '$.annotations[4]',
        quote: 'the Albanian leadership answered with a long silence',
        reason: 'the passage is in none of the library’s documents (source https://www.cvce.eu/obj/the_break_between_moscow_and_tirana)',
      },
    ]);
  });

  it('comes back whole from a Palimpsest export of it, and adds nothing the second time', () => {
    const first = plan(exportText);
    const tagTypes = [...defaultTagTypes, ...first.addTagTypes];
    const native = JSON.stringify(buildNativeFile({ annotations: first.add, tagTypes, documents: corpus, scope: { kind: 'all' }, exported: now }));
    const again = planImport(incomingFromNative(parseNativeFile(native)), corpus, { annotations: new Map(), tagTypes });
    expect(again.unplaced).toEqual([]);
    expect(again.add).toEqual(first.add);
    const stored = new Map(first.add.map((a) => [a.id, a]));
    const twice = planImport(incomingFromNative(parseNativeFile(native)), corpus, { annotations: stored, tagTypes });
    expect([twice.add.length, twice.update.length, twice.unchanged]).toEqual([0, 0, 2]);
    expect(planImport(read(exportText), corpus, { annotations: stored, tagTypes }).unchanged).toBe(2);
  });
});

describe('Hypothesis API search results', () => {
  it('reads {total, rows} and the rows alone, which were refused for want of a W3C type', () => {
    const fromSearch = plan(searchText);
    expect(fromSearch.add.map((a) => [a.id, a.quote.exact, a.tags, a.createdBy?.name])).toEqual([
      ['W6g2h7p1Ee-Mm0Nn1Oo2Pp', 'tens of thousands of Chinese soldiers were killed', ['claim'], 'J. Marsh'],
    ]);
    expect(fromSearch.unplaced.map((u) => [u.path, u.reason])).toEqual([
      ['$.rows[1]', 'a reply in a Hypothesis discussion, not a passage: replies are not imported'],
    ]);
    const rows = JSON.stringify(JSON.parse(searchText).rows);
    expect(plan(rows).add).toEqual(fromSearch.add);
    expect(plan(rows).unplaced[0]?.path).toBe('$[1]');
  });

  it('reads replies the search gives apart (`_separate_replies`) as replies', () => {
    const file = JSON.parse(searchText);
    const reply = file.rows.pop();
    const p = plan(JSON.stringify({ ...file, replies: [reply] }));
    expect(p.add).toHaveLength(1);
    expect(p.unplaced.map((u) => u.path)).toEqual(['$.replies[0]']);
  });
});

describe('Hypothesis positions', () => {
  it('count UTF-16 code units, as the client counts the page’s text: a passage after a Fraktur heading is the one selected', () => {
    // 𝔄𝔅𝔇 are one code point each but two UTF-16 units: read as code
    // points, the position of the first "ha ha" (9) would fall on the
    // second (12), which is also "ha ha".
    const text = '𝔄𝔅𝔇 — ha ha ha, said the minister.';
    const document = loadDocument('laughter.txt', text);
    const start = text.indexOf('ha ha');
    const row = JSON.parse(searchText).rows[0];
    row.target[0].selector = [
      { type: 'TextPositionSelector', start, end: start + 5 },
      { type: 'TextQuoteSelector', exact: 'ha ha' },
    ];
    const p = planImport(read(JSON.stringify({ total: 1, rows: [row] })), new Map([[document.id, document]]), empty);
    expect(p.add.map((a) => [a.position.start, a.position.end])).toEqual([[start, start + 5]]);
  });
});

describe('a bad Hypothesis file', () => {
  it('is refused whole, naming the path of what is wrong', () => {
    expect(
      problem(
        edited((f) => {
          (f.annotations[1]!.target as { selector: { start?: number }[] }[])[0]!.selector[1]!.start = -3;
        }),
      ),
    ).toBe("$.annotations[1].target[0].selector[1].start: a TextPositionSelector's start must be a whole number of characters from 0 up, not -3");
    expect(problem(edited((f) => (f.annotations[0]!.tags = ['Claim', 7])))).toBe('$.annotations[0].tags[1]: tags must be a list of strings, not a number');
    expect(problem(edited((f) => (f.annotations[4]!.created = 'last Tuesday')))).toMatch(/^\$\.annotations\[4\]\.created: /);
    expect(problem(edited((f) => delete f.annotations[3]!.target))).toBe(
      '$.annotations[3].target: an annotation needs a target: a list with the page and passage (nothing given)',
    );
    expect(problem(edited((f) => (f.annotations[1]!.id = f.annotations[0]!.id)))).toMatch(/^\$\.annotations\[1\]\.id: .*used twice/);
    expect(problem(edited((f) => ((f as unknown as { annotations: string }).annotations = 'none')))).toBe(
      '$.annotations: expected a list of annotations, not the string "none"',
    );
    expect(
      problem(
        JSON.stringify({
          total: 1,
          rows: [{ id: 'x', uri: 'https://example.org', target: [{ source: 'https://example.org', selector: 'TextQuoteSelector' }] }],
        }),
      ),
    ).toBe('$.rows[0].target[0].selector: a selector must be an object, not the string "TextQuoteSelector"');
  });

  it('is held to the size and nesting limits of every import', () => {
    const deep = `{"export_date":"2026-11-30T14:05:12Z","annotations":[${'['.repeat(maxJsonDepth)}${']'.repeat(maxJsonDepth)}]}`;
    expect(problem(deep)).toMatch(/^the file nests lists or objects more than 64 deep/);
  });
});
