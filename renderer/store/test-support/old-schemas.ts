import Dexie from 'dexie';

// The library's schema as each version shipped it, for migration tests:
// a test opens a library as `version` left it, fills it, closes it, and
// opens it again as PalimpsestDb to see the upgrade.
const shipped: readonly Record<string, string | null>[] = [
  { annotations: 'id, documentId, *tags, actor, modified', tagTypes: 'id, order' },
  { revisions: '++seq, documentId', reviews: 'annotationId, documentId' },
  { annotationChunks: 'key, documentId, *tags, *actors', chunkLayouts: 'documentId', annotations: null },
  { links: 'id, from, to, fromDocument, toDocument, relation', relationTypes: 'id, order', actors: 'id, name', sets: 'id, name' },
  { documents: 'id, added', documentEdits: 'documentId, collection' },
  {},
  { documentListings: 'id' },
  { listingSnapshot: 'key' },
  { listingStamps: 'key' },
  { listingSnapshot: 'key' },
  { tableColumns: 'key, documentId' },
  {},
  { tableRuns: 'documentId' },
];

/// A library named `name` with the schema of versions 1 to `version` (at
/// most 13) as they shipped, and none of their upgrades.
export function libraryAsShipped(name: string, version: number): Dexie {
  if (version < 1 || version > shipped.length)
    throw new RangeError(`Only versions 1 to ${shipped.length} of the library's schema are kept here, not ${version}.`);
  const db = new Dexie(name);
  shipped.slice(0, version).forEach((stores, i) => db.version(i + 1).stores(stores));
  return db;
}
