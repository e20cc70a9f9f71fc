import { describePassage } from '../../shared/anchoring/selectors';
import type { Annotation } from '../../shared/annotation/model';
import type { LibraryDocument } from '../../shared/corpus/document';
import * as rows from './annotation-rows';
import { validateLink } from '../../shared/links/validate';
import { setsAfterDeleting } from '../../shared/sets/after-deleting';
import type { LinkRow, PalimpsestDb } from './db';
import { type Change, History, type Step } from './history';
import { type RemovedDocument, documentTables, putSetPlaces, restoreDocument, takeDocument } from './documents';
import { allLinks, linksOf, linksOfDocument } from './links';
import { insertType, removeType } from './type-list';
import {
  type ColumnsUpdate,
  type TableContext,
  type TableSources,
  loadTableContext,
  loadTableSources,
  readChunkTexts,
  readTableLead,
  watchColumns,
} from './table-rows';
import type { ChunkText } from '../../shared/table/texts';
import type { DocumentColumns } from '../../shared/table/document-columns';
import type { DateSpan } from '../../shared/corpus/dates';
import { storageProblem } from './errors';
import { InvalidInput } from '../../shared/errors';

/// A link between two annotations, as this store makes and lists them.
export type { LinkRow };

/// The fields of an annotation a researcher edits in place.
export type AnnotationEdit = Partial<Pick<Annotation, 'tags' | 'actor' | 'note'>>;

/// Annotation writes, each one an undoable step. Every write is one Dexie
/// transaction, so a step is stored whole or not at all; and the writes take
/// turns, so each reads what the one before it stored.
export class AnnotationStore {
  readonly history = new History();
  // The last write begun. An edit reads the stored annotation, then writes
  // it changed: two at once (a note committed on blur, a tag chosen next)
  // would both start from the same row, and the second would put back what
  // the first had changed.
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: PalimpsestDb,
    private readonly now: () => Date = () => new Date(),
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  /// Creates an annotation on the passage `[start, end)` of a document.
  create(document: LibraryDocument, start: number, end: number, fields: AnnotationEdit = {}): Promise<Annotation> {
    return this.inTurn(async () => {
      const time = this.now().toISOString();
      const { quote, position } = describePassage(document.text.text, start, end);
      const annotation: Annotation = {
        id: this.newId(),
        documentId: document.id,
        quote,
        position,
        tags: fields.tags ?? [],
        actor: fields.actor ?? null,
        note: fields.note ?? '',
        created: time,
        modified: time,
      };
      await this.perform({
        label: 'Create annotation',
        redo: [{ type: 'put', annotation }],
        undo: [{ type: 'delete', id: annotation.id, documentId: annotation.documentId }],
      });
      return annotation;
    });
  }

  /// Changes tags, actor or note of an annotation (named by its id and
  /// document: the stored annotation itself will do).
  update(target: rows.AnnotationRef, edit: AnnotationEdit): Promise<Annotation> {
    return this.inTurn(async () => {
      const before = await rows.get(this.db, target.documentId, target.id);
      if (!before) throw new InvalidInput('$', `There is no annotation ${target.id} to change; it may have been deleted.`);
      const after: Annotation = { ...before, ...edit, modified: this.now().toISOString() };
      await this.perform({ label: 'Edit annotation', redo: [{ type: 'put', annotation: after }], undo: [{ type: 'put', annotation: before }] });
      return after;
    });
  }

  /// Deletes an annotation and the links to and from it; one already gone
  /// is passed over. Undo brings the links back with it.
  delete(target: rows.AnnotationRef): Promise<void> {
    return this.inTurn(async () => {
      const before = await rows.get(this.db, target.documentId, target.id);
      if (!before) return;
      const links = await linksOf(this.db, before.id);
      // The sets that hold it, as they are: undo puts it back in its place.
      const sets = (await this.db.sets.toArray()).filter((set) => set.annotationIds.includes(before.id));
      await this.perform({
        label: 'Delete annotation',
        redo: [...links.map((link): Change => ({ type: 'delete-link', id: link.id })), { type: 'delete', id: before.id, documentId: before.documentId }],
        undo: [
          { type: 'put', annotation: before },
          ...links.map((link): Change => ({ type: 'put-link', link })),
          ...(sets.length ? [{ type: 'put-set-places' as const, annotationIds: [before.id], sets }] : []),
        ],
      });
    });
  }

