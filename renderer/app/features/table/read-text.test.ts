import { describe, expect, it } from 'vitest';
import { TableModel } from '../../../../shared/table/model';
import { annotations, corpus, actors, links, sets } from '../../../../shared/table/test-support/sample';
import { StoredChunks } from '../../../../shared/table/test-support/stored';
import { TextStore } from '../../../../shared/table/texts';
import { readAllText } from './read-text';

// The sample library stored, its texts read through `read`, which fails
// the first `failures` times.
function table(failures: number) {
  const stored = new StoredChunks(2);
  stored.write(annotations);
  let reads = 0;
  const texts = new TextStore(async (keys) => {
    if (++reads <= failures) throw new Error('The disk is busy.');
    return stored.texts(keys);
  });
  const model = new TableModel({ documents: corpus, actors, links, sets, chunks: stored.columns(), texts });
  return { model, reads: () => reads };
}

describe('readAllText', () => {
  it('reads the text again after a failed read, so the words filter runs', async () => {
    const { model } = table(2);
    const pauses: number[] = [];
    await readAllText(model, async (ms) => void pauses.push(ms), [250, 1000]);
    expect(pauses).toEqual([250, 1000]);
    expect(model.missingText()).toEqual([]);
    const kept = model.filter(model.order('date', 'ascending'), { text: 'cornell' });
    expect(Array.from(kept, (i) => model.id(i))).toEqual(['mehilli']);
  });

  it('gives up with the read’s error once its tries are spent, not waiting for ever', async () => {
    const { model, reads } = table(Number.POSITIVE_INFINITY);
    await expect(readAllText(model, async () => {}, [250, 1000])).rejects.toThrow('The disk is busy.');
    expect(reads()).toBe(3);
    expect(model.missingText()).not.toEqual([]);
  });
});
