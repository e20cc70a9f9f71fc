import { describe, expect, it } from 'vitest';
import type { Annotation } from '../annotation/model';
import { loadCorpus, seed, seedIds } from '../test-support/corpus';
import { anchorAll } from './anchor-all';
import { explainedByCopy } from './old-copies';
import { reanchorAnnotations } from '../annotation/reanchor';
import { describePassage } from './selectors';

// The British brief states its own title twice: as its heading and again in
// its citation. A transcriber who drops the citation block deletes one copy.
const brief = seed(loadCorpus(), seedIds.foBrief);
const text = brief.text.text;
const title = 'Sino-Soviet Relations and Albania: East-West Relations Generally';
const inHeading = text.indexOf(title);
const inCitation = text.indexOf(title, inHeading + 1);
const citationBlock = brief.text.blockAt(inCitation);
const withoutCitation = text.slice(0, brief.text.starts[citationBlock]!) + text.slice(brief.text.starts[citationBlock + 1]!);

const on = (id: string, at: number, length: number): Annotation => ({
  id,
  documentId: brief.id,
  ...describePassage(text, at, at + length),
  tags: [],
  actor: null,
  note: '',
  created: 't0',
  modified: 't0',
});

describe('a revision that deletes one copy of a repeated passage', () => {
  it('has two copies of the title in the seed to begin with', () => {
    expect(inHeading).toBeGreaterThanOrEqual(0);
    expect(inCitation).toBeGreaterThan(inHeading);
    expect(withoutCitation.split(title)).toHaveLength(2);
  });

  it('orphans the title marked in the deleted citation, where without the old text it lands on the heading', () => {
    const marked = on('cited-title', inCitation, title.length);
    const blind = anchorAll(withoutCitation, [marked])[0];
    expect(blind && withoutCitation.slice(blind.start, blind.end)).toBe(title);
    const [result] = reanchorAnnotations([marked], { previous: text, text: withoutCitation }, 't1');
    expect(result).toMatchObject({ status: 'orphaned', after: null });
  });

  it('keeps the title marked in the heading where it is', () => {
    const [result] = reanchorAnnotations([on('heading-title', inHeading, title.length)], { previous: text, text: withoutCitation }, 't1');
    expect(result!.status).toBe('unchanged');
  });

  it('still finds a passage moved elsewhere, whose words the old text held only once', () => {
    // A long paragraph after the citation; the passage is in its middle.
    let block = citationBlock + 1;
    while (brief.text.ends[block]! - brief.text.starts[block]! < 300) block++;
    const from = brief.text.starts[block]!;
    const to = brief.text.ends[block]!;
    const moved = on('moved', from + 100, 60);
    const exact = moved.quote.exact;
    expect(text.split(exact)).toHaveLength(2);
    // The paragraph moves to the end of the document.
    const revised = `${text.slice(0, from)}${text.slice(to + 2)}\n\n${text.slice(from, to)}`;
    const [result] = reanchorAnnotations([moved], { previous: text, text: revised }, 't1');
    expect(result!.status).toBe('moved');
    expect(revised.slice(result!.after!.position.start, result!.after!.position.end)).toBe(exact);
  });
});

describe('explainedByCopy', () => {
  it('needs the same words around the copy in both texts', () => {
    const copy = 'Ministry of Foreign Affairs, Prague. Cited: the line in question, as the file gives it.';
    const previous = `${copy} Folio 1. ${copy} Folio 2.`;
    // The second copy is deleted; the first stands where it was.
    const next = `${copy} Folio 1. Folio 2.`;
    const own = previous.lastIndexOf('the line');
    const expected = next.indexOf('Folio 2.') - 1;
    expect(explainedByCopy(previous, next, 'the line', own, next.indexOf('the line'), expected)).toBe(true);
    // The same words, but what surrounds them changed on both sides: not the old copy.
    const changed = next.replace('Cited: the line in question', 'Novotny quoted the line we discussed');
    expect(explainedByCopy(previous, changed, 'the line', own, changed.indexOf('the line'), changed.indexOf('Folio 2.') - 1)).toBe(false);
  });

  it('refuses an empty quote with a sentence', () => {
    expect(() => explainedByCopy('a', 'a', '', 0, 0, 0)).toThrow(/at least one character/);
  });
});
