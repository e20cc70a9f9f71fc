import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { historyOf, readLibrary, writeChanges } from './mapping';
import type { SharedLibrary } from './model';
import { Replica, exchange, passage } from './test-support/replica';

const ana = { id: 'machine-ana', name: 'Ana' };
const ben = { id: 'machine-ben', name: 'Ben' };
const cai = { id: 'machine-cai', name: 'Cai' };

function pair(): [Replica, Replica] {
  const a = new Replica(ana);
  const b = new Replica(ben);
  a.change((library) => {
    library.annotations.push(passage('p1', 'doc', 10, ['claim'], 'The minister refused.'));
    library.tagTypes.push({ id: 'claim', name: 'Claim', color: '#e07b24', order: 1, namesActor: false, aliases: [] });
    library.actors.push({ id: 'x', name: 'Khrushchev', aliases: [], created: 't', modified: 't' });
  });
  exchange([a, b]);
  return [a, b];
}

const annotation = (library: SharedLibrary, id: string) => library.annotations.find((a) => a.id === id)!;

describe('the store ↔ Y.Doc mapping', () => {
  it('carries an annotation, with who made it, to another machine', () => {
    const [, b] = pair();
    expect(annotation(b.library, 'p1')).toMatchObject({ note: 'The minister refused.', tags: ['claim'], createdBy: ana, modifiedBy: ana });
  });

  it('keeps the authors an imported annotation already names (an export of another project)', () => {
    const [a, b] = pair();
    a.change((library) => library.annotations.push({ ...passage('p2', 'doc', 40, ['claim'], ''), createdBy: cai, modifiedBy: ben }));
    exchange([a, b]);
    expect(annotation(b.library, 'p2')).toMatchObject({ createdBy: cai, modifiedBy: ben });
    expect(historyOf(b.doc, 'annotations', 'p2').map((entry) => entry.by.name)).toEqual(['Ana']);
  });

  it('keeps both tags put on one passage at once on two machines', () => {
    const [a, b] = pair();
    a.change((library) => annotation(library, 'p1').tags.push('actor'));
    b.change((library) => annotation(library, 'p1').tags.push('economic-measure'));
    exchange([a, b]);
    expect(annotation(a.library, 'p1').tags).toEqual(['claim', 'actor', 'economic-measure']);
    expect(b.library).toEqual(a.library);
  });

  it('merges two edits of one note as text', () => {
    const [a, b] = pair();
    a.change((library) => {
      annotation(library, 'p1').note = 'The minister refused. See FO 371/166.';
    });
    b.change((library) => {
      annotation(library, 'p1').note = 'Gromyko: The minister refused.';
    });
    exchange([a, b]);
    expect(annotation(a.library, 'p1').note).toBe('Gromyko: The minister refused. See FO 371/166.');
    expect(annotation(b.library, 'p1').note).toBe(annotation(a.library, 'p1').note);
  });

  it('keeps an annotation deleted on one machine and edited on the other, and says so', () => {
    const [a, b] = pair();
    a.change((library) => {
      library.annotations = library.annotations.filter((x) => x.id !== 'p1');
    });
    b.change((library) => {
      annotation(library, 'p1').note = 'Important: the minister refused.';
    });
    exchange([a, b]);
    for (const replica of [a, b]) {
      expect(annotation(replica.library, 'p1')).toMatchObject({ note: 'Important: the minister refused.', keptAfterDelete: { by: ana } });
    }
    // The two concurrent lines come in the order Yjs settles on, the same on both machines.
    const history = historyOf(a.doc, 'annotations', 'p1').map((entry) => `${entry.by.name} ${entry.kind}`);
    expect(history[0]).toBe('Ana create');
    expect(history.slice(1).sort()).toEqual(['Ana delete', 'Ben edit']);
    expect(historyOf(b.doc, 'annotations', 'p1').map((entry) => `${entry.by.name} ${entry.kind}`)).toEqual(history);
  });

  it('deletes an annotation nobody edited meanwhile, on both machines', () => {
    const [a, b] = pair();
    b.change((library) => {
      library.annotations = [];
    });
    exchange([a, b]);
    expect(a.library.annotations).toEqual([]);
  });

  // The app's store still holds what a colleague deleted until the round
  // trip that brings the deletion: writing the store's changes first must
  // not take a row it had when last synced for a new one.
  it('does not bring back an actor or document deleted elsewhere that the store still holds', () => {
    const [a, b] = pair();
    a.change((library) => library.documents.push({ id: 'doc-2', row: { id: 'doc-2', title: 'FO 371' } }));
    exchange([a, b]);
    const stale = structuredClone(b.library);
    a.change((library) => {
      library.actors = [];
      library.documents = [];
    });
    exchange([a, b]);
    writeChanges(b.doc, stale, stale, { by: ben, at: '2026-12-04T10:00:00.000Z' });
    expect(readLibrary(b.doc)).toMatchObject({ actors: [], documents: [] });
  });

  it('keeps one name and the other as an alias when an actor or tag type is renamed on both machines', () => {
    const [a, b] = pair();
    a.change((library) => {
      library.actors[0]!.name = 'Nikita Khrushchev';
      library.tagTypes[0]!.name = 'Assertion';
    });
    b.change((library) => {
      library.actors[0]!.name = 'N. S. Khrushchev';
      library.tagTypes[0]!.name = 'Statement';
    });
    exchange([a, b]);
    const actor = a.library.actors[0]!;
    expect([actor.name, ...actor.aliases].sort()).toEqual(['N. S. Khrushchev', 'Nikita Khrushchev']);
    const tagType = a.library.tagTypes[0]!;
    expect([tagType.name, ...tagType.aliases].sort()).toEqual(['Assertion', 'Statement']);
    expect(b.library).toEqual(a.library);
  });

  it('records who last changed a link and its history', () => {
    const [a, b] = pair();
    a.change((library) => {
      library.links.push({
        id: 'l1',
        from: 'p1',
        to: 'p1',
        relation: 'supports',
        note: '',
        created: 't',
        modified: 't',
        createdBy: null,
        modifiedBy: null,
        keptAfterDelete: null,
      });
    });
    exchange([a, b]);
    b.change((library) => {
      library.links[0]!.relation = 'contradicts';
    });
    exchange([a, b]);
    expect(a.library.links[0]).toMatchObject({ relation: 'contradicts', createdBy: ana, modifiedBy: ben });
    expect(historyOf(a.doc, 'links', 'l1').at(-1)).toMatchObject({ by: ben, kind: 'edit', fields: ['relation'] });
  });
});

