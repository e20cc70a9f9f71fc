import search from 'approx-string-match';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCorpus, seed, seedIds } from '../test-support/corpus';
import { AnchorText, anchorPassage, anchorStatus, maxQuoteLength, quoteTooLong } from './anchor';
import { normalizeForMatching, normalizeSnippet } from '../text/typography';
import { describePassage } from './selectors';
import { similarity } from './similarity';

const corpus = loadCorpus();
const texts = [...corpus.values()].map((d) => d.text.text);
const brief = seed(corpus, seedIds.foBrief).text.text;
const report = seed(corpus, seedIds.albanianReport).text.text;

/// A random passage of a random seed: [text, start, end].
const passage = fc
  .integer({ min: 0, max: texts.length - 1 })
  .chain((i) => {
    const text = texts[i]!;
    return fc.tuple(fc.constant(text), fc.integer({ min: 0, max: text.length - 2 }), fc.integer({ min: 1, max: 300 }));
  })
  .map(([text, start, length]) => ({ text, start, end: Math.min(text.length, start + length) }))
  .filter(({ text, start, end }) => text.slice(start, end).trim().length > 0);

describe('anchoring an unchanged document', () => {
  it('finds every passage exactly where it was', () => {
    fc.assert(
      fc.property(passage, ({ text, start, end }) => {
        const { quote, position } = describePassage(text, start, end);
        expect(anchorPassage(text, quote, position)).toEqual({ start, end, method: 'position' });
      }),
      { numRuns: 500 },
    );
  });
});

