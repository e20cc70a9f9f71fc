import { describe, expect, it } from 'vitest';
import { type Annotation, defaultTagTypes } from '../annotation/model';
import { loadDocument } from '../corpus/document';
import { loadCorpus, seed, seedIds } from '../test-support/corpus';
import { incomingFromW3c } from './incoming';
import { planImport } from './merge';
import { readAnnotationFile } from './read';
import { buildW3cCollection } from './w3c';
import { readW3c } from './w3c-read';

const corpus = loadCorpus();
const memo = seed(corpus, seedIds.czechMemo);
const quote = 'Albania may go over to the other side';
const empty = { annotations: new Map<string, Annotation>(), tagTypes: defaultTagTypes };
const now = new Date('2026-12-01T00:00:00.000Z');

/// Reads a W3C value and plans it against the bundled corpus.
function plan(value: unknown) {
  const batch = readAnnotationFile(JSON.stringify(value), { tagTypes: defaultTagTypes }, now);
  return { batch, plan: planImport(batch, corpus, empty) };
}

const context = 'http://www.w3.org/ns/anno.jsonld';
const textTarget = (extra: object = {}) => ({ source: 'http://example.org/memo', selector: { type: 'TextQuoteSelector', exact: quote }, ...extra });

describe('W3C import takes what the model allows', () => {
  it('the model’s first examples: IRI body and IRI target are read, and set aside as not text, with the reason', () => {
    // Web Annotation Data Model, Examples 1 and 2.
    const { batch } = plan([
      { '@context': context, id: 'http://example.org/anno1', type: 'Annotation', body: 'http://example.org/post1', target: 'http://example.com/page1' },
      { '@context': context, id: 'http://example.org/anno5', type: 'Annotation', bodyValue: 'Comment text', target: 'http://example.org/target1' },
    ]);
    expect(batch.annotations).toEqual([]);
    expect(batch.setAside).toEqual([
      {
        id: 'http://example.org/anno1',
        path: '$[0].target',
        quote: 'http://example.com/page1',
        reason: 'the target is a whole resource (an IRI), not a passage of text',
      },
      {
        id: 'http://example.org/anno5',
        path: '$[1].target',
        quote: 'http://example.org/target1',
        reason: 'the target is a whole resource (an IRI), not a passage of text',
      },
    ]);
  });

  it('bodyValue becomes the note; an IRI body is kept in it; purpose and motivation may be lists; @context may be a list', () => {
    const { plan: p } = plan({
      '@context': [context, { extra: 'http://example.org/extra#' }],
      id: 'urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427',
      type: 'Annotation',
      motivation: ['oa:tagging', 'commenting'],
      body: [{ type: 'TextualBody', purpose: ['tagging', 'classifying'], value: 'Claim' }, 'http://example.org/post1'],
      target: textTarget(),
    });
    expect(p.add).toEqual([
      expect.objectContaining({ id: '1b4e28ba-2fa1-11d2-883f-0016d3cca427', documentId: memo.id, tags: ['claim'], note: 'http://example.org/post1' }),
    ]);
    const { plan: withValue } = plan({ '@context': context, id: 'b', type: 'Annotation', bodyValue: 'Comment text', target: textTarget() });
    expect(withValue.add[0]?.note).toBe('Comment text');
  });

  it('a Choice keeps every item’s text with its language; a number is its digits; a body it cannot read is kept as written', () => {
    const note = (body: unknown) => plan({ '@context': context, id: 'c', type: 'Annotation', body, target: textTarget() }).plan.add[0]?.note;
    // Web Annotation Data Model, Example 21: the same note in two languages.
    expect(
      note({
        type: 'Choice',
        items: [
          { type: 'TextualBody', value: 'Our ambassador agreed.', language: 'en' },
          { type: 'TextualBody', value: 'Notre ambassadeur était d’accord.', language: 'fr' },
          { type: 'TextualBody', value: 'No language given.' },
        ],
      }),
    ).toBe('[en] Our ambassador agreed.\n[fr] Notre ambassadeur était d’accord.\nNo language given.');
    expect(note({ value: 12345 })).toBe('12345');
    expect(note({ type: 'TextualBody', value: { text: 'nested' } })).toBe(
      'A body Palimpsest cannot read, kept as the file wrote it: {"type":"TextualBody","value":{"text":"nested"}}',
    );
    expect(note({ type: 'TextualBody', value: '' })).toBe('');
  });

  it('target.source may be an object with an id; anything else is refused in words', () => {
    expect(
      plan({
        '@context': context,
        id: 'a',
        type: 'Annotation',
        target: textTarget({ source: { id: 'http://example.org/memo', type: 'Text', format: 'text/html' } }),
      }).plan.add,
    ).toHaveLength(1);
    expect(() => plan({ '@context': context, id: 'a', type: 'Annotation', target: textTarget({ source: 42 }) })).toThrow(
      '$.target.source: target.source must be a string or an object with an id',
    );
  });

  it('several text targets become one annotation each; none is lost', () => {
    const { batch, plan: p } = plan({
      '@context': context,
      id: 'multi',
      type: 'Annotation',
      bodyValue: 'two passages, one remark',
      target: [textTarget(), { source: 'http://example.org/memo', selector: { type: 'TextQuoteSelector', exact: 'Li Songun expresses serious concern' } }],
    });
    expect(batch.annotations.map((a) => [a.id, a.path])).toEqual([
      ['multi', '$.target[0]'],
      ['multi#target-2', '$.target[1]'],
    ]);
    expect(p.add.map((a) => [a.quote.exact, a.note])).toEqual([
      [quote, 'two passages, one remark'],
      ['Li Songun expresses serious concern', 'two passages, one remark'],
    ]);
  });

  it('a FragmentSelector refined by a TextQuoteSelector places the quote; the fragment’s positions are not the document’s', () => {
    // The model's Example 44 (refinedBy), on a paragraph of the memo.
    const { plan: p } = plan({
      '@context': context,
      id: 'refined',
      type: 'Annotation',
      target: {
        source: 'http://example.org/memo',
        selector: {
          type: 'FragmentSelector',
          value: 'para5',
          refinedBy: [
            { type: 'TextQuoteSelector', exact: quote },
            { type: 'TextPositionSelector', start: 3, end: 40 },
          ],
        },
      },
    });
    expect(p.add).toEqual([expect.objectContaining({ id: 'refined', quote: expect.objectContaining({ exact: quote }) })]);
    for (const kind of ['XPathSelector', 'CssSelector']) {
      expect(
        plan({
          '@context': context,
          id: kind,
          type: 'Annotation',
          target: { source: 'x', selector: { type: kind, value: '/html/body/p[5]', refinedBy: { type: 'TextQuoteSelector', exact: quote } } },
        }).plan.add,
      ).toHaveLength(1);
    }
  });

  it('a TextQuoteSelector refined by another quote or a position: the refined range is the passage', () => {
    const wide = { type: 'TextQuoteSelector', exact: 'We need to realize that Albania may go over to the other side' };
    const byQuote = plan({
      '@context': context,
      id: 'q',
      type: 'Annotation',
      target: { source: 'x', selector: { ...wide, refinedBy: { type: 'TextQuoteSelector', exact: 'the other side' } } },
    });
    expect(byQuote.plan.add[0]?.quote.exact).toBe('the other side');
    const byPosition = plan({
      '@context': context,
      id: 'p',
      type: 'Annotation',
      target: { source: 'x', selector: { ...wide, refinedBy: { type: 'TextPositionSelector', start: 24, end: 31 } } },
    });
    expect(byPosition.plan.add[0]?.quote.exact).toBe('Albania');
  });

  it('keeps a creator named by name as who made the annotation; one without a name names no one', () => {
    const made = (creator: unknown) =>
      plan({ '@context': context, id: 'urn:uuid:c1', type: 'Annotation', creator, target: textTarget({ source: 'urn:palimpsest:document:' + memo.id }) }).plan
        .add[0]!;
    expect(made({ id: 'urn:palimpsest:author:machine%20ana', type: 'Person', name: 'Ana Petrova' }).createdBy).toEqual({
      id: 'machine ana',
      name: 'Ana Petrova',
    });
    expect(made({ id: 'mailto:historian@example.org', type: 'Person', nickname: 'historian' }).createdBy).toEqual({
      id: 'mailto:historian@example.org',
      name: 'historian',
    });
    expect(made({ id: 'mailto:historian@example.org', type: 'Person' }).createdBy).toBeUndefined();
    expect(made('mailto:historian@example.org').createdBy).toBeUndefined();
  });

  it('reads RecogitoJS (no source), Recogito’s text-annotator and Hypothesis as they write', () => {
    const recogitoJs = {
      '@context': context,
      id: '#c6b2b8f8-3c2f-4e0a-9a0c-4a0a3e3f5f10',
      type: 'Annotation',
      body: [
        { type: 'TextualBody', value: 'Ri fears a defection', purpose: 'commenting' },
        { type: 'TextualBody', value: 'Korea', purpose: 'tagging' },
      ],
      target: {
        selector: [
          { type: 'TextQuoteSelector', exact: quote },
          { type: 'TextPositionSelector', start: 0, end: 10 },
        ],
      },
    };
    const textAnnotator = {
      '@context': context,
      id: '4d3a7c1e-recogito',
      type: 'Annotation',
      creator: { id: 'mailto:historian@example.org', type: 'Person' },
      created: '2026-05-02T10:00:00.000Z',
      body: [{ type: 'TextualBody', purpose: 'commenting', value: 'cf. the Soviet view', creator: { id: 'x' }, created: '2026-05-02T10:00:00.000Z' }],
      target: {
        source: 'https://example.org/memo.html',
        selector: [
          { type: 'TextQuoteSelector', exact: 'Li Songun expresses serious concern', prefix: '', suffix: '' },
          { type: 'TextPositionSelector', start: 12, end: 47 },
        ],
      },
    };
    const hypothesis = {
      '@context': context,
      id: 'https://hypothes.is/a/abc123',
      type: 'Annotation',
      motivation: 'commenting',
      created: '2026-10-01T09:00:00.000000+00:00',
      body: [{ type: 'TextualBody', value: 'note', format: 'text/markdown' }],
      target: [
        {
          source: 'https://example.org/memo',
          selector: [
            { type: 'RangeSelector', startContainer: '/p[3]', startOffset: 0, endContainer: '/p[3]', endOffset: 37 },
            { type: 'TextPositionSelector', start: 1, end: 38 },
            { type: 'TextQuoteSelector', exact: quote, prefix: 'that ', suffix: '.' },
          ],
        },
      ],
    };
    const { batch, plan: p } = plan([recogitoJs, textAnnotator, hypothesis]);
    expect(batch.setAside).toEqual([]);
    expect(p.unplaced).toEqual([]);
    expect(p.add.map((a) => [a.id, a.quote.exact, a.tags, a.note])).toEqual([
      ['#c6b2b8f8-3c2f-4e0a-9a0c-4a0a3e3f5f10', quote, ['korea'], 'Ri fears a defection'],
      ['4d3a7c1e-recogito', 'Li Songun expresses serious concern', [], 'cf. the Soviet view'],
      ['https://hypothes.is/a/abc123', quote, [], 'note'],
    ]);
  });

  it('a file mixing text with image regions, SVG shapes and links between unknown ids imports the text and lists the rest', () => {
    const { batch, plan: p } = plan({
      '@context': context,
      type: 'AnnotationCollection',
      id: 'http://example.org/collection1',
      first: {
        type: 'AnnotationPage',
        id: 'http://example.org/page1',
        items: [
          { id: 'text', type: 'Annotation', target: textTarget() },
          {
            id: 'region',
            type: 'Annotation',
            target: {
              source: 'http://example.org/image1',
              selector: { type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/', value: 'xywh=50,50,640,480' },
            },
          },
          { id: 'svg', type: 'Annotation', target: { source: 'http://example.org/image1', selector: { type: 'SvgSelector', value: '<svg>…</svg>' } } },
          {
            id: 'link',
            type: 'Annotation',
            motivation: 'linking',
            body: 'http://example.org/other',
            target: ['http://example.org/a1', 'http://example.org/a2'],
          },
        ],
      },
    });
    expect(p.add.map((a) => a.id)).toEqual(['text']);
    expect(p.unplaced.map((u) => [u.id, u.path, u.reason])).toEqual([
      ['region', '$.first.items[1].target', 'an image region, not a passage of text'],
      ['svg', '$.first.items[2].target', 'an image region, not a passage of text'],
    ]);
    // The link is read as a link; a plan against a library places it or
    // names the missing passage (see library-merge.ts).
    expect(batch.library?.links.map((l) => [l.from, l.to])).toEqual([['http://example.org/a1', 'http://example.org/a2']]);
  });

  it('refuses in words what no annotation may be: no id, not an Annotation, a position that is not a range', () => {
    expect(() => plan({ '@context': context, type: 'Annotation', target: textTarget() })).toThrow('$.id: an annotation needs an id (a non-empty string)');
    expect(() => plan([{ id: 'a', type: 'Note', target: textTarget() }])).toThrow('$[0].type: the type must be "Annotation", not "Note"');
    expect(() =>
      plan({ '@context': context, id: 'a', type: 'Annotation', target: { source: 'x', selector: { type: 'TextPositionSelector', start: 9, end: 'ten' } } }),
    ).toThrow(`$.target.selector.end: a TextPositionSelector's end must be a whole number of characters from 0 up, not "ten"`);
  });
});

describe('W3C positions count code points', () => {
  const text = 'Note 🙂 on 𝔄: the same words. Note 🙂 on 𝔄: the same words.';
  const document = loadDocument('emoji.txt', text);
  const documents = new Map([[document.id, document]]);
  const second = text.lastIndexOf('the same words');
  const annotation: Annotation = {
    id: 'a',
    documentId: document.id,
    quote: { type: 'TextQuoteSelector', exact: 'the same words', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: second, end: second + 14 },
    tags: [],
    actor: null,
    note: '',
    created: now.toISOString(),
    modified: now.toISOString(),
  };

  it('exports start and end in code points, and places the passage back in UTF-16 units', () => {
    const collection = buildW3cCollection({ annotations: [annotation], tagTypes: defaultTagTypes, documents, exported: now });
    const [, position] = (collection.first.items[0] as { target: { selector: { start: number; end: number }[] } }).target.selector;
    expect(position).toEqual({ type: 'TextPositionSelector', start: [...text.slice(0, second)].length, end: [...text.slice(0, second)].length + 14 });
    expect(position!.start).toBe(second - 4);
    // The quote alone is repeated: the position tells which one it is.
    const back = planImport(incomingFromW3c(readW3c(JSON.parse(JSON.stringify(collection))), defaultTagTypes, now), documents, empty);
    expect(back.add[0]?.position).toEqual(annotation.position);
  });
});

describe('W3C ids the library could not carry back', () => {
  const item = (id: string, tag = 'Claim') => ({
    '@context': context,
    id,
    type: 'Annotation',
    body: { type: 'TextualBody', purpose: 'tagging', value: tag },
    target: textTarget(),
  });

  it('refuses one id written two ways, with the path of the second', () => {
    expect(() => plan([item('urn:uuid:dup'), item('dup')])).toThrow(/\$\[1\]\.id: the annotation id "dup" is used twice/);
  });

  it('refuses an id that is only the urn:uuid: prefix', () => {
    expect(() => plan([item('urn:uuid:')])).toThrow(/\$\[0\]\.id: the annotation id "" must not be empty/);
  });

  it('gives a tag named at length an id short enough for every format', () => {
    const { batch } = plan([item('long', 'A code named at great length / '.repeat(12))]);
    expect(batch.tagTypes.at(-1)!.id.length).toBeLessThanOrEqual(64);
  });
});
