/// The texts the fixtures are made of (scripts/make-fixtures.ts), shared
/// with the tests that read the fixtures back, so a test compares the
/// import's output with what went into the file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const fixturesDir = join(import.meta.dirname, '..', 'fixtures');

const corpusDir = join(import.meta.dirname, '..', '..', '..', 'corpus');

export function corpusText(name: string): string {
  return readFileSync(join(corpusDir, name), 'utf8');
}

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(fixturesDir, name)));
}

/// The British brief's paragraphs from "A. Sino-Soviet relations." on, as
/// clean paragraphs: the transcription's page debris ("/their", "SECRET",
/// "/11.") removed and the paragraph split by a page break joined again.
export function foBriefParagraphs(): string[] {
  const source = corpusText('fo-brief-sino-soviet-relations-and-albania-1962.md');
  const body = source.slice(source.indexOf('A. Sino-Soviet relations.'), source.indexOf('/Background Note:'));
  const joined = body.replace(/maintain\s+\s*\n\/their\s+\*\*SECRET\*\*\s+their supremacy/, 'maintain their supremacy');
  if (joined === body) throw new Error('The brief is not as expected: the paragraph split by "/their" was not found.');
  return joined
    .split(/\n\s*\n|\n(?=- \()|\n(?=\d+\. )/)
    .map((chunk) =>
      chunk
        .replace(/^\s*-\s+/, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((chunk) => chunk && !/^(\*\*)?SECRET(\*\*)?$/.test(chunk) && !/^\/\d+\.$/.test(chunk));
}

/// The Czechoslovak memorandum's paragraphs from "On 30 March" up to the
/// one before "I objected by saying that after all".
export function czechMemoParagraphs(): string[] {
  const source = corpusText('czechoslovak-memorandum-ri-song-un-1962.txt');
  return source
    .slice(source.indexOf('On 30 March, I invited'), source.indexOf('I objected by saying that after all'))
    .split(/\n\s*\n/)
    .map((text) => text.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/// A Russian text about Khrushchev and Albania, written for the fixtures;
/// every character is in both Windows-1251 and KOI8-R.
export const russianText = [
  'Хрущёв и Албания',
  'На XXII съезде КПСС в октябре 1961 года Н. С. Хрущёв открыто осудил руководство Албанской партии труда. В декабре того же года Советский Союз разорвал дипломатические отношения с Албанией, и Энвер Ходжа окончательно сблизился с Пекином.',
  'Албанские руководители считали, что Москва хочет их свергнуть.',
].join('\r\n\r\n');

/// A Czech note on the memorandum, written for the fixtures (Windows-1250).
export const czechText = [
  'Záznam o obědě u velvyslance Dvořáka',
  'Velvyslanec Richard Dvořák pozval 30. března 1962 korejského velvyslance Ri Song-una na oběd. Rozhovor trval čtyři hodiny; předseda vlády Viliam Široký o něm byl informován.',
  'Korejský velvyslanec se obával, že Albánie přejde do kapitalistického tábora, a žádal, aby sovětští soudruzi podali Albáncům pomocnou ruku.',
].join('\r\n\r\n');