  /// Links two annotations ("`from` supports `to`"), as an undoable step.
  /// Throws an InvalidInput for a link from a passage to itself, an unknown
  /// relation or one the two passages already have.
  link(from: Annotation, to: Annotation, relation: string, note = ''): Promise<LinkRow> {
    return this.inTurn(async () => {
      const time = this.now().toISOString();
      const link: LinkRow = {
        id: this.newId(),
        from: from.id,
        to: to.id,
        fromDocument: from.documentId,
        toDocument: to.documentId,
        relation,
        note,
        created: time,
        modified: time,
      };
      validateLink(link, await this.db.links.where('from').anyOf(from.id, to.id).toArray(), await this.db.relationTypes.toArray());
      await this.perform({ label: 'Link passages', redo: [{ type: 'put-link', link }], undo: [{ type: 'delete-link', id: link.id }] });
      return link;
    });
  }

  /// Changes a link's relation or note.
  updateLink(id: string, edit: Partial<Pick<LinkRow, 'relation' | 'note'>>): Promise<LinkRow> {
    return this.inTurn(async () => {
      const before = await this.db.links.get(id);
      if (!before) throw new InvalidInput('$', `There is no link ${id} to change; it may have been deleted.`);
      const after: LinkRow = { ...before, ...edit, modified: this.now().toISOString() };
      if (edit.relation && edit.relation !== before.relation)
        validateLink(after, await this.db.links.where('from').anyOf(before.from, before.to).toArray(), await this.db.relationTypes.toArray());
      await this.perform({ label: 'Edit link', redo: [{ type: 'put-link', link: after }], undo: [{ type: 'put-link', link: before }] });
      return after;
    });
  }

  /// Deletes a link; the passages it joined stay.
  unlink(id: string): Promise<void> {
    return this.inTurn(async () => {
      const before = await this.db.links.get(id);
      if (!before) return;
      await this.perform({ label: 'Delete link', redo: [{ type: 'delete-link', id }], undo: [{ type: 'put-link', link: before }] });
    });
  }

  /// Re-attaches an annotation a revision orphaned (or moved) to the passage
  /// `[start, end)` of its document's current text, and takes it off the
  /// review list, as one undoable step: undo puts it back where it was
  /// and on the list again.
  reattach(annotation: Annotation, document: LibraryDocument, start: number, end: number): Promise<Annotation> {
    return this.inTurn(async () => {
      const before = await rows.get(this.db, annotation.documentId, annotation.id);
      if (!before) throw new RangeError(`There is no annotation ${annotation.id} to re-attach; it may have been deleted.`);
      const review = await this.db.reviews.get(annotation.id);
      const after: Annotation = { ...before, ...describePassage(document.text.text, start, end), modified: this.now().toISOString() };
      await this.perform({
        label: 'Re-attach annotation',
        redo: [{ type: 'put', annotation: after }, ...(review ? [{ type: 'delete-review' as const, annotationId: annotation.id }] : [])],
        undo: [{ type: 'put', annotation: before }, ...(review ? [{ type: 'put-review' as const, review }] : [])],
      });
      return after;
    });
  }

  /// Reads only this document's chunks, so edits elsewhere do not wake a
  /// query that calls it.
  ofDocument(documentId: string): Promise<Annotation[]> {
    return rows.ofDocument(this.db, documentId);
  }

  /// Every annotation of the library.
  all(): Promise<Annotation[]> {
    return rows.all(this.db);
  }

  /// The annotations named, each looked up in its document's chunk.
  getMany(refs: readonly rows.AnnotationRef[]): Promise<(Annotation | undefined)[]> {
    return rows.getMany(this.db, refs);
  }

  /// The annotations with these ids, wherever they are.
  findByIds(ids: Iterable<string>): Promise<Map<string, Annotation>> {
    return rows.findByIds(this.db, ids);
  }

  /// How many annotations each document holds.
  countsByDocument(): Promise<Map<string, number>> {
    return rows.countsByDocument(this.db);
  }

  /// Every actor name tagged on a passage.
  taggedNames(): Promise<string[]> {
    return rows.actors(this.db);
  }

  /// How many passages each tagged actor name is on.
  actorNameCounts(): Promise<Map<string, number>> {
    return rows.actorNameCounts(this.db);
  }

  /// The links with an end in a document.
  linksOfDocument(documentId: string): Promise<LinkRow[]> {
    return linksOfDocument(this.db, documentId);
  }

  /// Every link of the library.
  allLinks(): Promise<LinkRow[]> {
    return allLinks(this.db);
  }

  /// What the "All annotations" table is built from.
  tableSources(): Promise<TableSources> {
    return loadTableSources(this.db);
  }

  /// What the table shows beside its rows (links, sets, actors, types).
  tableContext(): Promise<TableContext> {
    return loadTableContext(this.db);
  }

