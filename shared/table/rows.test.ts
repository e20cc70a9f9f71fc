import { describe, expect, it } from 'vitest';
import { seedIds } from '../test-support/corpus';
import { row } from './test-support/sample';

describe('buildRows', () => {
  it('shows a resolved actor by its canonical name, keeping the name as tagged', () => {
    expect(row('deposing')).toMatchObject({ actor: 'Nikita Khrushchev', actorId: 'khrushchev', taggedActor: 'N. Khrushchev' });
    expect(row('dvorak')).toMatchObject({ actor: 'Richard Dvořàk', actorId: null, taggedActor: 'Richard Dvořàk' });
    expect(row('grain')).toMatchObject({ actor: null, actorId: null, taggedActor: null });
  });

  it('carries the document’s title and date, and the quote and note', () => {
    expect(row('acupuncture')).toMatchObject({
      documentId: seedIds.foBrief,
      documentTitle: expect.stringMatching(/^Visit of the Italian Prime Minister/),
      documentDate: { start: { year: 1962, month: 1, day: 19 } },
      quote: 'The "acupuncture" has in fact failed to work.',
      note: 'Soviet pressure on Tirana failed.',
      tags: ['claim'],
    });
  });

  it('counts links either way, a link to itself once, with their relation types', () => {
    expect(row('motive')).toMatchObject({ linkCount: 2, relations: ['supports', 'contradicts'] });
    expect(row('acupuncture')).toMatchObject({ linkCount: 1, relations: ['supports'] });
    expect(row('grain')).toMatchObject({ linkCount: 1, relations: ['same-event'] });
    expect(row('choe')).toMatchObject({ linkCount: 0, relations: [] });
  });

  it('lists the sets each annotation is in, once each', () => {
    expect(row('motive').setIds).toEqual(['chapter-3']);
    expect(row('grain').setIds).toEqual(['economy']);
    expect(row('mehilli').setIds).toEqual([]);
  });

  it('names who made and last changed an annotation of a shared project, and no one otherwise', () => {
    expect(row('motive')).toMatchObject({ author: 'Ana Petrova', authorId: 'machine-ana', changedBy: 'Ben Okafor' });
    expect(row('grain')).toMatchObject({ author: null, authorId: null, changedBy: null });
  });

  it('titles an annotation whose document is gone by its document id, undated', () => {
    expect(row('orphan')).toMatchObject({ documentTitle: 'a-deleted-document', documentDate: null });
  });
});
