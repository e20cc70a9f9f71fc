import { describe, expect, it } from 'vitest';
import { describeLink, linkPhrase, otherEnd } from './describe';
import { type Link, defaultRelationTypes } from './model';
import { InvalidInput } from '../errors';

const time = '2026-11-22T10:00:00.000Z';
const link = (relation: string): Link => ({ id: 'l1', from: 'memo', to: 'brief', relation, note: '', created: time, modified: time });

describe('describeLink', () => {
  it('reads a link by its name from its source and by its inverse from its target', () => {
    expect(describeLink(link('supports'), 'memo', defaultRelationTypes)).toBe('supports');
    expect(describeLink(link('supports'), 'brief', defaultRelationTypes)).toBe('supported by');
    expect(describeLink(link('responds-to'), 'brief', defaultRelationTypes)).toBe('answered by');
  });

  it('reads a symmetric relation the same from both ends', () => {
    expect(describeLink(link('contradicts'), 'memo', defaultRelationTypes)).toBe('contradicts');
    expect(describeLink(link('contradicts'), 'brief', defaultRelationTypes)).toBe('contradicts');
  });

  it('uses the researcher’s current wording of the relation', () => {
    const renamed = defaultRelationTypes.map((r) => (r.id === 'supports' ? { ...r, name: 'corroborates', inverse: 'corroborated by' } : r));
    expect(describeLink(link('supports'), 'brief', renamed)).toBe('corroborated by');
  });

  it('refuses a viewpoint that is not an end of the link, or a relation that does not exist', () => {
    expect(() => describeLink(link('supports'), 'report', defaultRelationTypes)).toThrow(
      new RangeError('The link “l1” does not involve the annotation “report”.'),
    );
    expect(() => describeLink(link('refutes'), 'memo', defaultRelationTypes)).toThrow(new InvalidInput('$', 'There is no relation type “refutes”.'));
  });
});

describe('otherEnd', () => {
  it('gives the end across the link', () => {
    expect(otherEnd(link('supports'), 'memo')).toBe('brief');
    expect(otherEnd(link('supports'), 'brief')).toBe('memo');
    expect(() => otherEnd(link('supports'), 'report')).toThrow(RangeError);
  });
});

describe('linkPhrase', () => {
  it('reads as describeLink does, and as the stored relation once its type is gone', () => {
    expect(linkPhrase(link('supports'), 'brief', defaultRelationTypes)).toBe('supported by');
    expect(
      linkPhrase(
        link('supports'),
        'brief',
        defaultRelationTypes.filter((r) => r.id !== 'supports'),
      ),
    ).toBe('supports');
  });
});
