import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../test-support/fast-check-seed';
import { type BackupIncrement, incrementFormat, incrementPieces, incrementVersion } from './backup-increment';

describe('an increment written in pieces', () => {
  it('is JSON.stringify(increment, null, 1) byte for byte, one piece per changed part', () => {
    const part = fc.oneof(fc.jsonValue(), fc.constant(undefined));
    fc.assert(
      fc.property(fc.dictionary(fc.string(), part), fc.array(fc.string()), fc.nat(), (changed, removed, count) => {
        const increment: BackupIncrement = {
          format: incrementFormat,
          version: incrementVersion,
          exported: '2026-12-03T15:00:00.000Z',
          base: 'palimpsest-backup-2026-12-03T14-00-00-000Z-3.json',
          count,
          changed: changed as Record<string, unknown>,
          removed,
        };
        const pieces = [...incrementPieces(increment)];
        expect(pieces.join('')).toBe(`${JSON.stringify(increment, null, 1)}\n`);
        expect(pieces.length).toBe(2 + Object.values(changed).filter((v) => v !== undefined).length);
      }),
      { numRuns: 300 },
    );
  });
});
