import { describe, expect, it } from 'vitest';
import { actors } from '../sets/test-support/library';
import { actorNotes, planActors } from './actor-merge';

const library = new Map(actors.map((a) => [a.id, a]));
const later = '2026-12-05T12:00:00.000Z';
const earlier = '2020-01-01T00:00:00.000Z';

describe('a file’s actors planned against the library’s', () => {
  it('counts a differing actor that is no newer as kept, not as already here', () => {
    const hoxha = library.get('hoxha')!;
    const plan = planActors(
      [
        { ...hoxha, aliases: ['E. Hoxha'], modified: earlier },
        { ...hoxha, id: 'hoxha', modified: earlier },
      ],
      library,
    );
    expect([plan.unchanged, plan.kept, plan.update.length]).toEqual([1, 1, 0]);
  });

  it('takes in a merge made in the file, and says so', () => {
    const khrushchev = library.get('khrushchev')!;
    // The file's Khrushchev has Ri Song-un's name: they were merged there.
    const plan = planActors([{ ...khrushchev, aliases: [...khrushchev.aliases, 'Ri Song-un'], modified: later }], library);
    expect(plan.merged.map((m) => m.id)).toEqual(['ri-song-un']);
    expect(actorNotes(plan)[0]).toMatch(/Ri Song-un merged into Nikita Khrushchev/);
  });
});
