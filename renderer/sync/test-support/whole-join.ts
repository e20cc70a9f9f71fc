import type * as Y from 'yjs';
import { readItems, readLibrary, writeChanges } from '../../../shared/sync/mapping';
import type { PalimpsestDb } from '../../store/db';
import { Base } from '../base';
import type { JoinOptions, Joined } from '../join';
import { emptyOf, idsOfItems, pick, union, withItems } from '../parts';
import { differing, overlay, readStore, writeStore } from '../store-library';

/// The join as it was until 4 December: both libraries read whole, in one
/// transaction each, compared and written at once. Kept for the tests
/// alone, as the measure of the join in pieces: the same library must
/// come of both.
export async function wholeJoin(db: PalimpsestDb, doc: Y.Doc, options: JoinOptions): Promise<Joined> {
  const store = await readStore(db);
  const shared = readLibrary(doc);
  const localOnly = new Set<string>();
  if (options.readOnly) {
    const target = overlay(store, emptyOf(shared), shared);
    const { held } = await writeStore(db, store, target);
    const base = new Base(shared);
    base.replace(emptyOf(shared), held);
    for (const item of differing(target, shared)) localOnly.add(item);
    return { base, localOnly, left: new Set() };
  }
  const written = writeChanges(doc, shared, union(shared, store), options.stamp(), 'local');
  options.written(written);
  const merged = withItems(shared, readItems(doc, idsOfItems(written)));
  const { held } = await writeStore(db, store, merged);
  const base = new Base(merged);
  base.replace(pick(store, held), held);
  return { base, localOnly, left: new Set() };
}
