import { describe, expect, it } from 'vitest';
import { defaultTagTypes } from '../../../../shared/annotation/model';
import { defaultRelationTypes } from '../../../../shared/links/model';
import { row, sets } from '../../../../shared/table/test-support/sample';
import { tableCsv } from './table-csv';

const names = {
  tagType: (id: string) => defaultTagTypes.find((t) => t.id === id)?.name ?? id,
  relation: (id: string) => defaultRelationTypes.find((r) => r.id === id)?.name ?? id,
  set: (id: string) => sets.find((s) => s.id === id)?.name ?? id,
};

/// The CSV read back as a spreadsheet would: rows of cells.
function cells(csv: string): string[][] {
  const rows: string[][] = [[]];
  let cell = '';
  let quoted = false;
  for (let i = csv.startsWith('\uFEFF') ? 1 : 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') rows.at(-1)!.push(cell), (cell = '');
    else if (c === '\r' && csv[i + 1] === '\n') rows.at(-1)!.push(cell), (cell = ''), rows.push([]), i++;
    else cell += c;
  }
  return rows.slice(0, -1);
}

describe('tableCsv', () => {
  it('writes a header and one line per row, in the order given, ids named', () => {
    const table = cells(tableCsv([row('motive'), row('dvorak')], names));
    expect(table[0]).toEqual([
      'Document',
      'Date',
      'Tags',
      'Actor',
      'Name as tagged',
      'Quote',
      'Note',
      'Links',
      'Relations',
      'Sets',
      'Page',
      'Made by',
      'Last changed by',
      'Document id',
      'Annotation id',
    ]);
    expect(table[1]).toEqual([
      row('motive').documentTitle,
      '19 January 1962',
      'Actor; Claim',
      'Nikita Khrushchev',
      'Khrushchev',
      "Khrushchev's motive",
      'The Foreign Office reads the Congress attack as aimed at China too.',
      '2',
      'supports; contradicts',
      'Chapter 3: the break',
      '',
      'Ana Petrova',
      'Ben Okafor',
      row('motive').documentId,
      'motive',
    ]);
    expect(table[2]!.slice(3, 6)).toEqual(['Richard Dvořàk', 'Richard Dvořàk', 'Richard Dvořàk']);
    expect(table).toHaveLength(3);
  });

  it('has no author columns for rows never shared, as the table has none', () => {
    const table = cells(tableCsv([row('dvorak'), row('grain')], names));
    expect(table[0]).not.toContain('Made by');
    expect(table[0]).toHaveLength(13);
    expect(table[1]).toHaveLength(13);
  });

  it('leaves an undated row’s date empty, and quotes a quote with quotation marks', () => {
    expect(
      cells(tableCsv([row('orphan'), row('acupuncture')], names))
        .slice(1)
        .map((r) => [r[1], r[5]]),
    ).toEqual([
      ['', 'Peking'],
      ['19 January 1962', 'The "acupuncture" has in fact failed to work.'],
    ]);
  });
});

describe('tableCsv and PDF pages', () => {
  it('gives the page a passage starts on, where its document has pages', async () => {
    const { buildRows } = await import('../../../../shared/table/rows');
    const { annotations, actors, corpus } = await import('../../../../shared/table/test-support/sample');
    const motive = annotations.find((a) => a.id === 'motive')!;
    const brief = corpus.get(motive.documentId)!;
    const paged = new Map([
      [
        brief.id,
        {
          ...brief,
          pages: [
            { offset: 0, label: '11' },
            { offset: motive.position.start, label: '12' },
          ],
        },
      ],
    ]);
    const [paging] = buildRows({ annotations: [motive], documents: paged, actors });
    expect(cells(tableCsv([paging!], names))[1]![10]).toBe('12');
  });
});
