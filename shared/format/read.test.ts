import { describe, expect, it } from 'vitest';
import { defaultTagTypes } from '../annotation/model';
import { ImportError } from './errors';
import { annotationOn } from '../test-support/annotations';
import { loadCorpus, seed } from '../test-support/corpus';
import { buildNativeFile } from './native';
import { readAnnotationFile } from './read';

const library = { tagTypes: defaultTagTypes };

describe('a file picked as annotations that is not JSON at all', () => {
  it('is named as such, with how it begins and what to import instead, not with the JSON parser’s complaint', () => {
    // A Czech memorandum in Windows-1250, read as UTF-8, as a mistaken pick arrives.
    const text = 'Z\uFFFDznam o rozhovoru s\n soudruhem Ri Song-unem';
    let error: unknown;
    try {
      readAnnotationFile(text, library);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).path).toBe('$');
    expect((error as Error).message).toBe(
      'this is not an annotation file: it begins "Z?znam o rozhovoru s so…", where an annotation file begins with { or [. Annotations are imported from Palimpsest JSON, W3C Web Annotation JSON-LD or a REFI-QDA project (.qdpx); a text, a PDF or a Word file is a document, imported as one',
    );
  });

  it('still reads JSON after a byte-order mark and blank lines, and names broken JSON as before', () => {
    expect(() => readAnnotationFile('\uFEFF\n  {"format": "palimpsest.annotations", ', library)).toThrow(/^the file is not valid JSON/);
    expect(() => readAnnotationFile('\n[]', library)).not.toThrow(/not an annotation file/);
  });

  it('reads a valid file that begins with a byte-order mark, as Windows tools write UTF-8', () => {
    const corpus = loadCorpus();
    const brief = seed(corpus, 'fo-brief-sino-soviet-relations-and-albania-1962');
    const annotation = annotationOn(brief, 'a1', 'Soviet');
    const file = buildNativeFile({ annotations: [annotation], tagTypes: defaultTagTypes, documents: corpus, scope: { kind: 'all' }, exported: new Date() });
    expect(readAnnotationFile(`\uFEFF${JSON.stringify(file)}`, library).annotations.map((a) => a.id)).toEqual(['a1']);
  });
});
