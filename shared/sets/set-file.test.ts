import { describe, expect, it } from 'vitest';
import { ImportError } from '../format/errors';
import { exportSet } from './export';
import { parseSetFile } from './set-file';
import { context, set } from './test-support/library';
import { messageOf } from '../errors';

const file = exportSet(set, context);

// The message of the first problem of the exported file once `mutate` has
// spoiled it, or "accepted".
function problem(mutate: (file: any) => void): string {
  const copy = structuredClone(file) as any;
  mutate(copy);
  try {
    parseSetFile(JSON.stringify(copy));
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return messageOf(error);
  }
  return 'accepted';
}

describe('the set file', () => {
  it('is told apart from other files and versions', () => {
    expect(problem((f) => (f.format = 'palimpsest.annotations'))).toBe('$.format: expected "palimpsest.set": this is not a Palimpsest set file');
    expect(problem((f) => (f.version = 2))).toBe('$.version: version 2 is not supported; this Palimpsest reads version 1');
    expect(() => parseSetFile('{"format": "palimpsest.set"')).toThrow(/^the file is not valid JSON/);
    expect(() => parseSetFile('"palimpsest.set"')).toThrow('expected a JSON object with "format": "palimpsest.set", but the file holds a string');
  });

  it('checks each part with the rules of the annotation file', () => {
    expect(problem((f) => (f.annotations[2].target.selector[1].end = 0))).toBe('$.annotations[2].target.selector[1].end: start must be less than end');
    expect(problem((f) => (f.set.name = ''))).toBe('$.set.name: a set needs a name');
    expect(problem((f) => (f.relationTypes[0].color = 'green'))).toBe('$.relationTypes[0].color: expected a colour as #rrggbb');
    expect(problem((f) => (f.links[0].extra = true))).toMatch(/^\$\.links\[0\]: unknown field "extra"/);
    expect(problem((f) => (f.actors[1].aliases[0] = ''))).toBe('$.actors[1].aliases[0]: an alias must not be empty');
  });

  it('refuses a set whose annotations are not all there, or are there twice', () => {
    expect(problem((f) => f.annotations.splice(3, 1))).toBe('$.set.annotationIds[3]: annotation "loss" is not among the file\'s annotations');
    expect(problem((f) => f.set.annotationIds.push('li'))).toBe('$.set.annotationIds[5]: annotation "li" is listed twice in the set');
    expect(problem((f) => (f.annotations[4].id = 'loss'))).toBe('$.set.annotationIds[4]: annotation "li" is not among the file\'s annotations');
    expect(problem((f) => f.annotations.push({ ...f.annotations[0], id: 'stray' }))).toBe('$.annotations[5].id: annotation "stray" is not in the set');
  });

  it('refuses links that leave the set, join a passage to itself, repeat another, or use an unlisted relation', () => {
    expect(problem((f) => (f.links[0].to = 'ripening'))).toBe(
      '$.links[0].to: annotation "ripening" is not in the set: a set\'s links join its own annotations',
    );
    expect(problem((f) => (f.links[0].to = 'overthrown'))).toBe('$.links[0].to: a link cannot join an annotation to itself');
    expect(problem((f) => f.links.push({ ...f.links[1], id: 'again' }))).toBe('$.links[2]: the link says the same as $.links[1]');
    expect(problem((f) => f.relationTypes.pop())).toBe('$.links[0].relation: relation "elaborates" is not among the file\'s relationTypes');
    expect(problem((f) => (f.links[1].id = f.links[0].id))).toBe('$.links[1].id: duplicate link id "l-loss"');
  });

  it('refuses tags, documents and ids the file does not account for', () => {
    expect(problem((f) => (f.tagTypes = f.tagTypes.filter((t: { id: string }) => t.id !== 'economic-measure')))).toBe(
      '$.annotations[1].tags[1]: tag "economic-measure" is not among the file\'s tagTypes',
    );
    expect(problem((f) => f.documents.shift())).toBe(
      '$.annotations[1].documentId: document "albanian-report-dprk-stance-1967" is not among the file\'s documents',
    );
    expect(problem((f) => (f.actors[1].id = 'khrushchev'))).toBe('$.actors[1].id: duplicate actor id "khrushchev"');
    expect(problem((f) => (f.tagTypes[1].id = 'actor'))).toBe('$.tagTypes[1].id: duplicate tag type id "actor"');
    expect(problem(() => {})).toBe('accepted');
  });
});
