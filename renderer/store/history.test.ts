import { describe, expect, it } from 'vitest';
import { linkOf, standIn } from '../../shared/test-support/links';
import type { LinkRow } from './db';
import { History, type Step } from './history';

const claim = standIn('claim', 'fo-brief');
const finding = standIn('finding', 'cz-memo');
const link: LinkRow = { ...linkOf('contradicts', 'claim', 'finding', 'contradicts'), fromDocument: 'fo-brief', toDocument: 'cz-memo' };

const edit = (id: string): Step => {
  const annotation = id === 'claim' ? claim : finding;
  return { label: `Edit ${id}`, redo: [{ type: 'put', annotation: { ...annotation, note: 'after' } }], undo: [{ type: 'put', annotation }] };
};
const linking: Step = { label: 'Link passages', redo: [{ type: 'put-link', link }], undo: [{ type: 'delete-link', id: link.id }] };
const unlinking: Step = { label: 'Delete link', redo: [{ type: 'delete-link', id: link.id }], undo: [{ type: 'put-link', link }] };

const labels = (history: History) => {
  const undone: string[] = [];
  for (let step = history.undo(); step; step = history.undo()) undone.push(step.label);
  return undone;
};

describe('the undo history after a colleague’s change arrives', () => {
  it('drops the steps on the annotation they changed, undone ones too, and keeps the rest in order', () => {
    const history = new History();
    history.record(edit('claim'));
    history.record(edit('finding'));
    history.record(edit('claim'));
    history.undo();
    history.forget({ annotations: new Set(['claim']) });
    expect(history.canRedo).toBe(false);
    expect(labels(history)).toEqual(['Edit finding']);
  });

  it('drops putting back a link whose end a colleague deleted, which would point at nothing', () => {
    const history = new History();
    history.record(linking);
    history.record(unlinking);
    history.forget({ annotations: new Set(['finding']) });
    expect(history.canUndo).toBe(false);
  });

  it('clears everything when a colleague changes a tag type, as deleting one here does', () => {
    const history = new History();
    history.record(edit('claim'));
    history.forget({ tagTypes: new Set(['claim']) });
    expect(history.canUndo).toBe(false);
  });

  it('drops an actor merge when a colleague changed one of the two actors, whose undo would put back the old one over it', () => {
    const history = new History();
    const actor = (id: string) => ({ id, name: id, aliases: [], created: claim.created, modified: claim.modified });
    history.record(edit('claim'));
    history.record({
      label: 'Merge actors',
      redo: [{ type: 'put-actors', put: [actor('hoxha')], delete: ['enver'] }],
      undo: [{ type: 'put-actors', put: [actor('hoxha'), actor('enver')], delete: [] }],
    });
    history.forget({ actors: new Set(['enver']) });
    expect(labels(history)).toEqual(['Edit claim']);
  });

  it('keeps every step when what arrived touches none of them', () => {
    const history = new History();
    history.record(edit('claim'));
    history.record(linking);
    history.forget({ annotations: new Set(['elsewhere']), links: new Set(['other-link']), sets: new Set(['a-set']) });
    expect(labels(history)).toEqual(['Link passages', 'Edit claim']);
  });
});
