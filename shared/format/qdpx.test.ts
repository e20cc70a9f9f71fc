import { describe, expect, it } from 'vitest';
import { describePassage } from '../anchoring/selectors';
import { type Annotation, defaultTagTypes } from '../annotation/model';
import { loadCorpus, seed, seedIds } from '../test-support/corpus';
import { buildQdpx, codePointOffset, guidOf, qdaNamespace, readQdpx } from './qdpx';

const corpus = loadCorpus();
const report = seed(corpus, seedIds.albanianReport);

function annotation(id: string, exact: string, extra: Partial<Annotation> = {}): Annotation {
  const start = report.text.text.indexOf(exact);
  const { quote, position } = describePassage(report.text.text, start, start + exact.length);
  return { id, documentId: report.id, quote, position, tags: ['claim'], actor: null, note: '', created: '2026-11-22T10:00:00.000Z', modified: '2026-11-22T10:00:00.000Z', ...extra };
}

describe('REFI-QDA export', () => {
  const exported = new Date('2026-11-22T12:00:00.000Z');
  const annotations = [
    annotation('a1', 'Kim Il Sung said to Siri Çarçani', { tags: ['actor'], actor: 'Kim Il Sung', note: 'Speaker & <source>' }),
    annotation('a2', 'The removal of N. Khrushchev proved this conclusively.'),
  ];
  const files = readQdpx(buildQdpx({ annotations, tagTypes: defaultTagTypes, documents: corpus, exported }));
  const qde = files['project.qde']!;

  it('zips project.qde in the REFI-QDA namespace with the plain text of each source', () => {
    expect(Object.keys(files).sort()).toEqual(['project.qde', `sources/${guidOf('document', report.id)}.txt`]);
    expect(qde).toContain(`<Project xmlns="${qdaNamespace}"`);
    expect(files[`sources/${guidOf('document', report.id)}.txt`]).toBe(report.text.text);
  });

  it('makes tag types codes and actors codes under them, coded on each selection', () => {
    expect(qde).toMatch(new RegExp(`<Code guid="${guidOf('tag', 'actor')}" name="Actor" isCodable="true" color="#3B7DD8">\\s*<Code guid="${guidOf('actor', 'actor/Kim Il Sung')}" name="Kim Il Sung"`));
    expect(qde).toContain(`<CodeRef targetGUID="${guidOf('actor', 'actor/Kim Il Sung')}"/>`);
    expect(qde).toContain(`<CodeRef targetGUID="${guidOf('tag', 'claim')}"/>`);
    expect(qde).toContain('<Description>Speaker &amp; &lt;source&gt;</Description>');
  });

  it('gives selections start and end positions into the exported plain text', () => {
    const match = /<PlainTextSelection [^>]*name="Kim Il Sung said to Siri Çarçani" startPosition="(\d+)" endPosition="(\d+)"/.exec(qde);
    expect(match).not.toBeNull();
    const text = files[`sources/${guidOf('document', report.id)}.txt`]!;
    const chars = [...text];
    expect(chars.slice(Number(match![1]), Number(match![2])).join('')).toBe('Kim Il Sung said to Siri Çarçani');
  });

  it('is the same file for the same export', () => {
    expect(buildQdpx({ annotations, tagTypes: defaultTagTypes, documents: corpus, exported })).toEqual(buildQdpx({ annotations, tagTypes: defaultTagTypes, documents: corpus, exported }));
  });

  it('counts positions in characters, not UTF-16 units', () => {
    expect(codePointOffset('a🙂b', 3)).toBe(2);
    expect(guidOf('tag', 'claim')).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
  });
});