describe('anchoring after edits elsewhere', () => {
  it('finds the passage at its shifted offsets when text outside the quote and its context changes', () => {
    fc.assert(
      fc.property(
        passage.filter(({ end, start }) => end - start >= 8),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.string({ minLength: 1, maxLength: 400 }),
        fc.integer({ min: 0, max: 400 }),
        ({ text, start, end }, where, inserted, deleted) => {
          const { quote, position } = describePassage(text, start, end);
          // An edit before the prefix or after the suffix.
          const before = start - 32 > 0 && where < 0.5;
          const editAt = before
            ? Math.floor((start - 32) * where * 2)
            : Math.min(text.length, end + 32 + Math.floor((text.length - end - 32) * (where - 0.5) * 2));
          if (!before && end + 32 > text.length) return;
          const cut = Math.min(deleted, before ? start - 32 - editAt : text.length - editAt);
          const edited = text.slice(0, editAt) + inserted + text.slice(editAt + cut);
          const shift = before ? inserted.length - cut : 0;
          // The quote must not now also occur inside the inserted text with the same context.
          const anchor = anchorPassage(edited, quote, position);
          expect(anchor && { start: anchor.start, end: anchor.end }).toEqual({ start: start + shift, end: end + shift });
          expect(anchorStatus(anchor)).toBe('exact');
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('anchoring a deleted passage', () => {
  const unique = passage.filter(({ text, start, end }) => {
    const exact = text.slice(start, end);
    return exact.trim().length >= 12 && text.indexOf(exact) === text.lastIndexOf(exact);
  });

  it('comes back orphaned when no near-copy of it remains', () => {
    let orphans = 0;
    fc.assert(
      fc.property(unique, ({ text, start, end }) => {
        const { quote, position } = describePassage(text, start, end);
        const edited = text.slice(0, start) + text.slice(end);
        const folded = normalizeSnippet(quote.exact);
        // A near-copy elsewhere (the brief repeats its own title) is a
        // judgement call, tested below; here there is none.
        if (search(normalizeForMatching(edited).text, folded, Math.floor(folded.length * 0.2)).length > 0) return;
        expect(anchorPassage(edited, quote, position)).toBeNull();
        orphans++;
      }),
      { numRuns: 300 },
    );
    expect(orphans).toBeGreaterThan(100);
  });

  it('is never placed on other words: whatever is found is a near-copy of the quote', () => {
    fc.assert(
      fc.property(unique, ({ text, start, end }) => {
        const { quote, position } = describePassage(text, start, end);
        const edited = text.slice(0, start) + text.slice(end);
        const anchor = anchorPassage(edited, quote, position);
        if (anchor) expect(similarity(normalizeSnippet(edited.slice(anchor.start, anchor.end)), normalizeSnippet(quote.exact))).toBeGreaterThanOrEqual(0.75);
      }),
      { numRuns: Number(process.env.RUNS ?? 300) },
    );
  });
});

describe('anchoring a passage rewritten in place', () => {
  it('is not stretched over new words just because its context still frames them', () => {
    const rewritten = fc.tuple(
      passage.filter(({ text, start, end }) => end - start >= 12 && start >= 32 && end + 32 <= text.length),
      fc.string({ unit: fc.constantFrom('x', 'y', 'z', ' '), minLength: 1, maxLength: 200 }),
    );
    fc.assert(
      fc.property(rewritten, ([{ text, start, end }, words]) => {
        const { quote, position } = describePassage(text, start, end);
        const edited = text.slice(0, start) + words + text.slice(end);
        const anchor = anchorPassage(edited, quote, position);
        if (anchor) expect(similarity(normalizeSnippet(edited.slice(anchor.start, anchor.end)), normalizeSnippet(quote.exact))).toBeGreaterThanOrEqual(0.75);
      }),
      { numRuns: 300 },
    );
  });
});

describe('anchoring across a revised transcription', () => {
  const describeIn = (text: string, exact: string) => {
    const start = text.indexOf(exact);
    if (start < 0) throw new Error(`"${exact}" is not in the text`);
    return describePassage(text, start, start + exact.length);
  };
  const found = (text: string, anchor: ReturnType<typeof anchorPassage>) => anchor && text.slice(anchor.start, anchor.end);

  it('survives re-wrapped lines and double spaces', () => {
    const exact = 'formation bits in the news about our country during the 1966 have been very few';
    const { quote, position } = describeIn(report, exact);
    const revised = report.replace('formation bits in the news about our country', 'formation bits in the news\nabout  our country');
    const anchor = anchorPassage(revised, quote, position);
    expect(anchorStatus(anchor)).toBe('fuzzy');
    expect(found(revised, anchor)).toBe('formation bits in the news\nabout  our country during the 1966 have been very few');
  });

  it('survives curly quotes made straight, dashes changed, soft hyphens added', () => {
    const exact = 'The West has been waiting to exploit the differences within our camp';
    const memo = seed(corpus, seedIds.czechMemo).text.text;
    const { quote, position } = describeIn(memo, exact);
    const revised = memo.replace(/’/g, "'").replace('waiting to exploit', 'wait\u00ADing to ex\u00ADploit').replace(/–/g, '-');
    const anchor = anchorPassage(revised, quote, position);
    expect(found(revised, anchor)).toBe('The West has been wait\u00ADing to ex\u00ADploit the differences within our camp');
  });

  it('survives the removal of OCR boxes', () => {
    const exact = '☐☐☐ st of all, this is apparent in the order of the publishing';
    const { quote, position } = describeIn(report, exact);
    const revised = report.replace('☐☐☐ st of all', 'First of all');
    const anchor = anchorPassage(revised, quote, position);
    expect(found(revised, anchor)).toMatch(/st of all, this is apparent in the order of the publishing$/);
    expect(anchorStatus(anchor)).toBe('fuzzy');
  });

  it('finds a selection of nothing but OCR boxes by its verbatim text, and drops it once the boxes are gone', () => {
    const at = report.indexOf('☐☐☐');
    const { quote, position } = describePassage(report, at, at + 3);
    const moved = 'A new first line.\n\n' + report;
    expect(anchorPassage(moved, quote, position)).toEqual({ start: at + 19, end: at + 22, method: 'quote' });
    expect(anchorPassage(report.replaceAll('☐', ''), quote, position)).toBeNull();
  });

  it('survives a corrected typo inside the quote', () => {
    const exact = "Unpredictable through Khrushchev's behaviour often is, it seems unlikely at the moment";
    const { quote, position } = describeIn(brief, exact);
    const revised = brief.replace('Unpredictable through', 'Unpredictable though');
    const anchor = anchorPassage(revised, quote, position);
    expect(found(revised, anchor)).toBe("Unpredictable though Khrushchev's behaviour often is, it seems unlikely at the moment");
    expect(anchor?.method).toBe('fuzzy');
  });

  it('does not move a short quote to another occurrence with different context', () => {
    const at = brief.indexOf('Khrushchev');
    const { quote, position } = describePassage(brief, at, at + 'Khrushchev'.length);
    // That sentence is gone in the revision; other "Khrushchev"s remain.
    const sentenceEnd = brief.indexOf('.', at);
    const revised = brief.slice(0, at - 40) + brief.slice(sentenceEnd + 1);
    expect(revised).toContain('Khrushchev');
    expect(anchorPassage(revised, quote, position)).toBeNull();
  });
});

describe('hostile selectors', () => {
  it('an empty quote anchors nowhere', () => {
    expect(anchorPassage(brief, { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' })).toBeNull();
  });

  it('out-of-range and reversed positions fall back to the quote', () => {
    const at = brief.indexOf('apple of discord');
    const { quote } = describePassage(brief, at, at + 16);
    for (const [start, end] of [
      [-5, 11],
      [at + 16, at],
      [brief.length + 10, brief.length + 26],
      [Number.NaN, 4],
    ]) {
      expect(anchorPassage(brief, quote, { type: 'TextPositionSelector', start: start!, end: end! })).toEqual({ start: at, end: at + 16, method: 'quote' });
    }
  });

  it('a quote repeated 1,000 times is placed by its context, quickly, and not on a far copy', () => {
    const unit = 'The Albanian leader spoke. ';
    const text = `${unit.repeat(500)}Hoxha replied: SECRET. ${unit.repeat(500)}`;
    const start = text.indexOf('The Albanian leader spoke.', text.indexOf('SECRET'));
    const { quote } = describePassage(text, start, start + 'The Albanian leader spoke.'.length);
    const began = performance.now();
    // Its position shifted by an edit: found by its context among the copies.
    expect(anchorPassage(new AnchorText(text), quote, { type: 'TextPositionSelector', start: start + 40, end: start + 66 })?.start).toBe(start);
    // Without a position: the one copy with its context.
    expect(anchorPassage(new AnchorText(text), quote)?.start).toBe(start);
    // Gone, with the copies around it: no copy far away is taken for it.
    const gone = `${'Other words entirely. '.repeat(1500)}${unit.repeat(499)}`;
    expect(anchorPassage(new AnchorText(gone), quote, { type: 'TextPositionSelector', start, end: start + 26 })).toBeNull();
    expect(performance.now() - began).toBeLessThan(2000);
  });

  it('emoji, combining marks and CRLF keep their offsets', () => {
    const text = 'Intro 🙂 line\r\nMe\u0308hilli wrote: “e\u0301tude” ✓ end';
    const exact = 'Me\u0308hilli wrote: “e\u0301tude”';
    const start = text.indexOf(exact);
    const { quote, position } = describePassage(text, start, start + exact.length);
    expect(anchorPassage(text, quote, position)).toEqual({ start, end: start + exact.length, method: 'position' });
    const shifted = `🙂🙂${text}`;
    expect(anchorPassage(shifted, quote, position)).toEqual({ start: start + 4, end: start + 4 + exact.length, method: 'quote' });
  });
});

describe('quotes too long to search for', () => {
  const briefText = seed(loadCorpus(), seedIds.foBrief).text.text;

  it('refuses at once a 20 MB quote, longer than the document, and says why', () => {
    const quote = { type: 'TextQuoteSelector' as const, exact: 'Albania '.repeat(2_500_000), prefix: '', suffix: '' };
    const started = Date.now();
    expect(anchorPassage(briefText, quote)).toBeNull();
    expect(anchorPassage(briefText, quote, { type: 'TextPositionSelector', start: 0, end: quote.exact.length })).toBeNull();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(quoteTooLong(quote.exact, briefText.length)).toBe(
      `the quoted text is 20,000,000 characters long; a passage may quote at most ${maxQuoteLength.toLocaleString('en-GB')}`,
    );
    expect(quoteTooLong(briefText + 'x', briefText.length)).toMatch(/^the quoted text \([\d,]+ characters\) is longer than the whole document \([\d,]+\)$/);
  });

  it('still finds a long quote where its stored position holds it verbatim, and a quote of the whole text', () => {
    const whole = { type: 'TextQuoteSelector' as const, exact: briefText, prefix: '', suffix: '' };
    expect(anchorPassage(briefText, whole, { type: 'TextPositionSelector', start: 0, end: briefText.length })).toEqual({
      start: 0,
      end: briefText.length,
      method: 'position',
    });
    expect(quoteTooLong('Albania', briefText.length)).toBeNull();
  });
});
