import { useCallback, useMemo, useState } from 'react';
import type { AnnotationRow } from '../../../../shared/table/rows';
import { useServices } from '../../context';
import { AddToSetDialog } from './AddToSetDialog';
import { AnnotationTable } from './AnnotationTable';
import { FilterBar } from './FilterBar';
import type { RowNames } from './TableRow';
import { tableCsv } from './table-csv';
import { useSelection } from './use-selection';
import { type TableData, useTableData } from './use-table-data';
import { isFiltering, noFilter, useTableView } from './use-table-view';
import './table.css';
import { InvalidInput, messageOf } from '../../../../shared/errors';
import { ScreenHeader } from '../../ui/ScreenHeader';

/// Every annotation of the library in one table: filtered by tag type,
/// actor, document, set, relation and words, sorted by any column, rows
/// selected for adding to a set, the rows shown exported as CSV. A quote
/// opens its passage in the reader.
export function TableScreen({ onBack }: { onBack: () => void }) {
  const data = useTableData();
  return (
    <main className="screen t-screen" data-testid="table-screen">
      {data ? <Table data={data} onBack={onBack} /> : <ScreenHeader back={{ to: 'Library', onClick: onBack }} title="All annotations" />}
    </main>
  );
}

function Table({ data, onBack }: { data: TableData; onBack: () => void }) {
  const services = useServices();
  const { sources, model, options } = data;
  const view = useTableView(model, data.textVersion);
  const selection = useSelection(view.shown);
  const [adding, setAdding] = useState(false);
  const sets = services.sets;

  const names = useMemo<RowNames>(
    () => ({
      tagTypes: new Map(sources.tagTypes.map((t) => [t.id, t])),
      relations: new Map(sources.relationTypes.map((r) => [r.id, r.name])),
      sets: new Map(sources.sets.map((s) => [s.id, s.name])),
    }),
    [sources],
  );
  const filterSet = sources.sets.find((s) => s.id === view.filter.setId);

  const open = useCallback((row: AnnotationRow) => services.go({ kind: 'reader', documentId: row.documentId, annotationId: row.annotationId }), [services]);

  const fail = (what: string) => (error: unknown) => services.notify({ kind: 'error', text: `${what}: ${messageOf(error)}` });

  const addToSet = async (target: { setId: string } | { name: string }) => {
    const set = 'setId' in target ? sources.sets.find((s) => s.id === target.setId) : await sets.create(target.name);
    if (!set) throw new InvalidInput('$', 'That set has been deleted meanwhile; choose another.');
    const ids = selection.selected;
    const added = await sets.add(set.id, ids);
    const already = ids.length - added;
    services.notify({
      kind: 'info',
      text: `Added ${plural(added, 'annotation')} to “${set.name}”${already ? `; ${plural(already, 'was', 'were')} in it already` : ''}.`,
    });
  };

  const removeFromSet = () => {
    if (!filterSet) return;
    const ids = selection.selected;
    sets
      .remove(filterSet.id, ids)
      .then((removed) => {
        selection.clear();
        services.notify({ kind: 'info', text: `Took ${plural(removed, 'annotation')} out of “${filterSet.name}”; they stay in the library.` });
      })
      .catch(fail('Nothing was taken out of the set'));
  };

  const exportCsv = () => {
    const shown = view.shown;
    // The quotes and notes of the rows shown are read first: the table
    // holds only those of the rows drawn.
    shown.model
      .readText(shown.indexes)
      .then(() => {
        const csv = tableCsv(shown.rows(), {
          tagType: (id) => names.tagTypes.get(id)?.name ?? id,
          relation: (id) => names.relations.get(id) ?? id,
          set: (id) => names.sets.get(id) ?? id,
        });
        return services.host.saveFile('Export the annotations shown', 'palimpsest-annotations.csv', [{ name: 'CSV', extensions: ['csv'] }], csv);
      })
      .then((saved) => saved && services.notify({ kind: 'info', text: `Exported ${plural(shown.length, 'annotation')} as CSV.` }))
      .catch(fail('The CSV was not saved'));
  };

  const count = selection.selected.length;
  return (
    <>
      <ScreenHeader
        back={{ to: 'Library', onClick: onBack }}
        title="All annotations"
        sub={
          // While the rest is read, the rows shown are the first by date, and say so.
          data.reading
            ? `${view.shown.length.toLocaleString('en')} of the first ${model.length.toLocaleString('en')} of ${plural(data.reading.total, 'annotation')} · reading the rest…`
            : `${view.shown.length.toLocaleString('en')} of ${plural(model.length, 'annotation')}`
        }
        subTestId="table-count"
        subLive
        actions={
          <button
            type="button"
            data-testid="table-export"
            disabled={view.shown.length === 0 || data.reading !== undefined}
            title={
              data.reading
                ? 'Once every annotation is read'
                : "The rows shown, in this order, as a spreadsheet; a field beginning with =, +, - or @ gets a ' before it, so it is not run as a formula"
            }
            onClick={exportCsv}
          >
            Export CSV
          </button>
        }
      />
      <FilterBar filter={view.filter} options={options} onChange={view.setFilter} />
      <div className="t-actions" role="group" aria-label="Selected annotations">
        <span className="t-selected" data-testid="table-selected">
          {count ? `${count.toLocaleString('en')} selected` : 'None selected'}
        </span>
        <button type="button" data-testid="table-add-to-set" disabled={count === 0} onClick={() => setAdding(true)}>
          Add to set…
        </button>
        {filterSet && (
          <button type="button" data-testid="table-remove-from-set" disabled={count === 0} onClick={removeFromSet}>
            Remove from “{filterSet.name}”
          </button>
        )}
        {count > 0 && (
          <button type="button" className="t-link-button" onClick={selection.clear}>
            Clear selection
          </button>
        )}
        <span className="spacer" />
        <span className="t-hint">Shift+click a box to select a range · click a quote to read it in its document</span>
      </div>
      <AnnotationTable
        rows={view.shown}
        names={names}
        sort={view.sort}
        onSort={view.sortBy}
        chosen={selection.chosen}
        selectedCount={count}
        onToggle={selection.toggle}
        onToggleAll={selection.toggleAll}
        partial={data.reading !== undefined}
        onOpen={open}
        empty={
          model.length === 0 ? (
            <>No annotations yet. Open a document from the library, select a passage and tag it; every annotation of every document is listed here.</>
          ) : (
            <>
              No annotation matches these filters.{' '}
              {isFiltering(view.filter) && (
                <button type="button" onClick={() => view.setFilter(noFilter)}>
                  Clear filters
                </button>
              )}
            </>
          )
        }
      />
      {adding && <AddToSetDialog count={count} sets={sources.sets} onAdd={addToSet} onClose={() => setAdding(false)} />}
    </>
  );
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
