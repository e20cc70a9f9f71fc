import { describe, expect, it } from 'vitest';
import { type Link, defaultRelationTypes } from './model';
import { validateLink } from './validate';
import { InvalidInput } from '../errors';

const time = '2026-11-22T10:00:00.000Z';
const existing: Link[] = [
  { id: 'l1', from: 'memo', to: 'brief', relation: 'supports', note: '', created: time, modified: time },
  { id: 'l2', from: 'report', to: 'brief', relation: 'contradicts', note: '', created: time, modified: time },
];
const check = (candidate: Parameters<typeof validateLink>[0]) => () => validateLink(candidate, existing, defaultRelationTypes);

describe('validateLink', () => {
  it('accepts a new statement, another relation between the same passages, and the reverse of an asymmetric one', () => {
    expect(check({ from: 'memo', to: 'report', relation: 'supports' })).not.toThrow();
    expect(check({ from: 'memo', to: 'brief', relation: 'elaborates' })).not.toThrow();
    expect(check({ from: 'brief', to: 'memo', relation: 'supports' })).not.toThrow();
  });

  it('refuses a link from a passage to itself with a sentence', () => {
    expect(check({ from: 'memo', to: 'memo', relation: 'supports' })).toThrow(
      new InvalidInput('$', 'A passage cannot be linked to itself: choose another passage for the other end.'),
    );
  });

  it('refuses a relation that does not exist', () => {
    expect(check({ from: 'memo', to: 'report', relation: 'refutes' })).toThrow(new InvalidInput('$', 'There is no relation type “refutes”.'));
  });

  it('refuses a link that says again what one already says, a symmetric one read backwards included', () => {
    expect(check({ from: 'memo', to: 'brief', relation: 'supports' })).toThrow(new InvalidInput('$', 'These two passages are already linked by “supports”.'));
    expect(check({ from: 'brief', to: 'report', relation: 'contradicts' })).toThrow(
      new InvalidInput('$', 'These two passages are already linked by “contradicts”.'),
    );
  });

  it('lets a link be changed without counting it as its own duplicate', () => {
    expect(check({ id: 'l1', from: 'memo', to: 'brief', relation: 'supports' })).not.toThrow();
    expect(check({ id: 'l1', from: 'report', to: 'brief', relation: 'contradicts' })).toThrow('already linked');
  });
});
