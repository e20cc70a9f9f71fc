import { describe, expect, it } from 'vitest';
import { TableModel } from '../../../../shared/table/model';
import { annotations, corpus, actors, links, sets } from '../../../../shared/table/test-support/sample';
import { StoredChunks } from '../../../../shared/table/test-support/stored';
import { TextStore } from '../../../../shared/table/texts';
import { nextTask } from './next-task';

// The ports open before any pause was asked for (the test runner's own).
const ports = () => process.getActiveResourcesInfo().filter((r) => r === 'MessagePort').length;
const before = ports();

describe('nextTask', () => {
  it('lets a table built in slices land, pausing between them, with the rows a build in one go gives', async () => {
    const stored = new StoredChunks(2);
    stored.write(annotations);
    const sources = { documents: corpus, actors, links, sets, chunks: stored.columns(), texts: new TextStore(async (keys) => stored.texts(keys)) };
    let pauses = 0;
    // A budget under nothing: a pause at every step.
    const model = await TableModel.open(sources, {}, { now: () => 0, budget: -1, pause: () => (pauses++, nextTask()) });
    const whole = new TableModel(sources);
    expect(pauses).toBeGreaterThan(1);
    expect(Array.from({ length: model.length }, (_, i) => model.id(i))).toEqual(Array.from({ length: whole.length }, (_, i) => whole.id(i)));
  });

  it('resumes pauses in the order they were asked', async () => {
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3].map((k) => nextTask().then(() => order.push(k))));
    expect(order).toEqual([0, 1, 2, 3]);
  });

  it('leaves no port open once its pauses are over', async () => {
    await nextTask();
    await Promise.all([nextTask(), nextTask()]);
    await nextTask();
    // A port closes on the loop's next turn.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(ports()).toBe(before);
  });
});
