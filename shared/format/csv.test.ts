import { describe, expect, it } from 'vitest';
import { describePassage } from '../anchoring/selectors';
import { type Annotation, defaultTagTypes } from '../annotation/model';
import { loadCorpus, seed, seedIds } from '../test-support/corpus';
import { buildCsv } from './csv';

const corpus = loadCorpus();
const brief = seed(corpus, seedIds.foBrief);
const time = '2026-11-22T10:00:00.000Z';

function annotation(id: string, exact: string, actor: string | null): Annotation {
  const start = brief.text.text.indexOf(exact);
  return {
    id,
    documentId: brief.id,
    ...describePassage(brief.text.text, start, start + exact.length),
    tags: actor ? ['actor'] : ['claim'],
    actor,
    note: '',
    created: time,
    modified: time,
  };
}

/// The CSV's rows as records by column name (RFC 4180 quoting).
function records(csv: string): Record<string, string>[] {
  const table: string[][] = [[]];
  let field = '';
  let quoted = false;
  const text = csv.replace(/^\uFEFF/, '');
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') table[table.length - 1]!.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') table[table.length - 1]!.push(field), (field = ''), table.push([]), i++;
    else field += c;
  }
  const [header, ...rows] = table.filter((row) => row.length > 0);
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i]!])));
}

describe('the CSV export after merging actors and linking passages', () => {
  const annotations = [
    annotation('a', "Khrushchev's motive", 'N. S. Khrushchev'),
    annotation('b', 'Khrushchev', 'Khrushchev'),
    annotation('c', 'Albanian regime', null),
  ];
  // "N. S. Khrushchev" was merged into "Khrushchev": it is an alias now.
  const actors = [{ id: 'k', name: 'Khrushchev', aliases: ['N. S. Khrushchev'], created: time, modified: time }];
  const links = [
    { from: 'a', to: 'b' },
    { from: 'a', to: 'c' },
  ];
  const paged = new Map(corpus);
  paged.set(brief.id, {
    ...brief,
    pages: [
      { offset: 0, label: '11' },
      { offset: brief.text.text.indexOf('Albanian regime'), label: '12' },
    ],
  });
  const rows = records(buildCsv(annotations, defaultTagTypes, paged, { actors, links }));

  it('writes the actor’s canonical name, and the name as tagged in its own column', () => {
    expect(rows.map((r) => [r['actor'], r['name as tagged']])).toEqual([
      ['Khrushchev', 'N. S. Khrushchev'],
      ['Khrushchev', 'Khrushchev'],
      ['', ''],
    ]);
  });

  it('counts each annotation’s links, from either end', () => {
    expect(rows.map((r) => r['links'])).toEqual(['2', '1', '1']);
  });

  it('names who made and last changed each passage in a shared project, and no one otherwise', () => {
    const shared = { ...annotations[0]!, createdBy: { id: 'm1', name: 'Ana Petrova' }, modifiedBy: { id: 'm2', name: 'Ben Okafor' } };
    const authored = records(buildCsv([shared, annotations[2]!], defaultTagTypes, corpus));
    expect(authored.map((r) => [r['made by'], r['last changed by']])).toEqual([
      ['Ana Petrova', 'Ben Okafor'],
      ['', ''],
    ]);
  });

  it('gives the page a passage starts on, where the source has pages', () => {
    expect(rows.map((r) => r['page'])).toEqual(['11', '11', '12']);
    expect(records(buildCsv(annotations, defaultTagTypes, corpus)).map((r) => r['page'])).toEqual(['', '', '']);
  });
});
