import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultTagTypes } from '../shared/annotation/model';
import { buildNativeFile } from '../shared/format/native';
import { annotationOn } from '../shared/test-support/annotations';
import { corpusDir, loadCorpus, seed, seedIds } from '../shared/test-support/corpus';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bugExit, run } from './main';

// A programming error deep in the code the command line runs: the anchoring
// is made to fail as a bug would, with a RangeError whose sentence reads
// like a refusal.
vi.mock('../shared/anchoring/anchor-all', () => ({
  anchorAll: () => {
    throw new RangeError('The range 9–3 is not a non-empty passage of a text of 40 characters.');
  },
}));

const corpus = loadCorpus();
const brief = seed(corpus, seedIds.foBrief);
const dir = mkdtempSync(join(tmpdir(), 'palimpsest-cli-bug-'));

let err: string[];
beforeEach(() => {
  err = [];
  vi.spyOn(console, 'log').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
});
afterEach(() => vi.restoreAllMocks());

describe('a bug in Palimpsest', () => {
  it('is reported as a bug with its own exit code, not as invalid input', () => {
    const path = join(dir, 'valid.json');
    const annotations = [annotationOn(brief, 'a1', 'apple of discord')];
    writeFileSync(
      path,
      JSON.stringify(buildNativeFile({ annotations, tagTypes: defaultTagTypes, documents: corpus, scope: { kind: 'all' }, exported: new Date(0) })),
    );
    const code = run(['anchor', '--document', join(corpusDir, `${brief.id}.md`), '--annotations', path]);
    expect(code).toBe(bugExit);
    expect(code).not.toBe(1);
    expect(err[0]).toBe('palimpsest: this is a bug in Palimpsest: The range 9–3 is not a non-empty passage of a text of 40 characters.');
    // The stack, for the report.
    expect(err.join('\n')).toMatch(/RangeError: The range 9–3[\s\S]*at /);
  });

  it('leaves a real input problem reported as invalid input, exit 1', () => {
    expect(run(['anchor', '--document', join(dir, 'no-such.md'), '--annotations', join(dir, 'valid.json')])).toBe(1);
    expect(err).toEqual([`palimpsest: ${join(dir, 'no-such.md')} cannot be read: no such file.`]);
  });
});