// One researcher's step on their own machine.
type Step =
  | { op: 'add'; start: number; tags: string[] }
  | { op: 'tag'; pick: number; tag: string }
  | { op: 'untag'; pick: number }
  | { op: 'note'; pick: number; at: number; remove: number; text: string }
  | { op: 'delete'; pick: number }
  | { op: 'rename'; name: string }
  | { op: 'set'; pick: number }
  | { op: 'sync'; from: number; to: number; count: number };

const tagNames = ['claim', 'actor', 'economic-measure', 'date'];
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('add' as const), start: fc.nat(500), tags: fc.subarray(tagNames, { minLength: 1 }) }),
  fc.record({ op: fc.constant('tag' as const), pick: fc.nat(), tag: fc.constantFrom(...tagNames) }),
  fc.record({ op: fc.constant('untag' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('note' as const), pick: fc.nat(), at: fc.nat(40), remove: fc.nat(4), text: fc.string({ maxLength: 6 }) }),
  fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('rename' as const), name: fc.constantFrom('Khrushchev', 'Chruschtschow', 'Hruščov') }),
  fc.record({ op: fc.constant('set' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('sync' as const), from: fc.nat(2), to: fc.nat(2), count: fc.nat(3) }),
);

describe('replicas exchanging updates in any order', () => {
  it('converge to the same library and lose no annotation nobody deleted', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(2), step), { maxLength: 60 }), fc.nat(), (steps, shuffleSeed) => {
        const replicas = [new Replica(ana), new Replica(ben), new Replica(cai)];
        // Updates in flight, per receiver, delivered a few at a time in the order the test picks.
        const inFlight: Uint8Array[][] = [[], [], []];
        const made = new Set<string>();
        const deleted = new Set<string>();
        let serial = 0;
        const post = (from: number) => {
          for (const update of replicas[from]!.outbox.splice(0)) for (let to = 0; to < 3; to++) if (to !== from) inFlight[to]!.push(update);
        };
        for (const [who, s] of steps) {
          const replica = replicas[who]!;
          if (s.op === 'sync') {
            const queue = inFlight[s.to]!;
            for (let i = 0; i < s.count && queue.length > 0; i++) {
              // Any queued update may arrive first, not only the oldest.
              const [update] = queue.splice((s.from + i * 7) % queue.length, 1);
              replicas[s.to]!.receive(update!);
            }
            continue;
          }
          replica.change((library) => {
            const live = library.annotations;
            const picked = live.length > 0 && s.op !== 'add' && s.op !== 'rename' ? live[s.pick % live.length]! : null;
            switch (s.op) {
              case 'add': {
                const id = `${replica.author.name}-${serial++}`;
                made.add(id);
                live.push(passage(id, 'doc', s.start, [...s.tags]));
                break;
              }
              case 'tag':
                if (picked && !picked.tags.includes(s.tag)) picked.tags.push(s.tag);
                break;
              case 'untag':
                if (picked) picked.tags.pop();
                break;
              case 'note':
                if (picked) {
                  const at = Math.min(s.at, picked.note.length);
                  picked.note = picked.note.slice(0, at) + s.text + picked.note.slice(at + s.remove);
                }
                break;
              case 'delete':
                if (picked) {
                  deleted.add(picked.id);
                  library.annotations = live.filter((a) => a !== picked);
                }
                break;
              case 'rename':
                if (library.actors.length === 0) library.actors.push({ id: 'k', name: s.name, aliases: [], created: 't', modified: 't' });
                else library.actors[0]!.name = s.name;
                break;
              case 'set':
                if (picked) {
                  if (library.sets.length === 0)
                    library.sets.push({ id: 's', name: 'Chapter 3', description: '', annotationIds: [], created: 't', modified: 't' });
                  const set = library.sets[0]!;
                  if (!set.annotationIds.includes(picked.id)) set.annotationIds.push(picked.id);
                }
                break;
            }
          });
          post(who);
        }
        // Everything still in flight arrives, in a shuffled order.
        for (let to = 0; to < 3; to++) {
          const queue = inFlight[to]!;
          let k = shuffleSeed;
          while (queue.length > 0) {
            k = (k * 1103515245 + 12345) % 2147483648;
            replicas[to]!.receive(queue.splice(k % queue.length, 1)[0]!);
          }
        }
        const [first, ...rest] = replicas.map((replica) => replica.library);
        for (const library of rest) expect(library).toEqual(first);
        expect(first).toEqual(readLibrary(replicas[0]!.doc));
        const present = new Set(first!.annotations.map((a) => a.id));
        for (const id of made) if (!deleted.has(id)) expect(present.has(id), `annotation ${id} lost`).toBe(true);
        // The same state from scratch reads the same: nothing depends on the order updates came in.
        const fresh = new Y.Doc();
        Y.applyUpdate(fresh, Y.encodeStateAsUpdate(replicas[2]!.doc));
        expect(readLibrary(fresh)).toEqual(first);
      }),
      { numRuns: 150 },
    );
  });
});
