import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { defaultTagTypes } from '../annotation/model';
import { actors, annotations, corpus, link, time } from '../sets/test-support/library';
import { defaultRelationTypes } from '../links/model';
import { buildW3cCollection } from './w3c';
import { palimpsestContext, w3cContext } from './w3c-terms';

/// Every W3C export checked against the W3C's own MUST assertions (the
/// web-annotation-tests JSON Schemas) and expanded by a JSON-LD processor
/// with no term dropped. Sources and licences: test-support/README.md.

const here = join(import.meta.dirname, 'test-support');
const suite = join(here, 'web-annotation-tests');
const annoContext = JSON.parse(readFileSync(join(here, 'w3c-context', 'anno.jsonld'), 'utf8'));

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
const ajv = new Ajv({ strict: false, allErrors: false });
addFormats(ajv);
for (const path of files(join(suite, 'definitions'))) ajv.addSchema(JSON.parse(readFileSync(path, 'utf8')));

/// The assertions of one of the suite's `.test` files, each with the
/// result it expects of a conforming document.
function assertions(testFile: string): { name: string; schema: object; expected: 'valid' | 'invalid' }[] {
  const test = JSON.parse(readFileSync(join(suite, testFile), 'utf8')) as { assertions: string[] };
  return test.assertions.map((path) => {
    const schema = JSON.parse(readFileSync(join(suite, path), 'utf8'));
    return { name: path, schema, expected: schema.expectedResult ?? 'valid' };
  });
}

function failures(testFile: string, value: unknown): string[] {
  return assertions(testFile).flatMap(({ name, schema, expected }) => {
    const validate = ajv.getSchema((schema as { id: string }).id) ?? ajv.compile(schema);
    const valid = validate(value) as boolean;
    return valid === (expected === 'valid') ? [] : [`${name}: ${(schema as { errorMessage?: string }).errorMessage ?? ajv.errorsText(validate.errors)}`];
  });
}

const documentLoader = async (url: string) => {
  if (url === w3cContext || url === 'https://www.w3.org/ns/anno.jsonld') return { contextUrl: undefined, documentUrl: url, document: annoContext };
  throw new Error(`No network in tests: ${url} would have been fetched.`);
};

// Made in a shared project: the annotation and the link name their author.
const ana = { id: '6f1c0e4d-1a77-4c5e-9a53-2f1c0e4d1a77', name: 'Ana Petrova' };
const authored = annotations.map((a, i) => (i === 0 ? { ...a, createdBy: ana, modifiedBy: ana } : a));
const library = {
  relationTypes: [...defaultRelationTypes],
  links: [{ ...link('l1', 'removal', 'overthrown', 'supports', 'the Albanian report bears it out'), createdBy: ana }, link('l2', 'li', 'motive', 'same-event')],
  actors,
  sets: [{ id: 'set1', name: 'Khrushchev’s fall', description: 'foreseen', annotationIds: ['overthrown', 'removal'], created: time, modified: time }],
};
const whole = JSON.parse(
  JSON.stringify(buildW3cCollection({ annotations: authored, tagTypes: defaultTagTypes, documents: corpus, exported: new Date(time), library })),
);
const oneDocument = JSON.parse(
  JSON.stringify(buildW3cCollection({ annotations: annotations.slice(0, 2), tagTypes: defaultTagTypes, documents: corpus, exported: new Date(time) })),
);

describe('W3C exports against the W3C test suite', () => {
  for (const [what, collection] of [
    ['a whole library', whole],
    ['one document', oneDocument],
  ] as const) {
    it(`${what}: the collection, its page and every annotation meet every MUST`, () => {
      expect(collection.first.items.length).toBeGreaterThan(0);
      expect(failures('collections/collectionMusts.test', collection)).toEqual([]);
      // The page and the annotations are checked as they would be served on
      // their own: with the collection's context.
      expect(failures('collections/pages/pageMusts.test', { '@context': collection['@context'], ...collection.first })).toEqual([]);
      for (const item of collection.first.items)
        expect(failures('annotations/annotationMusts.test', { '@context': collection['@context'], ...item })).toEqual([]);
    });

    it(`${what}: a JSON-LD processor expands every term to an IRI, dropping none, offline`, async () => {
      const expanded = await jsonld.expand(collection, { documentLoader, safe: true } as jsonld.Options.Expand);
      const text = JSON.stringify(expanded);
      expect(text).toContain('http://www.w3.org/ns/oa#hasTarget');
      if (collection === whole) {
        expect(text).toContain('https://w3id.org/palimpsest/ns#actors');
        expect(text).toContain('http://www.w3.org/ns/oa#linking');
        // Who made them: the model's creator, a Person with a name.
        expect(text).toContain('http://purl.org/dc/terms/creator');
        expect(text).toContain('http://xmlns.com/foaf/0.1/name');
        expect(whole.first.items.filter((item: { creator?: { name: string } }) => item.creator?.name === 'Ana Petrova')).toHaveLength(2);
      }
      expect(text).toContain('http://purl.org/dc/terms/bibliographicCitation');
    });
  }

  it('the suite catches what it should: an annotation without a target, a page without an id', () => {
    const [item] = whole.first.items;
    const { target: _target, ...noTarget } = item;
    expect(failures('annotations/annotationMusts.test', { '@context': whole['@context'], ...noTarget })).not.toEqual([]);
    const { id: _id, ...noId } = whole.first;
    expect(failures('collections/pages/pageMusts.test', { '@context': whole['@context'], ...noId })).not.toEqual([]);
  });

  it('the processor refuses a term outside both contexts, as the old dc_title was', async () => {
    const withTitle = structuredClone(oneDocument);
    withTitle.first.items[0].target.dc_title = 'Visit of the Italian Prime Minister';
    await expect(jsonld.expand(withTitle, { documentLoader, safe: true } as jsonld.Options.Expand)).rejects.toThrow(/dropped|safe mode|invalid/i);
  });

  it('publishes the extension context in the repository as the exports carry it', () => {
    const published = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'palimpsest-context.jsonld'), 'utf8'));
    expect(published).toEqual({ '@context': JSON.parse(JSON.stringify(palimpsestContext)) });
    expect(whole['@context']).toEqual([w3cContext, published['@context']]);
  });
});
