import { describe, expect, it } from 'vitest';
import { type Link, type RelationType, defaultRelationTypes } from './model';
import { addRelationType, deletableRelationType, moveRelationType, recolorRelationType, relationTypeUsage, renameRelationType } from './relation-types';
import { InvalidInput } from '../errors';

const time = '2026-11-22T10:00:00.000Z';
const link = (id: string, relation: string): Link => ({ id, from: `a${id}`, to: `b${id}`, relation, note: '', created: time, modified: time });
const links = [link('1', 'supports'), link('2', 'supports'), link('3', 'cites')];
const names = (types: readonly RelationType[]) => types.map((t) => t.name);

describe('relation types', () => {
  it('adds one at the end with an id from its name; without an inverse it reads the same both ways', () => {
    const { types, added } = addRelationType(defaultRelationTypes, { name: '  Same  speaker ', color: '#123456' });
    expect(added).toEqual({ id: 'same-speaker', name: 'Same speaker', inverse: 'Same speaker', color: '#123456', order: 6 });
    expect(types.at(-1)).toEqual(added);
    const { added: refutes } = addRelationType(types, { name: 'refutes', inverse: 'refuted by', color: '#aa0000' });
    expect(refutes).toMatchObject({ id: 'refutes', name: 'refutes', inverse: 'refuted by', order: 7 });
  });

  it('refuses an empty name, a bad colour, and a phrase another relation already reads', () => {
    const add =
      (name: string, inverse?: string, color = '#000000') =>
      () =>
        addRelationType(defaultRelationTypes, { name, inverse, color });
    expect(add('  ')).toThrow(new InvalidInput('$', 'A relation type needs a name.'));
    expect(add('refutes', 'refuted by', 'red')).toThrow(new InvalidInput('$', '“red” is not a colour of the form #rrggbb.'));
    expect(add('Supports', 'backed by')).toThrow(new InvalidInput('$', 'There is already a relation type called “supports”.'));
    expect(add('backs', 'Supported by')).toThrow(new InvalidInput('$', '“Supported by” already reads the relation “supports” from its other end.'));
    expect(add('Refutes', 'refutes')).toThrow('differ only in case');
  });

  it('renames and recolours in place, keeping the id links use', () => {
    const renamed = renameRelationType(defaultRelationTypes, 'supports', { name: 'corroborates', inverse: 'corroborated by' });
    expect(renamed.find((t) => t.id === 'supports')).toMatchObject({ name: 'corroborates', inverse: 'corroborated by' });
    // Its own old phrases are free to take again.
    expect(renameRelationType(defaultRelationTypes, 'supports', { name: 'Supports', inverse: 'supported by' }).find((t) => t.id === 'supports')?.name).toBe(
      'Supports',
    );
    expect(() => renameRelationType(defaultRelationTypes, 'supports', { name: 'cites' })).toThrow('There is already a relation type called “cites”.');
    expect(recolorRelationType(defaultRelationTypes, 'cites', '#010203').find((t) => t.id === 'cites')?.color).toBe('#010203');
    expect(() => recolorRelationType(defaultRelationTypes, 'nothing', '#010203')).toThrow(new InvalidInput('$', 'There is no relation type “nothing”.'));
  });

  it('reorders one place at a time, staying put at either end', () => {
    const moved = moveRelationType(moveRelationType(defaultRelationTypes, 'cites', -1), 'supports', -1);
    expect(names(moved)).toEqual(['supports', 'contradicts', 'same event', 'elaborates', 'cites', 'responds to']);
    expect(moved.map((t) => t.order)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('counts the links using a relation and refuses to delete one in use, saying how many', () => {
    expect(relationTypeUsage('supports', links)).toBe(2);
    expect(() => deletableRelationType(defaultRelationTypes, 'supports', relationTypeUsage('supports', links))).toThrow(
      new InvalidInput('$', 'The relation “supports” is used by 2 links; change or delete them first.'),
    );
    expect(() => deletableRelationType(defaultRelationTypes, 'cites', relationTypeUsage('cites', links))).toThrow(
      new InvalidInput('$', 'The relation “cites” is used by one link; change or delete it first.'),
    );
    expect(deletableRelationType(defaultRelationTypes, 'same-event', relationTypeUsage('same-event', links)).name).toBe('same event');
    expect(() => deletableRelationType(defaultRelationTypes, 'nonesuch', 0)).toThrow('There is no relation type “nonesuch”.');
  });
});
