import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileName } from './ipc/api';
import { fileNameOf } from './file-name';

describe('fileNameOf', () => {
  it('turns a title with folders and Windows-reserved characters into one file name', () => {
    expect(fileNameOf('Letters 1848/49: "Tirana"?', ' — annotated.pdf', 'document')).toBe('Letters 1848-49-Tirana — annotated.pdf');
  });

  it('keeps accents and scripts a title is written in', () => {
    expect(fileNameOf('Raport mbi gjendjen — Москва', '.json', 'set')).toBe('Raport mbi gjendjen — Москва.json');
  });

  it('falls back when nothing of the title can name a file', () => {
    expect(fileNameOf('../..', '.palimpsest-set.json', 'set')).toBe('set.palimpsest-set.json');
    expect(fileNameOf('   ', '.pdf', 'document')).toBe('document.pdf');
  });

  it('never cuts an emoji or astral character in half', () => {
    const name = fileNameOf('𝔄'.repeat(200), '.json', 'set');
    expect(name).toBe(`${'𝔄'.repeat(80)}.json`);
  });

  it('always gives a name the save dialog accepts, whatever the title', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (title) => {
        const name = fileNameOf(title, '.palimpsest-set.json', 'set');
        expect(fileName.safeParse(name).success).toBe(true);
        expect(name.endsWith('.palimpsest-set.json')).toBe(true);
      }),
      { seed: 20261203, numRuns: 500 },
    );
  });
});
