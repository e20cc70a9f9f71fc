import { ActorIndex } from '../../shared/actors/actor-index';
import { type ActorPlan, planActors } from '../../shared/format/actor-merge';
import { ImportError } from '../../shared/format/errors';
import { type ImportPlan, planImport } from '../../shared/format/merge';
import { type QdpxIncoming, qdpxIncoming } from '../../shared/format/qdpx-incoming';
import { readQdpxProject } from '../../shared/format/qdpx-read';
import * as rows from './annotation-rows';
import type { DocumentRow, PalimpsestDb } from './db';
import { storageProblem } from './errors';
import { type Documents, sourceOf } from './document-source';
import { documentsOf, writePlannedAnnotations } from './transfer';

/// A REFI-QDA project (.qdpx) read and planned against the library, nothing
/// written: what the import dialog previews.
export interface QdpxPreview {
  fileName: string;
  bytes: Uint8Array;
  incoming: QdpxIncoming;
  plan: ImportPlan;
  /// The project's actors against the library's (by id the library's are
  /// kept): those added, the library's that gain names, names left out.
  actors: ActorPlan;
  /// What a project brings beside annotations, new to the library.
  counts: { documents: number; links: number; actors: number; sets: number; relationTypes: number };
}

/// What the import wrote.
export interface QdpxResult {
  plan: ImportPlan;
  counts: QdpxPreview['counts'];
}

/// Reads a .qdpx and plans it against the library as it is now. Throws
/// ImportError (naming the file and what is wrong) for a file that cannot
/// be read.
export async function previewQdpx(db: PalimpsestDb, documents: Documents, fileName: string, bytes: Uint8Array, now = new Date()): Promise<QdpxPreview> {
  const { incoming, plan, actors, counts } = await planQdpx(db, documents, readQdpxProject(bytes, fileName), now);
  return { fileName, bytes, incoming, plan, actors, counts };
}

/// Writes a previewed project in one transaction, planned again against the
/// library as it is at that moment: its new documents, the annotations, tag
/// and relation types, links, actors and sets. Any failure aborts it all,
/// leaving the library exactly as it was; importing the same file again
/// adds nothing.
export async function applyQdpx(
  db: PalimpsestDb,
  documents: Documents,
  preview: QdpxPreview,
  now = new Date(),
  onProgress?: rows.Progress,
): Promise<QdpxResult> {
  const project = readQdpxProject(preview.bytes, preview.fileName);
  try {
    // The documents' listings, edits and revisions too: the plan reads the
    // documents it matches (see planQdpx) in the transaction.
    const read = [db.documentEdits, db.revisions, db.documentListings, db.listingSnapshot];
    return await db.transaction('rw', [...rows.tables(db), db.tagTypes, db.documents, db.relationTypes, db.links, db.actors, db.sets, ...read], async () => {
      const { incoming, plan, actors, counts, existing } = await planQdpx(db, documents, project, now);
      const added = now.toISOString();
      await db.documents.bulkAdd(
        incoming.newDocuments.map(
          (d): DocumentRow => ({
            id: d.id,
            fileName: d.fileName,
            format: d.format,
            blocks: d.blocks,
            pages: d.pages,
            meta: d.meta,
            fingerprint: d.fingerprint,
            encoding: null,
            added,
          }),
        ),
      );
      await writePlannedAnnotations(db, plan, existing, onProgress);
      await db.relationTypes.bulkAdd(incoming.relationTypes);
      // A link's ends are where the plan placed them.
      const placed = new Map([...existing.values(), ...plan.add, ...plan.update].map((a) => [a.id, a.documentId]));
      const links = incoming.links.filter((l) => placed.has(l.from) && placed.has(l.to));
      await db.links.bulkAdd(links.map((l) => ({ ...l, fromDocument: placed.get(l.from)!, toDocument: placed.get(l.to)! })));
      await db.actors.bulkAdd(actors.add);
      await db.actors.bulkPut(actors.update);
      await db.sets.bulkAdd(incoming.sets.map((s) => ({ ...s, annotationIds: s.annotationIds.filter((id) => placed.has(id)) })));
      return { plan, counts: { ...counts, links: links.length } };
    });
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError('$', storageProblem(error));
  }
}

// The project's sources are matched to the library's documents by their
// fingerprints (read without texts), or a bundled one by its id; then only the documents its passages
// are on are read.
async function planQdpx(db: PalimpsestDb, library: Documents, project: ReturnType<typeof readQdpxProject>, now: Date) {
  const source = sourceOf(library);
  const documents = await source.infos();
  const [stored, tagTypes, relationTypes, actors, links, sets] = await Promise.all([
    db.documents.toCollection().primaryKeys(),
    db.tagTypes.toArray(),
    db.relationTypes.toArray(),
    db.actors.toArray(),
    db.links.toArray(),
    db.sets.toArray(),
  ]);
  // The documents not stored are the bundled ones (keys only, no row read).
  const own = new Set(stored.map(String));
  const bundled = new Set([...documents.keys()].filter((id) => !own.has(id)));
  const incoming = qdpxIncoming(project, { documents, bundled, tagTypes, relationTypes }, now);
  // What the library has already (by id) is not added again.
  const linkIds = new Set(links.map((l) => l.id));
  const setIds = new Set(sets.map((s) => s.id));
  const actorIds = new Set(actors.map((a) => a.id));
  incoming.links = incoming.links.filter((l) => !linkIds.has(l.id));
  incoming.sets = incoming.sets.filter((s) => !setIds.has(s.id));
  // An actor of the library's by id is kept as it is (a project carries
  // no time to tell the newer); any other is planned against the
  // library's names, so an actor the library knows by a name gains the
  // project's other names rather than being dropped, and no two actors
  // claim one name.
  const actorPlan = planActors(
    incoming.actors.filter((a) => !actorIds.has(a.id)),
    new Map(actors.map((a) => [a.id, a])),
  );
  const withNew = await documentsOf(source, incoming.batch);
  for (const d of incoming.newDocuments) withNew.set(d.id, d);
  const existing = await rows.findByIds(
    db,
    incoming.batch.annotations.map((a) => a.id),
  );
  // A project names an actor by its canonical name, where the library's
  // annotation may name it by an alias: the same name all the same.
  const index = new ActorIndex(actors);
  const plan = planImport(incoming.batch, withNew, { annotations: existing, tagTypes, resolveActor: (name) => index.resolve(name) });
  const counts = {
    documents: incoming.newDocuments.length,
    links: incoming.links.length,
    actors: actorPlan.add.length,
    sets: incoming.sets.length,
    relationTypes: incoming.relationTypes.length,
  };
  return { incoming, plan, actors: actorPlan, counts, existing };
}
