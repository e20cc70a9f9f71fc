import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Annotation, defaultTagTypes } from '../annotation/model';
import { annotationsOnSeeds } from '../test-support/arbitraries';
import { loadCorpus } from '../test-support/corpus';
import { incomingFromNative, incomingFromW3c } from './incoming';
import { planImport } from './merge';
import { buildNativeFile, parseNativeFile } from './native';
import { buildW3cCollection } from './w3c';
import { readW3c } from './w3c-read';
import { buildQdpx } from './qdpx';
import { qdpxIncoming } from './qdpx-incoming';
import { readQdpxProject } from './qdpx-read';
import { defaultRelationTypes } from '../links/model';

const corpus = loadCorpus();
const documents = [...corpus.values()];
const exported = new Date('2026-11-22T12:00:00.000Z');
const empty = { annotations: new Map<string, Annotation>(), tagTypes: defaultTagTypes };

const annotations = annotationsOnSeeds(documents);

describe('export → import → export', () => {
  it('is identical for the native format', () => {
    fc.assert(
      fc.property(annotations, (list) => {
        const first = JSON.stringify(buildNativeFile({ annotations: list, tagTypes: defaultTagTypes, documents: corpus, scope: { kind: 'all' }, exported }));
        const plan = planImport(incomingFromNative(parseNativeFile(first)), corpus, empty);
        expect(plan.unplaced).toEqual([]);
        const second = JSON.stringify(
          buildNativeFile({ annotations: plan.add, tagTypes: defaultTagTypes, documents: corpus, scope: { kind: 'all' }, exported }),
        );
        expect(second).toBe(first);
      }),
      { numRuns: 60 },
    );
  });

  it('is identical for W3C Web Annotation', () => {
    fc.assert(
      fc.property(annotations, (list) => {
        const first = JSON.stringify(buildW3cCollection({ annotations: list, tagTypes: defaultTagTypes, documents: corpus, exported }));
        const plan = planImport(incomingFromW3c(readW3c(JSON.parse(first)), defaultTagTypes, exported), corpus, empty);
        expect(plan.unplaced).toEqual([]);
        expect(plan.addTagTypes).toEqual([]);
        const second = JSON.stringify(buildW3cCollection({ annotations: plan.add, tagTypes: defaultTagTypes, documents: corpus, exported }));
        expect(second).toBe(first);
      }),
      { numRuns: 60 },
    );
  });

  it('gives back the passages, their tags and the names as tagged for REFI-QDA, in a library of the same documents', () => {
    const library = { documents: corpus, tagTypes: defaultTagTypes, relationTypes: [...defaultRelationTypes], actors: [] };
    fc.assert(
      fc.property(annotations, (list) => {
        // The names are plain names: the library holds no actor records.
        const bytes = buildQdpx({ annotations: list, tagTypes: defaultTagTypes, documents: corpus, exported });
        const incoming = qdpxIncoming(readQdpxProject(bytes, 'roundtrip.qdpx'), library, exported);
        expect(incoming.newDocuments).toEqual([]);
        expect(incoming.actors).toEqual([]);
        const plan = planImport(incoming.batch, corpus, empty);
        expect(plan.unplaced).toEqual([]);
        // Tags too: a name on a passage with no tag comes back untagged.
        const key = (a: Annotation) => [a.documentId, a.position.start, a.position.end, a.quote.exact, a.actor, [...a.tags].sort()].join('|');
        expect(plan.add.map(key).sort()).toEqual(list.map(key).sort());
      }),
      { numRuns: 40 },
    );
  });
});
