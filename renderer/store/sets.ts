import { ActorIndex } from '../../shared/actors/actor-index';
import { anchorAll } from '../../shared/anchoring/anchor-all';
import { describePassage } from '../../shared/anchoring/selectors';
import type { Annotation } from '../../shared/annotation/model';
import type { DocumentInfo } from '../../shared/corpus/document';
import { exportSet } from '../../shared/sets/export';
import { type SetImportPlan, planSetImport } from '../../shared/sets/import-plan';
import type { AnnotationSet } from '../../shared/sets/model';
import { type SetDocument, type SetFile, parseSetFile } from '../../shared/sets/set-file';
import * as rows from './annotation-rows';
import { type Documents, sourceOf } from './document-source';
import type { LinkRow, PalimpsestDb } from './db';
import { storageProblem } from './errors';
import { InvalidInput } from '../../shared/errors';

/// Annotation sets: named gatherings of annotations from any documents,
/// kept, exported and imported as a unit.
export class SetStore {
  constructor(
    private readonly db: PalimpsestDb,
    private readonly now: () => Date = () => new Date(),
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  /// Every set, by name.
  async list(): Promise<AnnotationSet[]> {
    return (await this.db.sets.toArray()).sort((a, b) => a.name.localeCompare(b.name));
  }

  /// A new, empty set. Names are the researcher's handle on a set, so two
  /// sets may not share one.
  async create(name: string, description = ''): Promise<AnnotationSet> {
    const clean = name.trim();
    if (!clean) throw new InvalidInput('$', 'A set needs a name.');
    return this.db.transaction('rw', this.db.sets, async () => {
      await this.refuseTakenName(clean, null);
      const time = this.now().toISOString();
      const set: AnnotationSet = { id: this.newId(), name: clean, description: description.trim(), annotationIds: [], created: time, modified: time };
      await this.db.sets.add(set);
      return set;
    });
  }

  async describe(id: string, fields: { name?: string; description?: string }): Promise<void> {
    await this.db.transaction('rw', this.db.sets, async () => {
      const set = await this.get(id);
      const name = fields.name?.trim() ?? set.name;
      if (!name) throw new InvalidInput('$', 'A set needs a name.');
      await this.refuseTakenName(name, id);
      await this.db.sets.put({ ...set, name, description: fields.description?.trim() ?? set.description, modified: this.now().toISOString() });
    });
  }

  /// Adds annotations to a set, after those it holds; ones already in it
  /// stay where they are. Resolves to how many were added.
  async add(id: string, annotationIds: readonly string[]): Promise<number> {
    return this.db.transaction('rw', this.db.sets, async () => {
      const set = await this.get(id);
      const held = new Set(set.annotationIds);
      const added = [...new Set(annotationIds)].filter((a) => !held.has(a));
      if (added.length) await this.db.sets.put({ ...set, annotationIds: [...set.annotationIds, ...added], modified: this.now().toISOString() });
      return added.length;
    });
  }

  /// Takes annotations out of a set; they stay in the library.
  async remove(id: string, annotationIds: readonly string[]): Promise<number> {
    return this.db.transaction('rw', this.db.sets, async () => {
      const set = await this.get(id);
      const gone = new Set(annotationIds);
      const kept = set.annotationIds.filter((a) => !gone.has(a));
      if (kept.length !== set.annotationIds.length) await this.db.sets.put({ ...set, annotationIds: kept, modified: this.now().toISOString() });
      return set.annotationIds.length - kept.length;
    });
  }

  /// Deletes a set; its annotations stay in the library.
  async delete(id: string): Promise<void> {
    await this.db.sets.delete(id);
  }

  /// The set file of a set: its annotations, the links among them and the
  /// actors, tag and relation types they use. Annotations deleted since they
  /// were added are left out.
  async export(id: string, documents: ReadonlyMap<string, DocumentInfo>, exported = this.now()): Promise<{ file: SetFile; json: string; missing: number }> {
    const set = await this.get(id);
    const found = await rows.findByIds(this.db, set.annotationIds);
    const present = { ...set, annotationIds: set.annotationIds.filter((a) => found.has(a)) };
    const index = new ActorIndex(await this.db.actors.toArray());
    const file = exportSet(present, {
      annotationsById: found,
      links: await this.db.links.where('from').anyOf(present.annotationIds).toArray(),
      tagTypes: await this.db.tagTypes.toArray(),
      relationTypes: await this.db.relationTypes.toArray(),
      resolveActor: (name) => index.resolve(name),
      documents: new Map([...documents.values()].map((d) => [d.id, setDocumentOf(d)])),
      exported,
    });
    return { file, json: `${JSON.stringify(file, null, 2)}\n`, missing: set.annotationIds.length - present.annotationIds.length };
  }

  /// Reads a set file and plans importing it, writing nothing. Throws an
  /// ImportError naming what is wrong with a file that is not valid, and an
  /// InvalidInput for one whose documents the library lacks.
  async previewImport(json: string, library: Documents): Promise<SetImportPreview> {
    const file = parseSetFile(json);
    // Descriptions only; a text is read for a document whose text differs.
    const source = sourceOf(library);
    const documents = await source.infos();
    const ids = file.annotations.map((a) => a.id);
    const actors = await this.db.actors.toArray();
    const index = new ActorIndex(actors);
    const plan = planSetImport(file, {
      sets: new Map((await this.db.sets.toArray()).map((s) => [s.id, s])),
      annotations: await rows.findByIds(this.db, ids),
      links: new Map(
        (
          await this.db.links
            .where('id')
            .anyOf(file.links.map((l) => l.id))
            .toArray()
        ).map((l) => [l.id, l]),
      ),
      actors: new Map(actors.map((a) => [a.id, a])),
      tagTypes: await this.db.tagTypes.toArray(),
      relationTypes: await this.db.relationTypes.toArray(),
      documents,
      resolveActor: (name) => index.resolve(name),
    });
    if (plan.documents.missing.length) {
      throw new InvalidInput(
        '$',
        `This set has passages in ${plan.documents.missing.map((d) => `“${d.title}”`).join(', ')}, which the library does not hold. Add the document first, then import the set; nothing was imported.`,
      );
    }
    // Another transcription of a document: the passages are found again in
    // its text, or the import is refused rather than placed on doubtful text.
    const changed = await source.read(plan.documents.changed.map((d) => d.id));
    const placed: Annotation[] = [];
    const unplaced: Annotation[] = [];
    for (const [documentId, document] of changed) {
      const text = document.text.text;
      const mine = plan.annotations.add.filter((a) => a.documentId === documentId);
      anchorAll(text, mine).forEach((anchor, i) => {
        if (!anchor) return void unplaced.push(mine[i]!);
        placed.push({ ...mine[i]!, ...describePassage(text, anchor.start, anchor.end) });
      });
    }
    if (unplaced.length) {
      throw new InvalidInput(
        '$',
        `${unplaced.length} passage${unplaced.length === 1 ? '' : 's'} of this set could not be found in the library’s text of their document (first: “${unplaced[0]!.quote.exact.slice(0, 60)}”). Nothing was imported.`,
      );
    }
    const byId = new Map(placed.map((a) => [a.id, a]));
    plan.annotations.add = plan.annotations.add.map((a) => byId.get(a.id) ?? a);
    return { file, plan };
  }

  /// Writes what a preview planned, in one transaction: all or nothing.
  async applyImport({ file, plan }: SetImportPreview): Promise<void> {
    // Each link's ends are in the file, or already in the library: those are
    // looked up together, in one pass over the stored annotations.
    const documentOf = new Map(file.annotations.map((a) => [a.id, a.documentId]));
    const elsewhere = plan.links.add.flatMap((link) => [link.from, link.to]).filter((id) => !documentOf.has(id));
    if (elsewhere.length) for (const [id, annotation] of await rows.findByIds(this.db, elsewhere)) documentOf.set(id, annotation.documentId);
    const links: LinkRow[] = plan.links.add.map((link) => {
      const fromDocument = documentOf.get(link.from);
      const toDocument = documentOf.get(link.to);
      if (!fromDocument || !toDocument) throw new InvalidInput('$', `The link “${link.id}” joins a passage the library does not hold; nothing was imported.`);
      return { ...link, fromDocument, toDocument };
    });
    try {
      await this.db.transaction(
        'rw',
        [this.db.sets, this.db.links, this.db.actors, this.db.tagTypes, this.db.relationTypes, ...rows.tables(this.db)],
        async () => {
          const tagCount = await this.db.tagTypes.count();
          const relationCount = await this.db.relationTypes.count();
          await this.db.tagTypes.bulkAdd(plan.tagTypes.add.map((t, i) => ({ ...t, order: tagCount + i })));
          await this.db.relationTypes.bulkAdd(plan.relationTypes.add.map((r, i) => ({ ...r, order: relationCount + i })));
          await this.db.actors.bulkAdd(plan.actors.add);
          await rows.put(this.db, plan.annotations.add);
          await this.db.links.bulkAdd(links);
          await this.db.sets.bulkAdd(plan.set.add);
        },
      );
    } catch (error) {
      throw new Error(storageProblem(error));
    }
  }

  private async get(id: string): Promise<AnnotationSet> {
    const set = await this.db.sets.get(id);
    if (!set) throw new InvalidInput('$', `There is no set ${id}; it may have been deleted.`);
    return set;
  }

  private async refuseTakenName(name: string, except: string | null): Promise<void> {
    const taken = (await this.db.sets.toArray()).find((s) => s.id !== except && s.name.toLowerCase() === name.toLowerCase());
    if (taken) throw new InvalidInput('$', `There is already a set called “${taken.name}”.`);
  }
}

/// A set file read and planned, waiting for confirmation.
export interface SetImportPreview {
  file: SetFile;
  plan: SetImportPlan;
}

function setDocumentOf(document: DocumentInfo): SetDocument {
  return { id: document.id, title: document.meta.title, citation: document.meta.citation, fingerprint: document.fingerprint };
}
