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
  it('tells unchanged, moved, fuzzy and orphaned apart', () => {
    const list = [
      on('same', 'The Albanian leaders spoke.'),
      on('moved', 'The bloc listened and said nothing at all.'),
      on('typo', 'Khrushchev replied at length.'),
    ];
    const revised = 'The Albanian leaders spoke. Khrushchov replied at length, angrily. And then: The bloc listened and said nothing at all.';
    const results = reanchorAnnotations(list, { previous: text, text: revised }, 't1');
    expect(results.map((r) => r.status)).toEqual(['unchanged', 'moved', 'fuzzy']);
    expect(results[0]!.after!.position).toEqual(list[0]!.position);
    expect(results[0]!.after!.quote.suffix).toBe(revised.slice(27, 59));
    expect(revised.slice(results[1]!.after!.position.start, results[1]!.after!.position.end)).toBe('The bloc listened and said nothing at all.');
    expect(results[1]!.after!.modified).toBe('t1');
    expect(
      reanchorAnnotations([on('gone', 'Khrushchev replied at length.')], { previous: text, text: 'Nothing of it remains here at all.' }, 't1')[0],
    ).toMatchObject({ status: 'orphaned', after: null });
  });
});
