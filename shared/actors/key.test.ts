import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actorKey } from './key';

describe('actorKey', () => {
  it('makes the spellings of Khrushchev’s initials one name', () => {
    const key = actorKey('N. S. Khrushchev');
    expect(actorKey('N.S. Khrushchev')).toBe(key);
    expect(actorKey('N.S.Khrushchev')).toBe(key);
    expect(actorKey('n s khrushchev')).toBe(key);
    expect(actorKey('  N.  S.   KHRUSHCHEV ')).toBe(key);
    expect(key).toBe('n s khrushchev');
  });

  it('folds case and diacritics as search does', () => {
    expect(actorKey('Hoxha')).toBe(actorKey('hoxha'));
    expect(actorKey('E. Mëhilli')).toBe(actorKey('E. Mehilli'));
    expect(actorKey('Richard Dvořàk')).toBe(actorKey('Richard Dvorak'));
    expect(actorKey('Siri Çarçani')).toBe('siri carcani');
  });

  it('reads a hyphen as a space, as the Czech memorandum’s translator equates "Ri Song-un [Ri Song Un]"', () => {
    expect(actorKey('Ri Song-un')).toBe(actorKey('Ri Song Un'));
    expect(actorKey('Chou En‑lai')).toBe(actorKey('Chou En-lai'));
  });

  it('keeps different names apart', () => {
    expect(actorKey('Mehmed Shehu')).not.toBe(actorKey('Mehmet Shehu'));
    expect(actorKey('Chou En-lai')).not.toBe(actorKey('Zhou Enlai'));
    expect(actorKey('Ri Song-un')).not.toBe(actorKey('Ri Songun'));
    // Word order and titles are for suggestions, not identity.
    expect(actorKey('Khrushchev, N. S.')).not.toBe(actorKey('N. S. Khrushchev'));
    expect(actorKey('Comrade Ri Song-un')).not.toBe(actorKey('Ri Song-un'));
  });

  it('drops apostrophes, so a transliterated soft sign may be written or not', () => {
    expect(actorKey('Gor’kiy')).toBe(actorKey('Gorkiy'));
    expect(actorKey("Gor'kiy")).toBe(actorKey('Gorkiy'));
  });

  it('gives a name without letters the empty key', () => {
    expect(actorKey('')).toBe('');
    expect(actorKey(' . – ')).toBe('');
  });

  it('is its own fixed point, and blind to case, spacing and the punctuation between words', () => {
    const word = fc.stringMatching(/^[A-Za-zëçřàéü]{1,8}$/);
    const separator = fc.constantFrom(' ', '  ', '. ', '.', '-', ' - ', '\u00A0', '\n');
    fc.assert(
      fc.property(fc.array(fc.tuple(word, separator), { minLength: 1, maxLength: 5 }), (parts) => {
        const name = parts.map(([w, s]) => w + s).join('');
        const plain = parts.map(([w]) => w).join(' ');
        expect(actorKey(name)).toBe(actorKey(plain));
        expect(actorKey(name.toUpperCase())).toBe(actorKey(plain));
        expect(actorKey(actorKey(name))).toBe(actorKey(name));
      }),
    );
  });
});
