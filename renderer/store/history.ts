import type { Actor } from '../../shared/actors/model';
import type { Annotation } from '../../shared/annotation/model';
import type { AnnotationSet } from '../../shared/sets/model';
import type { LinkRow, ReviewRow } from './db';
import type { RemovedDocument } from './documents';
import type { TypeItem, TypeTable } from './type-list';

/// One write of an annotation or of a link between two. An annotation's
/// delete names the document too: that is where its chunk is found.
export type Change =
  | { type: 'put'; annotation: Annotation }
  | { type: 'delete'; id: string; documentId: string }
  | { type: 'put-link'; link: LinkRow }
  | { type: 'delete-link'; id: string }
  /// An entry of a revision's review list: put back, or taken off once the
  /// annotation it names was looked at (re-attached).
  | { type: 'put-review'; review: ReviewRow }
  | { type: 'delete-review'; annotationId: string }
  /// Annotations put back into the sets that held them, each where it was
  /// in `sets` (the sets as they were before the deletion).
  | { type: 'put-set-places'; annotationIds: string[]; sets: AnnotationSet[] }
  /// A document deleted with everything on it, and put back: both changes
  /// of the step share `removed`, which the deletion fills with what it
  /// took each time it runs (redo takes the library as it is then).
  | { type: 'delete-document'; documentId: string; removed: { value: RemovedDocument | null } }
  | { type: 'restore-document'; documentId: string; removed: { value: RemovedDocument | null } }
  /// Actors written as they are in `put`, and those named in `delete`
  /// taken away: an actor's creation, rename, names, merge or deletion.
  | { type: 'put-actors'; put: Actor[]; delete: string[] }
  /// A tag or relation type taken out of its list, and put back at the
  /// place it stood: a type's deletion, and its undo. The list is numbered
  /// again each time, taking the other types as they are then.
  | { type: 'remove-type'; table: TypeTable; id: string }
  | { type: 'insert-type'; table: TypeTable; item: TypeItem; at: number };

/// An undoable step: the changes that made it and those that take it back.
export interface Step {
  label: string;
  redo: Change[];
  undo: Change[];
}

/// The undo and redo stacks of annotation (and actor and type) changes. Pure: the store applies
/// the changes a step names.
export class History {
  private done: Step[] = [];
  private undone: Step[] = [];

  constructor(private readonly limit = 500) {}

  /// Records a step just carried out; it clears what could be redone.
  record(step: Step): void {
    this.done.push(step);
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
  }

  /// Takes the last step off the undo stack; the caller applies its `undo`.
  undo(): Step | null {
    const step = this.done.pop();
    if (!step) return null;
    this.undone.push(step);
    return step;
  }

  /// Takes the last undone step back; the caller applies its `redo`.
  redo(): Step | null {
    const step = this.undone.pop();
    if (!step) return null;
    this.done.push(step);
    return step;
  }

  /// Puts a step back after applying it failed, so the stacks stay true.
  restore(step: Step, direction: 'undo' | 'redo'): void {
    if (direction === 'undo') this.done.push(this.undone.pop() ?? step);
    else this.undone.push(this.done.pop() ?? step);
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  clear(): void {
    this.done = [];
    this.undone = [];
  }

  /// Drops the steps that touch what a colleague just changed (a shared
  /// project's change written into the store). Such a step's undo would
  /// put back an annotation, link or set as it was here, over the
  /// colleague's change, without a word. Steps touching nothing of it stay:
  /// they name other rows, so undoing them still finds what they left.
  /// A type changed elsewhere clears the history: a step here may name it
  /// on an annotation or a link.
  forget(changed: Changed): void {
    if ((changed.tagTypes?.size ?? 0) > 0 || (changed.relationTypes?.size ?? 0) > 0) {
      this.clear();
      return;
    }
    const keep = (step: Step) => ![...step.redo, ...step.undo].some((change) => touches(change, changed));
    this.done = this.done.filter(keep);
    this.undone = this.undone.filter(keep);
  }
}

/// Rows changed elsewhere, by kind and id (`History.forget`).
export type Changed = Partial<Record<'annotations' | 'links' | 'sets' | 'documents' | 'tagTypes' | 'relationTypes' | 'actors', ReadonlySet<string>>>;

// Whether a change names a row in `changed`. A link names its two ends
// too: putting it back over an end deleted elsewhere would leave it
// pointing at nothing.
function touches(change: Change, changed: Changed): boolean {
  const annotation = (id: string) => changed.annotations?.has(id) ?? false;
  switch (change.type) {
    case 'put':
      return annotation(change.annotation.id);
    case 'delete':
      return annotation(change.id);
    case 'put-link':
      return (changed.links?.has(change.link.id) ?? false) || annotation(change.link.from) || annotation(change.link.to);
    case 'delete-link':
      return changed.links?.has(change.id) ?? false;
    case 'put-review':
      return annotation(change.review.annotationId);
    case 'delete-review':
      return annotation(change.annotationId);
    case 'put-set-places':
      return change.annotationIds.some(annotation) || change.sets.some((set) => changed.sets?.has(set.id));
    case 'delete-document':
    case 'restore-document':
      return changed.documents?.has(change.documentId) ?? false;
    case 'put-actors':
      return [...change.put.map((a) => a.id), ...change.delete].some((id) => changed.actors?.has(id) ?? false);
    case 'remove-type':
      return changed[change.table]?.has(change.id) ?? false;
    case 'insert-type':
      return changed[change.table]?.has(change.item.id) ?? false;
  }
}
