import { describe, expect, it } from 'vitest';
import { encodeLegacy } from '../../../../shared/importers/test-support/encode';
import type { DocumentFileResult } from '../../../work/import-protocol';
import { describeImported, encodingChoices, importSummary, mergeResults, resultsShown } from './import-results';

const stored = (fileName: string): DocumentFileResult => ({
  fileName,
  ok: true,
  documentId: fileName,
  title: fileName,
  format: 'pdf',
  pages: 3,
  encoding: null,
  warnings: [],
});

describe('the results of a document import', () => {
  it('describe each file as the researcher needs to check it', () => {
    expect(describeImported({ ...stored('brief.pdf') } as Extract<DocumentFileResult, { ok: true }>)).toBe('PDF · 3 pages');
    expect(
      describeImported({ ...stored('x.txt'), format: 'plain', pages: 0, encoding: { name: 'windows-1251', detected: true } } as Extract<
        DocumentFileResult,
        { ok: true }
      >),
    ).toBe('Plain text · windows-1251, detected');
  });

  it('keep the order the files were picked in, with those never read among them', () => {
    const picked = [
      { name: 'a.pdf', bytes: new ArrayBuffer(1) },
      { name: 'huge.pdf', problem: 'huge.pdf is too large to import.' },
      { name: 'b.pdf', bytes: new ArrayBuffer(1) },
    ];
    const merged = mergeResults(picked, [stored('a.pdf'), stored('b.pdf')]);
    expect(merged.map((r) => (r.ok ? r.fileName : r.message))).toEqual(['a.pdf', 'huge.pdf is too large to import.', 'b.pdf']);
    expect(importSummary(merged)).toBe('Imported 2 documents; 1 file could not be imported (see the results).');
  });

  it('count a thousand files as the library counts them', () => {
    const many = Array.from({ length: 1200 }, (_, i) => stored(`f${i}.txt`));
    expect(importSummary(many)).toBe('Imported 1,200 documents.');
  });

  it('list only the files not imported when asked, by their place in the import', () => {
    const failed = (fileName: string): DocumentFileResult => ({ fileName, ok: false, code: 'unreadable', message: `${fileName} is damaged.` });
    const results = [stored('a.pdf'), failed('b.pdf'), stored('c.pdf'), failed('d.pdf')];
    expect(resultsShown(results, false)).toEqual([0, 1, 2, 3]);
    // A retry of d.pdf is asked by its place in the import, 3, not its row, 1.
    expect(resultsShown(results, true)).toEqual([1, 3]);
  });

  it('offer the likeliest encodings of an undecidable text first, then every other once', () => {
    const bytes = encodeLegacy('Naïve readings of the “thaw” are common – and wrong.', 'windows-1252');
    const choices = encodingChoices(bytes.slice().buffer);
    expect(choices.slice(0, 3)).toContain('windows-1252');
    expect(choices.slice(0, 3)).toContain('windows-1250');
    expect(new Set(choices).size).toBe(choices.length);
    expect(choices).toEqual(expect.arrayContaining(['koi8-r', 'windows-1251', 'iso-8859-2', 'utf-8', 'utf-16le']));
  });
});
