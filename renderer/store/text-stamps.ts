import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware, Table } from 'dexie';
import type { DocumentRow, RevisionRow } from './db';

/// The stamp of a stored document's text: when it was added (`null` for a
/// bundled one) and its latest revision.
export function stampOf(added: string | null, revision: number): string {
  return `${added ?? 'bundled'}#${revision}`;
}

// A stamp's two halves, as `stampOf` joined them.
function partsOf(stamp: string | undefined): { added: string | null; revision: number } {
  if (stamp === undefined) return { added: null, revision: 0 };
  const hash = stamp.lastIndexOf('#');
  const added = stamp.slice(0, hash);
  return { added: added === 'bundled' ? null : added, revision: Number(stamp.slice(hash + 1)) };
}

/// Every stored text's stamp, kept in one row (`listingStamps` 'all') so a
/// launch reads them in one get instead of walking the documents' and
/// revisions' indexes: each imported document by the time it was added
/// and its latest revision, and each other document with a revision as
/// `bundled#seq` (whether it is bundled is the reader's to say). Kept by
/// `stampKeeper` in the transaction of every write to documents or
/// revisions; absent when unknown, and then read from those tables again.
export interface StampsRow {
  key: 'all';
  stamps: Map<string, string>;
}

/// The stamps as the documents and revisions tables say, read from index
/// keys alone (no text). `documents` and `revisions` may be a transaction's
/// tables (an upgrade's) or the database's.
export async function storedStamps(documents: Table, revisions: Table): Promise<Map<string, string>> {
  const latest = new Map<string, number>();
  await revisions.orderBy('documentId').eachKey((documentId, cursor) => {
    const seq = cursor.primaryKey as number;
    const id = String(documentId);
    if (seq > (latest.get(id) ?? 0)) latest.set(id, seq);
  });
  // Each document's time added, read without a cursor over the index: in
  // fake-indexeddb (the scale bench) one walks a batch imported together
  // (one time for all) in time that grows with the square of the batch — a
  // thousand at once took 340 ms, against 11 ms for a thousand times. The
  // ids come in the index's order in one request, and so do the distinct
  // times: when every time is distinct they pair one to one; otherwise each
  // time's ids are asked for (one request per batch).
  const stamps = new Map<string, string>();
  const stamp = (id: unknown, added: unknown) => stamps.set(String(id), stampOf(String(added), latest.get(String(id)) ?? 0));
  const [ids, times] = await Promise.all([documents.orderBy('added').primaryKeys(), documents.orderBy('added').uniqueKeys()]);
  if (ids.length === times.length) ids.forEach((id, i) => stamp(id, times[i]));
  else {
    const batches = await Promise.all(times.map((added) => documents.where('added').equals(added).primaryKeys()));
    times.forEach((added, i) => {
      for (const id of batches[i]!) stamp(id, added);
    });
  }
  for (const [id, seq] of latest) if (!stamps.has(id)) stamps.set(id, stampOf(null, seq));
  return stamps;
}

/// The stamps the library list should find on its rows: every imported
/// document's, and each bundled one's that has a revision.
export function listedStamps(stored: ReadonlyMap<string, string>, bundled: ReadonlyMap<string, unknown>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, stamp] of stored) if (bundled.has(id) || !stamp.startsWith('bundled#')) out.set(id, stamp);
  return out;
}

const stampsTable = 'listingStamps';
const watched = new Set(['documents', 'revisions']);

/// The Dexie middleware that keeps the stamps row in step with documents
/// and revisions, whoever writes them (the import and revision workers,
/// undo, sync, a restore): a read-write transaction over either also takes
/// the stamps row, and each add or put there updates it in that
/// transaction. A deletion, or a write it cannot follow exactly, drops the
/// row instead, and the next read of the list reads the stamps from the
/// tables again (`storeStamps`): a stale row is never trusted.
export const stampKeeper: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'ListingStamps',
  create: (down) => ({
    ...down,
    transaction: (stores, mode, options) => {
      const widened = mode === 'readwrite' && stores.some((s) => watched.has(s)) && !stores.includes(stampsTable) ? [...stores, stampsTable] : stores;
      return down.transaction(widened, mode, options);
    },
    table: (name) => {
      const table = down.table(name);
      return watched.has(name) ? keeping(down, table) : table;
    },
  }),
};

function keeping(down: DBCore, table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    mutate: async (req) => {
      const response = await table.mutate(req);
      const trans = req.trans as unknown as IDBTransaction;
      // An upgrade writes before the stamps' table exists; version 9's
      // upgrade fills the row once every earlier one has run.
      if (trans.mode !== 'readwrite' || !trans.objectStoreNames.contains(stampsTable)) return response;
      const stamps = down.table(stampsTable);
      const row = (await stamps.get({ trans: req.trans, key: 'all' })) as StampsRow | undefined;
      if (!row) return response;
      const followed = response.numFailures === 0 && follow(table.name, req, response.results ?? [], row.stamps);
      if (followed) await stamps.mutate({ trans: req.trans, type: 'put', values: [row] });
      else await stamps.mutate({ trans: req.trans, type: 'delete', keys: ['all'] });
      return response;
    },
  };
}

// Applies an add or a plain put to `stamps`; false for anything else.
function follow(table: string, req: DBCoreMutateRequest, keys: readonly unknown[], stamps: Map<string, string>): boolean {
  if (req.type !== 'add' && req.type !== 'put') return false;
  if (req.type === 'put' && (req.criteria || req.changeSpec || req.updates || req.upsert === false)) return false;
  req.values.forEach((value, i) => {
    if (table === 'documents') {
      const row = value as DocumentRow;
      stamps.set(row.id, stampOf(row.added, partsOf(stamps.get(row.id)).revision));
    } else {
      const row = value as RevisionRow;
      const seq = Number(keys[i] ?? row.seq);
      const before = partsOf(stamps.get(row.documentId));
      stamps.set(row.documentId, stampOf(before.added, Math.max(before.revision, seq)));
    }
  });
  return true;
}
