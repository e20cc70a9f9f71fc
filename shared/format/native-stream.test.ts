import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../test-support/fast-check-seed';
import { type Annotation, defaultTagTypes } from '../annotation/model';
import { InvalidInput } from '../errors';
import { annotationsOnSeeds } from '../test-support/arbitraries';
import { loadCorpus } from '../test-support/corpus';
import { linkOf } from '../test-support/links';
import { incomingFromNative } from './incoming';
import { planImport } from './merge';
import { type NativeFile, buildNativeFile, parseNativeFile } from './native';
import { nativePieces } from './native-stream';

const corpus = loadCorpus();
const documents = [...corpus.values()];
const exported = new Date('2026-12-03T12:00:00.000Z');

const inFileOrder = (list: readonly Annotation[]) =>
  [...list].sort((a, b) =>
    a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : a.position.start - b.position.start || (a.id < b.id ? -1 : 1),
  );

async function* inBatches<T>(list: readonly T[], size: number): AsyncGenerator<T[]> {
  for (let at = 0; at < list.length; at += size) yield list.slice(at, at + size);
}

async function text(pieces: AsyncIterable<string>): Promise<string> {
  let all = '';
  for await (const piece of pieces) all += piece;
  return all;
}

// A whole library's extra lists over `list`: a link between neighbours,
// an actor and a set.
function libraryOver(list: readonly Annotation[]): NonNullable<NativeFile['library']> {
  return {
    relationTypes: [{ id: 'supports', name: 'supports', inverse: 'supported by', color: '#445566', order: 0 }],
    links: list.slice(1).map((a, i) => linkOf(`l${i}`, list[i]!.id, a.id)),
    actors: [{ id: 'k', name: 'Khrushchev', aliases: ['Хрущёв'], created: exported.toISOString(), modified: exported.toISOString() }],
    sets: list.length
      ? [
          {
            id: 's',
            name: 'Gathered',
            description: '',
            annotationIds: list.map((a) => a.id),
            created: exported.toISOString(),
            modified: exported.toISOString(),
          },
        ]
      : [],
  };
}

describe('the native file in pieces', () => {
  it('is byte for byte the file built whole, however the annotations are batched and the pieces cut, and imports to the same annotations', async () => {
    await fc.assert(
      fc.asyncProperty(
        annotationsOnSeeds(documents),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.boolean(),
        async (random, batch, size, whole) => {
          const annotations = inFileOrder(random);
          const scope = { kind: 'all' } as const;
          const library = whole ? libraryOver(annotations) : undefined;
          const old = `${JSON.stringify(buildNativeFile({ annotations, tagTypes: defaultTagTypes, documents: corpus, scope, exported, library }), null, 2)}\n`;
          const streamedText = await text(
            nativePieces(
              {
                tagTypes: defaultTagTypes,
                documents: corpus,
                documentIds: annotations.map((a) => a.documentId),
                annotations: inBatches(annotations, batch),
                scope,
                exported,
                library: library && { ...library, links: inBatches(library.links, batch) },
              },
              size,
            ),
          );
          expect(streamedText).toBe(old);
          const plan = planImport(incomingFromNative(parseNativeFile(streamedText)), corpus, { annotations: new Map(), tagTypes: defaultTagTypes });
          expect(plan.unplaced).toEqual([]);
          expect(inFileOrder(plan.add)).toEqual(annotations);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('refuses a document the library does not hold before writing a piece', async () => {
    const pieces = nativePieces({
      tagTypes: defaultTagTypes,
      documents: corpus,
      documentIds: ['gone'],
      annotations: inBatches([], 1),
      scope: { kind: 'all' },
      exported,
    });
    await expect(pieces.next()).rejects.toThrow(InvalidInput);
  });

  it('refuses annotations out of the file’s order, a programming error', async () => {
    const [a, b] = inFileOrder(await fc.sample(annotationsOnSeeds(documents), { numRuns: 50 }).find((list) => list.length >= 2)!);
    const pieces = nativePieces({
      tagTypes: defaultTagTypes,
      documents: corpus,
      documentIds: [a!.documentId, b!.documentId],
      annotations: inBatches([b!, a!], 1),
      scope: { kind: 'all' },
      exported,
    });
    await expect(text(pieces)).rejects.toThrow(RangeError);
  });
});
