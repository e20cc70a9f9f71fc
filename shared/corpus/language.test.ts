import { describe, expect, it } from 'vitest';
import { importFile } from '../importers/import-file';
import { fixture } from '../importers/test-support/sources';
import { loadCorpus, seed, seedIds } from '../test-support/corpus';
import { detectLanguage, suggestLanguage } from './language';
import { extractMetadata } from './metadata';

const corpus = loadCorpus();

describe('the language a text reads as', () => {
  it('names Russian in either legacy encoding, Czech, and English prose past a journal’s masthead', async () => {
    for (const name of ['khrushchev-windows-1251.txt', 'khrushchev-koi8-r.txt'])
      expect(detectLanguage((await importFile(name, fixture(name))).blocks), name).toBe('Russian');
    expect(detectLanguage((await importFile('dvorak-windows-1250.txt', fixture('dvorak-windows-1250.txt'))).blocks)).toBe('Czech');
    expect(detectLanguage(seed(corpus, seedIds.article).blocks)).toBe('English');
  });

  it('says nothing of a text too short to tell', async () => {
    const short = await importFile('note.txt', new TextEncoder().encode('Khrushchev, Hoxha.\n\nTirana 1961.'));
    expect(detectLanguage(short.blocks)).toBeNull();
  });
});

describe('the original language suggested where none is stated', () => {
  it('suggests the text’s language for an untranslated document', async () => {
    const file = await importFile('khrushchev-koi8-r.txt', fixture('khrushchev-koi8-r.txt'));
    expect(suggestLanguage({ meta: extractMetadata(file.blocks), blocks: file.blocks })).toBe('Russian');
    expect(suggestLanguage(seed(corpus, seedIds.article))).toBe('English');
  });

  it('suggests nothing for a translation, a listing, or a document whose language is stated', () => {
    // The Czechoslovak memorandum is read in Vojtech Mastny's English translation.
    expect(suggestLanguage(seed(corpus, seedIds.czechMemo))).toBeNull();
    expect(suggestLanguage(seed(corpus, seedIds.listing))).toBeNull();
    expect(suggestLanguage(seed(corpus, seedIds.foBrief))).toBeNull();
  });
});
