import { describe, expect, it } from 'vitest';
import { Plans } from './plans';

describe('Plans', () => {
  it('applies a plan once, by its id, and refuses it after with a sentence', () => {
    const plans = new Plans<string>('file', 'import');
    const first = plans.add('brief.json');
    const second = plans.add('diary.json');
    expect(first).not.toBe(second);
    expect(plans.take(second)).toBe('diary.json');
    expect(() => plans.take(second)).toThrow(
      new RangeError(
        `The file previewed as ${second} is no longer waiting: it was already applied or cancelled, or later previews replaced it. Preview it again to import it.`,
      ),
    );
    expect(plans.take(first)).toBe('brief.json');
    expect(plans.size).toBe(0);
  });

  it('refuses an id it never made, and forgets a cancelled plan', () => {
    const plans = new Plans<string>('revision', 'store');
    expect(() => plans.take('revision-7')).toThrow('There is no previewed revision "revision-7" to store: preview one first.');
    expect(() => plans.take('../../x')).toThrow('There is no previewed revision "../../x" to store');
    const id = plans.add('brief-v2.md');
    plans.drop(id);
    plans.drop('never-made');
    expect(() => plans.take(id)).toThrow(/no longer waiting/);
  });

  it('keeps only the latest few, so previews left open do not grow the memory', () => {
    const plans = new Plans<number>('file', 'import', 3);
    const ids = Array.from({ length: 10 }, (_, i) => plans.add(i));
    expect(plans.size).toBe(3);
    expect(() => plans.take(ids[0]!)).toThrow(/later previews replaced it/);
    expect(plans.take(ids[9]!)).toBe(9);
    expect(() => new Plans('file', 'import', 0)).toThrow(RangeError);
  });
});
