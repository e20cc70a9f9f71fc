import 'fake-indexeddb/auto';
import { afterEach, expect, it } from 'vitest';
import { loadCorpus, seed, seedIds } from '../../shared/test-support/corpus';
import * as rows from '../store/annotation-rows';
import { closeMachines, pair, settle } from './test-support/machines';

afterEach(closeMachines);

const brief = seed(loadCorpus(), seedIds.foBrief);
const passage = 'he wanted to force Peking to desist from further support';
const start = brief.text.text.indexOf(passage);

it('Ctrl+Z after a colleague edited the same annotation keeps their note, and undoes the step before', async () => {
  const [a, b] = await pair();
  const other = await a.annotations.create(brief, start + 20, start + 30, { tags: ['claim'] });
  const made = await a.annotations.create(brief, start, start + 10, { tags: ['claim'], note: 'first' });
  await settle(a, b);
  // Undone steps go too: redo would put Ana's note back over Ben's.
  await a.annotations.update(made, { note: 'Ana’s' });
  await settle(a, b);
  await b.annotations.update((await rows.get(b.db, brief.id, made.id))!, { note: 'Ben’s' });
  await settle(a, b);

  const step = await a.annotations.undo();
  expect(step?.label).toBe('Create annotation');
  expect(await rows.get(a.db, brief.id, other.id)).toBeUndefined();
  expect(await rows.get(a.db, brief.id, made.id)).toMatchObject({ note: 'Ben’s' });
  expect(a.annotations.history.canUndo).toBe(false);
  await settle(a, b);
  expect(await rows.get(b.db, brief.id, made.id)).toMatchObject({ note: 'Ben’s' });
});

it('Ana’s own edits, carried to the project, stay undoable', async () => {
  const [a, b] = await pair();
  const made = await a.annotations.create(brief, start, start + 10, { tags: ['claim'], note: 'first' });
  await a.annotations.update(made, { note: 'second' });
  await settle(a, b);
  await a.annotations.undo();
  expect(await rows.get(a.db, brief.id, made.id)).toMatchObject({ note: 'first' });
  await settle(a, b);
  expect(await rows.get(b.db, brief.id, made.id)).toMatchObject({ note: 'first' });
});
