import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadCorpus, seed, seedIds } from '../../shared/test-support/corpus';
import * as rows from '../store/annotation-rows';
import { closeMachines, pair, settle } from './test-support/machines';

// A round trip's reading of the store, with a moment after it in which a
// test can act: what a researcher and a colleague do while it runs.
let during: (() => Promise<void>) | null = null;
vi.mock('./store-library', async (original) => {
  const library = await original<typeof import('./store-library')>();
  return {
    ...library,
    readScope: async (...args: Parameters<typeof library.readScope>) => {
      const read = await library.readScope(...args);
      const act = during;
      during = null;
      await act?.();
      return read;
    },
  };
});
afterEach(closeMachines);

const brief = seed(loadCorpus(), seedIds.foBrief);
const passage = 'he wanted to force Peking to desist from further support';
const start = brief.text.text.indexOf(passage);

describe('a round trip while the researcher and a colleague edit', () => {
  it('keeps the note typed meanwhile and the colleague’s tag that arrived meanwhile', async () => {
    const [a, b] = await pair();
    const made = await a.annotations.create(brief, start, start + passage.length, { tags: ['claim'] });
    await settle(a, b);
    // Ana's first note starts a round trip; while it runs she writes more,
    // and Ben's new tag reaches her doc.
    during = async () => {
      await a.annotations.update(made, { note: 'Khrushchev’s aim, per the FO' });
      await b.annotations.update(made, { tags: ['claim', 'actor'] });
      await b.binding.settled();
    };
    await a.annotations.update(made, { note: 'Khrushchev’s aim' });
    await settle(a, b);
    expect(during).toBeNull();
    for (const m of [a, b]) {
      expect(await rows.get(m.db, brief.id, made.id)).toMatchObject({ note: 'Khrushchev’s aim, per the FO', tags: ['claim', 'actor'] });
    }
  });
});
