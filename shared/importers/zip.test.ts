import { strFromU8, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ImportFileError } from './errors';
import { importFile } from './import-file';
import { docxBomb, lieAboutSizes, manyFiles, megabyteOfXml, zipOf } from './test-support/zip-bomb';
import { type ZipLimits, readZip } from './zip';

const limits: ZipLimits = { entries: 100, totalBytes: 8 * 1024 * 1024, entryBytes: () => 4 * 1024 * 1024 };

function refusal(run: () => unknown): ImportFileError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('Expected an ImportFileError, but the zip was read.');
}

describe('reading a zip within limits', () => {
  it('gives back the entries asked for, deflated or stored, and skips the others', () => {
    const bytes = zipSync({ 'a.txt': strToU8('Dvořák'), 'b/c.xml': [strToU8('<x/>'), { level: 0 }], 'skip.bin': strToU8('zzz') });
    const files = readZip(bytes, 'p.qdpx', limits, (name) => name !== 'skip.bin');
    expect([...files.keys()]).toEqual(['a.txt', 'b/c.xml']);
    expect(strFromU8(files.get('a.txt')!)).toBe('Dvořák');
    expect(strFromU8(files.get('b/c.xml')!)).toBe('<x/>');
  });

  it('refuses one entry that inflates past its limit, naming the file, the part and the limit', () => {
    const error = refusal(() => readZip(zipOf([{ name: 'word/document.xml', chunk: megabyteOfXml, repeat: 5 }]), 'memo.docx', limits));
    expect(error.code).toBe('too-large');
    expect(error.message).toBe(
      'memo.docx was refused: its part “word/document.xml” inflates to more than 4 MB, more than a real document needs, so it may be a “zip bomb”. Nothing was imported.',
    );
  });

  it('refuses entries that pass the total limit together', () => {
    const bytes = zipOf([1, 2, 3].map((n) => ({ name: `part${n}.xml`, chunk: megabyteOfXml, repeat: 3 })));
    expect(refusal(() => readZip(bytes, 'p.qdpx', limits)).message).toMatch(/^p\.qdpx was refused: its contents inflate to more than 8 MB/);
  });

  it('counts what is inflated, not the sizes the zip declares', () => {
    const bytes = lieAboutSizes(zipOf([{ name: 'word/document.xml', chunk: megabyteOfXml, repeat: 5 }]), 10);
    expect(refusal(() => readZip(bytes, 'memo.docx', limits)).code).toBe('too-large');
  });

  it('refuses too many entries before inflating any', () => {
    expect(refusal(() => readZip(manyFiles(101), 'p.qdpx', limits)).message).toMatch(/^p\.qdpx was refused: it holds 101 files \(the limit is 100\)/);
  });

  it('says a file that is not a zip, or is cut short, is damaged', () => {
    expect(refusal(() => readZip(strToU8('not a zip at all, just words'), 'p.qdpx', limits)).code).toBe('corrupt');
    const whole = zipSync({ 'a.txt': strToU8('x'.repeat(5000)) });
    expect(refusal(() => readZip(whole.subarray(0, 40), 'p.qdpx', limits)).code).toBe('corrupt');
  });
});

// Generous timeouts on the heavy tests: the machine may be shared; they
// are bounds on a hang, not speed targets.
describe('a .docx zip bomb', () => {
  it('1 MB inflating to 300 MB is refused before Word’s XML is parsed, in bounded memory', async () => {
    const bomb = docxBomb(300);
    expect(bomb.length).toBeLessThan(1.5 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    let parsed = false;
    const error = await importFile('memo.docx', bomb, { loadMammoth: async () => ((parsed = true), {}) }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as ImportFileError).code).toBe('too-large');
    expect((error as ImportFileError).message).toMatch(/^memo\.docx was refused: its part “word\/document\.xml” inflates to more than 32 MB/);
    expect(parsed).toBe(false);
    // It stops at the limit: far less than the 300 MB the bomb holds.
    expect(process.memoryUsage().rss - before).toBeLessThan(150 * 1024 * 1024);
  }, 60_000);
});
