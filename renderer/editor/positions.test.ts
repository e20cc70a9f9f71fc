import { describe, expect, it } from 'vitest';
import { AnchorText, anchorPassage } from '../../shared/anchoring/anchor';
import { describePassage } from '../../shared/anchoring/selectors';
import { loadCorpus } from '../../shared/test-support/corpus';
import { passagesOf } from '../../shared/test-support/passages';
import { buildDoc } from './build-doc';
import { PositionMap, trimmedRange } from './positions';

const corpus = loadCorpus();

describe('the reader and the canonical text agree', () => {
  for (const document of corpus.values()) {
    const doc = buildDoc(document.blocks);
    const map = new PositionMap(doc, document.text);
    // Prepared once for the thousand passages below, as the app prepares a
    // document's text once for all its annotations: a plain string is
    // folded and indexed anew on every call (7 s instead of 0.2 s here).
    const target = new AnchorText(document.text.text);

    it(`${document.id}: the reader shows exactly the canonical text`, () => {
      expect(doc.textBetween(0, doc.content.size, '\n\n')).toBe(document.text.text);
    });

    it(`${document.id}: every selection becomes selectors that resolve back to the selected text`, () => {
      const passages = passagesOf(document);
      expect(passages.length).toBeGreaterThan(30);
      for (const passage of passages) {
        // A selection in the reader, as ProseMirror positions.
        const from = map.toPm(passage.start, 1);
        const to = map.toPm(passage.end, -1);
        const selected = doc.textBetween(from, to, '\n\n');
        // What the app stores for it.
        const start = map.fromPm(from, 1);
        const end = map.fromPm(to, -1);
        const { quote, position } = describePassage(document.text.text, start, end);
        expect(quote.exact, passage.why).toBe(selected);
        // Resolved back, by position and by quote alone.
        const byPosition = anchorPassage(target, quote, position);
        expect(byPosition, passage.why).toEqual({ start, end, method: 'position' });
        const byQuote = anchorPassage(target, quote);
        expect(byQuote && document.text.text.slice(byQuote.start, byQuote.end), passage.why).toBe(selected);
        // And shown again in the reader as the same text.
        expect(doc.textBetween(map.toPm(byPosition!.start, 1), map.toPm(byPosition!.end, -1), '\n\n')).toBe(selected);
      }
    });
  }

  it('covers hundreds of passages across the corpus, including the hard cases', () => {
    const all = [...corpus.values()].flatMap((d) => passagesOf(d).map((p) => ({ ...p, text: d.text.text.slice(p.start, p.end) })));
    expect(all.length).toBeGreaterThan(1000);
    expect(all.some((p) => p.why === 'footnote marker')).toBe(true);
    expect(all.some((p) => p.why === 'paragraph break' && p.text.includes('\n\n'))).toBe(true);
    for (const needle of ['ë', 'ř', 'ç', 'П', '’', '☐'])
      expect(
        all.some((p) => p.text.includes(needle)),
        needle,
      ).toBe(true);
  });
});

describe('PositionMap', () => {
  const document = corpus.get('edemskiy-final-break-moscow-tirana-balcanica-2019')!;
  const doc = buildDoc(document.blocks);
  const map = new PositionMap(doc, document.text);

  it('snaps a position between blocks to the block edge the bias names', () => {
    const { starts, ends } = document.text;
    const between = map.toPm(ends[0]!, -1) + 1; // the boundary between block 0 and 1
    expect(map.fromPm(between, 1)).toBe(starts[1]);
    expect(map.fromPm(between, -1)).toBe(ends[0]);
  });

  it('maps a footnote marker to its superscript text', () => {
    const at = document.text.text.indexOf('since its inception.I');
    const marker = at + 'since its inception.'.length;
    const from = map.toPm(marker);
    const node = doc.resolve(from + 1).parent.childAfter(doc.resolve(from + 1).parentOffset - 1).node;
    expect(node?.text).toBe('I');
    expect(node?.marks.map((m) => m.type.name)).toContain('sup');
  });
});

describe('trimmedRange', () => {
  it('leaves out white space a drag took along', () => {
    expect(trimmedRange('  a word \n\n', 0, 11)).toEqual({ start: 2, end: 8 });
  });
  it('finds nothing to annotate in a selection of only spaces and line breaks', () => {
    expect(trimmedRange('a \n\n b', 1, 5)).toBeNull();
  });
});
