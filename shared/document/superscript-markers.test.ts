import { describe, expect, it } from 'vitest';
import { AnchorText, anchorPassage } from '../anchoring/anchor';
import { describePassage } from '../anchoring/selectors';
import { loadCorpus, seed, seedIds } from '../test-support/corpus';
import { quoteWithSuperscripts, textBeforeSuperscripts } from './superscript-markers';

const article = seed(loadCorpus(), seedIds.article);
const after = article.text.text;
const before = textBeforeSuperscripts(article.blocks);

describe('quotes made before footnote markers were superscript', () => {
  it('reads the old text with bare digits, the same length as the new one', () => {
    expect(before).toContain('these events.2 Regrettably');
    expect(before.length).toBe(after.length);
  });

  it('rewrites a quote across a marker, and its context, to the superscript digit', () => {
    const start = before.indexOf('these events.2 Regrettably');
    const old = describePassage(before, start, start + 'these events.2 Regrettably'.length);
    const quote = quoteWithSuperscripts(old.quote, old.position, before, after);
    expect(quote.exact).toBe('these events.² Regrettably');
    expect(quote).toEqual(describePassage(after, old.position.start, old.position.end).quote);
    // Only the context holds a marker: the prefix is rewritten, the exact kept.
    const next = before.indexOf('Regrettably');
    const near = describePassage(before, next, next + 'Regrettably'.length);
    const moved = quoteWithSuperscripts(near.quote, near.position, before, after);
    expect(moved.exact).toBe('Regrettably');
    expect(moved.prefix.endsWith('events.² ')).toBe(true);
  });

  it('leaves a quote alone that holds no marker, or that the old text did not hold at its place', () => {
    const start = before.indexOf('Regrettably');
    const plain = describePassage(before, start + 20, start + 40);
    const far = { ...plain, quote: { ...plain.quote, prefix: 'x', suffix: 'y' } };
    expect(quoteWithSuperscripts(far.quote, far.position, before, after)).toBe(far.quote);
    const stale = { ...plain.quote, exact: 'words from a revision' };
    expect(quoteWithSuperscripts(stale, plain.position, before, after)).toBe(stale);
  });

  it('still places a quote of a file exported before, bare digit and all, on the passage', () => {
    const start = before.indexOf('these events.2 Regrettably');
    const old = describePassage(before, start, start + 'these events.2 Regrettably'.length);
    const anchor = anchorPassage(new AnchorText(after), old.quote, old.position);
    expect(anchor && after.slice(anchor.start, anchor.end)).toBe('these events.² Regrettably');
  });
});