  /// Follows the table's stored documents' records: all at first, then
  /// those of the documents each write changed (table-rows.ts `watchColumns`).
  watchTableColumns(onUpdate: (update: ColumnsUpdate) => void, onError: (error: unknown) => void): () => void {
    return watchColumns(this.db, onUpdate, onError);
  }

  /// The table's first rows by date, read apart from the rest (table-rows.ts
  /// `readTableLead`), and how many annotations there are.
  tableLead(dateOf: (documentId: string) => DateSpan | null | undefined, rows: number): Promise<{ runs: DocumentColumns[]; total: number }> {
    return readTableLead(this.db, dateOf, rows);
  }

  /// The quotes and notes of stored chunks, for the table's rows drawn.
  tableTexts(keys: readonly string[]): Promise<(ChunkText | undefined)[]> {
    return readChunkTexts(this.db, keys);
  }

  /// Deletes an imported document with its annotations, their links and
  /// places in sets, its revisions and review list, as one undoable step:
  /// undo puts it all back. Resolves to the number of annotations deleted.
  deleteDocument(documentId: string): Promise<number> {
    return this.inTurn(async () => {
      if (!(await this.db.documents.get(documentId)))
        throw new InvalidInput('$', `Only documents you imported can be deleted; “${documentId}” came with the app.`);
      const removed: { value: RemovedDocument | null } = { value: null };
      await this.perform({
        label: 'Delete document',
        redo: [{ type: 'delete-document', documentId, removed }],
        undo: [{ type: 'restore-document', documentId, removed }],
      });
      return removed.value?.annotations.length ?? 0;
    });
  }

  /// Undoes the last step; resolves to it, or `null` when there is none.
  undo(): Promise<Step | null> {
    return this.inTurn(() => this.travel('undo'));
  }

  /// Redoes the last undone step; resolves to it, or `null` when there is none.
  redo(): Promise<Step | null> {
    return this.inTurn(() => this.travel('redo'));
  }

  private async travel(direction: 'undo' | 'redo'): Promise<Step | null> {
    const step = direction === 'undo' ? this.history.undo() : this.history.redo();
    if (!step) return null;
    try {
      await this.apply(direction === 'undo' ? step.undo : step.redo);
    } catch (error) {
      // The write failed, so the step did not happen: put it back.
      this.history.restore(step, direction);
      throw error;
    }
    return step;
  }

  /// Runs `work` once every write begun before it has ended, failed or not.
  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const result = this.turn.then(work, work);
    this.turn = result.catch(() => undefined);
    return result;
  }

  /// Carries out a step and records it for undo.
  private async perform(step: Step): Promise<void> {
    await this.apply(step.redo);
    this.history.record(step);
  }

  /// Deletes an annotation, and whatever else still names it: a set may
  /// have gathered it, or a link been made to it, after the step that
  /// created it, which undo now takes back.
  private async remove(change: Extract<Change, { type: 'delete' }>): Promise<void> {
    await rows.remove(this.db, [change]);
    await this.db.links.where('from').equals(change.id).delete();
    await this.db.links.where('to').equals(change.id).delete();
    await this.db.sets.bulkPut(setsAfterDeleting([change.id], await this.db.sets.toArray(), this.now()));
  }

  private async apply(changes: Change[]): Promise<void> {
    try {
      await this.db.transaction('rw', [...documentTables(this.db), this.db.actors, this.db.tagTypes, this.db.relationTypes], async () => {
        for (const change of changes) {
          if (change.type === 'put') await rows.put(this.db, [change.annotation]);
          else if (change.type === 'delete') await this.remove(change);
          else if (change.type === 'put-link') await this.db.links.put(change.link);
          else if (change.type === 'delete-link') await this.db.links.delete(change.id);
          else if (change.type === 'put-review') await this.db.reviews.put(change.review);
          else if (change.type === 'delete-review') await this.db.reviews.delete(change.annotationId);
          else if (change.type === 'put-set-places') await putSetPlaces(this.db, new Set(change.annotationIds), change.sets);
          else if (change.type === 'delete-document') change.removed.value = await takeDocument(this.db, change.documentId, this.now());
          else if (change.type === 'put-actors') {
            await this.db.actors.bulkDelete(change.delete);
            await this.db.actors.bulkPut(change.put);
          } else if (change.type === 'remove-type') await removeType(this.db, change.table, change.id);
          else if (change.type === 'insert-type') await insertType(this.db, change.table, change.item, change.at);
          else {
            if (!change.removed.value) throw new RangeError(`The deletion of “${change.documentId}” was never carried out, so there is nothing to put back.`);
            await restoreDocument(this.db, change.removed.value);
          }
        }
      });
    } catch (error) {
      // A full disk aborts the transaction: nothing of the step is stored.
      throw new Error(storageProblem(error));
    }
  }
}
