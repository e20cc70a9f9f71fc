import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadCorpus, seed, seedIds } from '../shared/test-support/corpus';
import { run } from './main';

// The Hypothesis files of shared/format/fixtures/hypothesis (their shapes'
// sources are named in shared/format/hypothesis-read.test.ts), read by the
// command line through the app's one reader.
const fixtures = join(import.meta.dirname, '..', 'shared', 'format', 'fixtures', 'hypothesis');
const memo = seed(loadCorpus(), seedIds.czechMemo);
const dir = mkdtempSync(join(tmpdir(), 'palimpsest-cli-hypothesis-'));

let out: string[];
let err: string[];
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
});
afterEach(() => vi.restoreAllMocks());

describe('the command line and Hypothesis files', () => {
  it('validates the client’s export, naming the reply and the page note it sets aside', () => {
    expect(run(['validate', join(fixtures, 'export.json')])).toBe(0);
    expect(out).toEqual([
      'export.json: valid W3C Web Annotation file, 3 annotations.',
      '  set aside $.annotations[2]: a reply in a Hypothesis discussion, not a passage: replies are not imported',
      '  set aside $.annotations[3]: a page note on https://digitalarchive.wilsoncenter.org/document/memorandum-luncheon-ri-song-un-1962, with no passage selected: page notes are not imported',
    ]);
  });

  it('converts an API search result to native, placed on the bundled memorandum, the reply named as left out', () => {
    const back = join(dir, 'search.native.json');
    expect(run(['convert', join(fixtures, 'search.json'), '--to', 'native', '--out', back])).toBe(1);
    expect(err).toEqual(['palimpsest: left out $.rows[1]: a reply in a Hypothesis discussion, not a passage: replies are not imported']);
    const [placed, ...rest] = JSON.parse(readFileSync(back, 'utf8')).annotations;
    expect(rest).toEqual([]);
    expect(placed).toMatchObject({
      id: 'W6g2h7p1Ee-Mm0Nn1Oo2Pp',
      documentId: memo.id,
      note: 'The Korean war dead as a debt to China.',
      tags: ['claim'],
      createdBy: { id: 'acct:jmarsh@hypothes.is', name: 'J. Marsh' },
    });
  });
});
