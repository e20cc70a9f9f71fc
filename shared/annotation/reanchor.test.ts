import { describe, expect, it } from 'vitest';
import type { Annotation } from './model';
import { reanchorAnnotations } from './reanchor';
import { describePassage } from '../anchoring/selectors';

const text = 'The Albanian leaders spoke. Khrushchev replied at length. The bloc listened and said nothing at all.';
const on = (id: string, exact: string): Annotation => {
  const at = text.indexOf(exact);
  const { quote, position } = describePassage(text, at, at + exact.length);
  return { id, documentId: 'd', quote, position, tags: [], actor: null, note: '', created: 't0', modified: 't0' };
};

describe('reanchorAnnotations', () => {
  it('tells unchanged, fuzzy and orphaned apart', () => {
    const list = [
      on('same', 'The Albanian leaders spoke.'),
      on('after', 'The bloc listened and said nothing at all.'),
      on('typo', 'Khrushchev replied at length.'),
    ];
    const revised = 'The Albanian leaders spoke. Khrushchov replied at length, angrily. And then: The bloc listened and said nothing at all.';
    const results = reanchorAnnotations(list, { previous: text, text: revised }, 't1');
    // The last sentence was only pushed along by the longer one before it.
    expect(results.map((r) => r.status)).toEqual(['unchanged', 'unchanged', 'fuzzy']);
    expect(results[0]!.after!.position).toEqual(list[0]!.position);
    expect(results[0]!.after!.quote.suffix).toBe(revised.slice(27, 59));
    expect(revised.slice(results[1]!.after!.position.start, results[1]!.after!.position.end)).toBe('The bloc listened and said nothing at all.');
    expect(results[1]!.after!.modified).toBe('t1');
    expect(
      reanchorAnnotations([on('gone', 'Khrushchev replied at length.')], { previous: text, text: 'Nothing of it remains here at all.' }, 't1')[0],
    ).toMatchObject({ status: 'orphaned', after: null });
  });

  const paragraphs = [
    'Tirana, 7 November 1961.',
    'The Albanian leaders spoke first, at length.',
    'Khrushchev replied that the party had been patient.',
    'The bloc listened and said nothing at all.',
    'The delegation left for Moscow the next morning.',
  ];
  const letter = paragraphs.join('\n\n');
  const at = (id: string, exact: string): Annotation => {
    const start = letter.indexOf(exact);
    const { quote, position } = describePassage(letter, start, start + exact.length);
    return { id, documentId: 'd', quote, position, tags: [], actor: null, note: '', created: 't0', modified: 't0' };
  };
  const marked = [at('leaders', 'Albanian leaders'), at('patient', 'had been patient'), at('nothing', 'said nothing'), at('moscow', 'left for Moscow')];

  it('calls the passages after an inserted paragraph unchanged, only placed further on', () => {
    const revised = [...paragraphs.slice(0, 2), 'A note in the margin: “see the minutes”.', ...paragraphs.slice(2)].join('\n\n');
    const results = reanchorAnnotations(marked, { previous: letter, text: revised }, 't1');
    expect(results.map((r) => r.status)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
    for (const r of results) expect(revised.slice(r.after!.position.start, r.after!.position.end)).toBe(r.before.quote.exact);
    expect(results[3]!.after!.position.start).toBeGreaterThan(marked[3]!.position.start);
  });

  it('calls a passage moved when its paragraph was moved past others', () => {
    const revised = [paragraphs[0], paragraphs[2], paragraphs[3], paragraphs[1], paragraphs[4]].join('\n\n');
    const results = reanchorAnnotations(marked, { previous: letter, text: revised }, 't1');
    expect(results.map((r) => [r.before.id, r.status])).toEqual([
      ['leaders', 'moved'],
      ['patient', 'unchanged'],
      ['nothing', 'unchanged'],
      ['moscow', 'unchanged'],
    ]);
  });
});
