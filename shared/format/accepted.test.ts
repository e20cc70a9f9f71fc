import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultTagTypes } from '../annotation/model';
import { loadCorpus, seed, seedIds } from '../test-support/corpus';
import { ImportError } from './errors';
import { planImport } from './merge';
import { buildNativeFile, parseNativeFile } from './native';
import { readAnnotationFile } from './read';

// Whatever the reader accepts must be something a backup and a native
// export of the library can hold: a value accepted here and refused there
// would make every later backup unrestorable.

const corpus = loadCorpus();
const report = seed(corpus, seedIds.albanianReport);
const exported = new Date('2026-12-04T10:00:00.000Z');

// Names as a web annotation tool may give them: empty, blank, line ends,
// markup, any Unicode.
const name = fc.oneof(
  fc.constantFrom('', ' ', '\t', '\n', ' / ', '<b>', 'Hoxha', '🎙'),
  fc.string({ maxLength: 4 }),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
);

/// The bodies of a Hypothesis- or Recogito-shaped annotation on the report:
/// tags (as text or as IRIs alone), actors, notes, or a bodyValue instead.
const hostile = fc.record({
  tags: fc.array(name, { maxLength: 3 }),
  actors: fc.array(name, { maxLength: 2 }),
  notes: fc.array(name, { maxLength: 2 }),
  bodyValue: fc.option(name, { nil: undefined }),
  asIri: fc.boolean(),
});

describe('a W3C annotation file the reader accepts', () => {
  it('imports into a library whose native export reads back', () => {
    fc.assert(
      fc.property(hostile, ({ tags, actors, notes, bodyValue, asIri }) => {
        const body = [
          ...tags.map((value) => (asIri ? { id: value, purpose: 'tagging' } : { type: 'TextualBody', purpose: 'tagging', value })),
          ...actors.map((value) => ({ type: 'TextualBody', purpose: 'identifying', value })),
          ...notes.map((value) => ({ type: 'TextualBody', purpose: 'commenting', value })),
        ];
        const file = {
          '@context': 'http://www.w3.org/ns/anno.jsonld',
          id: 'urn:uuid:00000000-0000-4000-8000-000000000001',
          type: 'Annotation',
          ...(bodyValue === undefined ? { body } : { bodyValue }),
          target: { source: report.id, selector: { type: 'TextQuoteSelector', exact: 'Kim Il Sung said to Siri Çarçani' } },
        };
        let batch: ReturnType<typeof readAnnotationFile>;
        try {
          batch = readAnnotationFile(JSON.stringify(file), { tagTypes: defaultTagTypes }, exported);
        } catch (error) {
          // Refused with a reason is fine; accepted must be storable.
          if (error instanceof ImportError) return;
          throw error;
        }
        const plan = planImport(batch, corpus, { annotations: new Map(), tagTypes: defaultTagTypes });
        expect(plan.add).toHaveLength(1);
        const native = buildNativeFile({
          annotations: plan.add,
          tagTypes: [...defaultTagTypes, ...plan.addTagTypes],
          documents: corpus,
          scope: { kind: 'all' },
          exported,
        });
        expect(parseNativeFile(JSON.stringify(native)).annotations).toHaveLength(1);
      }),
      { numRuns: 200 },
    );
  });
});
