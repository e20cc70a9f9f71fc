import { describe, expect, it } from 'vitest';
import { defaultTagTypes } from '../annotation/model';
import { leadingDocuments } from './lead';
import { TableModel } from './model';
import { actors, annotations, corpus, links, sets } from './test-support/sample';
import { StoredChunks } from './test-support/stored';
import { TextStore } from './texts';

const stored = new StoredChunks(2);
stored.write(annotations);
const counts = new Map<string, number>();
for (const a of annotations) counts.set(a.documentId, (counts.get(a.documentId) ?? 0) + 1);
const dateOf = (id: string) => corpus.get(id)?.meta.date;
const modelOf = (documentIds?: readonly string[]) =>
  new TableModel(
    {
      chunks: stored.columns().filter((c) => !documentIds || documentIds.includes(c.documentId)),
      texts: new TextStore(async (keys) => stored.texts(keys)),
      documents: corpus,
      actors,
      links,
      sets,
    },
    { locale: 'en', tagTypes: defaultTagTypes },
  );
const firstByDate = (model: TableModel, n: number) => Array.from(model.order('date', 'ascending').subarray(0, n), (i) => model.id(i));

describe('leadingDocuments', () => {
  it('names the documents whose rows are the table’s first by date, for any screen size', () => {
    const whole = modelOf();
    for (let rows = 1; rows <= annotations.length; rows++) {
      const lead = leadingDocuments(counts, dateOf, rows);
      expect(lead.rows).toBeGreaterThanOrEqual(rows);
      // The table drawn from those documents alone shows what the whole table shows first.
      const first = modelOf(lead.documentIds);
      expect(first.length).toBe(lead.rows);
      expect(firstByDate(first, lead.rows)).toEqual(firstByDate(whole, lead.rows));
    }
  });

  it('takes undated documents, and those of deleted documents, last', () => {
    const lead = leadingDocuments(
      new Map([
        ['undated', 5],
        ['gone', 5],
        ['b-1962', 2],
        ['a-1962', 2],
        ['empty', 0],
      ]),
      (id) => (id.endsWith('1962') ? { start: { year: 1962 } } : id === 'undated' ? null : undefined),
      5,
    );
    expect(lead).toEqual({ documentIds: ['a-1962', 'b-1962', 'gone'], rows: 9 });
  });

  it('refuses a screen of no rows', () => {
    expect(() => leadingDocuments(counts, dateOf, 0)).toThrow("The table's first screen needs at least 1 row; 0 was asked for.");
  });
});
