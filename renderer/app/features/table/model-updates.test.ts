import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../../shared/annotation/model';
import type { DocumentColumns } from '../../../../shared/table/document-columns';
import { RowList, TableModel } from '../../../../shared/table/model';
import { actors, annotations, corpus, links, sets } from '../../../../shared/table/test-support/sample';
import { StoredChunks, inReadOrder } from '../../../../shared/table/test-support/stored';
import { TextStore } from '../../../../shared/table/texts';
import { ModelUpdates } from './model-updates';

const context = { documents: corpus, actors, links, sets };

/// The table as `useTableData` runs it: a model shown, and at most one
/// build running from a snapshot of the stored columns, which lands when
/// the test says so.
class Table {
  readonly stored = new StoredChunks(3);
  readonly texts = new TextStore(async (keys) => this.stored.texts(keys));
  readonly updates = new ModelUpdates();
  shown: TableModel;
  private running: DocumentColumns[] | null = null;
  current: Annotation[];

  constructor(start: readonly Annotation[]) {
    this.current = [...start];
    this.stored.write(this.current);
    this.shown = new TableModel({ ...context, runs: this.stored.runs().values(), texts: this.texts });
  }

  get building(): boolean {
    return this.running !== null;
  }

  /// Writes annotation `id` changed (or deleted, `null`), as the store does,
  /// and lets the table hear it.
  write(id: string, change: ((a: Annotation) => Annotation) | null): void {
    const target = this.current.find((a) => a.id === id)!;
    this.current = change ? this.current.map((a) => (a === target ? change(a) : a)) : this.current.filter((a) => a !== target);
    const changed = this.stored.write(this.current, [target.documentId]);
    this.texts.forget(changed);
    const heard = this.updates.heard(this.shown, [target.documentId], this.stored.runs(), context);
    if (heard.kind === 'patched') this.shown = heard.model;
    else if (heard.kind === 'build') this.running = this.updates.start(this.stored.runs());
  }

  /// The running build finishes and is shown.
  land(): void {
    if (!this.running) return;
    const built = new TableModel({ ...context, runs: this.running, texts: this.texts });
    this.running = null;
    const model = this.updates.landed(built, this.stored.runs(), context);
    if (model) this.shown = model;
    else this.running = this.updates.start(this.stored.runs());
  }

  /// The rows as the old way (every annotation read) makes them.
  plain(): TableModel {
    return new TableModel({ ...context, annotations: inReadOrder(this.current) });
  }
}

const rowsOf = async (model: TableModel) => {
  await model.readText();
  return new RowList(model, model.order('date', 'ascending')).rows();
};

describe('ModelUpdates', () => {
  it('keeps a tag changed while the model is built again, and its filter counts', async () => {
    const table = new Table(annotations);
    // A deletion changes the rows: the model is built again, in slices.
    table.write('grain', null);
    expect(table.building).toBe(true);
    // Meanwhile the researcher tags Dvořàk's passage as a claim too.
    table.write('dvorak', (a) => ({ ...a, tags: ['actor', 'claim'] }));
    table.land();
    expect(table.building).toBe(false);
    const dvorak = table.shown.row([...Array(table.shown.length).keys()].find((i) => table.shown.id(i) === 'dvorak')!);
    expect(dvorak.tags).toEqual(['actor', 'claim']);
    expect(table.shown.tally()).toEqual(table.plain().tally());
    expect(await rowsOf(table.shown)).toEqual(await rowsOf(table.plain()));
  });

  it('builds again at once when rows are deleted while a build runs', () => {
    const table = new Table(annotations);
    table.write('grain', null);
    table.write('choe', null);
    table.land();
    expect(Array.from({ length: table.shown.length }, (_, i) => table.shown.id(i)).sort()).toEqual(table.current.map((a) => a.id).sort());
  });

  it('shows, once builds land, the rows the stored annotations make, whatever writes come between', async () => {
    const ids = annotations.map((a) => a.id);
    const event = fc.oneof(
      fc.record({
        id: fc.constantFrom(...ids),
        kind: fc.constantFrom('tags', 'actor', 'remove', 'move'),
        seed: fc.nat(9),
      }),
      fc.constant('land' as const),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(event, { maxLength: 10 }), async (events) => {
        const table = new Table(annotations);
        for (const e of events) {
          if (e === 'land') table.land();
          else if (table.current.some((a) => a.id === e.id))
            table.write(
              e.id,
              e.kind === 'remove'
                ? null
                : (a) =>
                    e.kind === 'tags'
                      ? { ...a, tags: e.seed % 2 ? ['claim'] : ['actor', 'economic-measure'] }
                      : e.kind === 'actor'
                        ? { ...a, actor: e.seed % 2 ? 'Hoxha' : null }
                        : { ...a, position: { ...a.position, start: e.seed * 10, end: e.seed * 10 + 5 } },
            );
        }
        while (table.building) table.land();
        expect(table.shown.tally()).toEqual(table.plain().tally());
        expect(await rowsOf(table.shown)).toEqual(await rowsOf(table.plain()));
      }),
      { numRuns: 150 },
    );
  });
});
