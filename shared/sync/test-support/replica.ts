import * as Y from 'yjs';
import type { Annotation } from '../../annotation/model';
import { readLibrary, writeChanges } from '../mapping';
import { type Author, type SharedAnnotation, type SharedLibrary, emptySharedLibrary } from '../model';

/// One machine of a shared project, as the app's binding runs it: a store
/// (`library`), the Y.Doc, and the library last synced between them.
/// Updates it makes are queued for `deliver` to carry, in any order.
export class Replica {
  readonly doc = new Y.Doc();
  library: SharedLibrary = emptySharedLibrary();
  private base: SharedLibrary = emptySharedLibrary();
  readonly outbox: Uint8Array[] = [];
  private clock = 0;

  constructor(readonly author: Author) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'remote') this.outbox.push(update);
    });
  }

  /// Changes the store as `change` says, writes the change to the doc, and
  /// the store follows the doc.
  change(change: (library: SharedLibrary) => void): void {
    const next = structuredClone(this.library);
    change(next);
    writeChanges(this.doc, this.base, next, { by: this.author, at: this.time() }, 'local');
    // The store then takes back what the doc added: who made and changed it.
    this.library = readLibrary(this.doc);
    this.base = structuredClone(this.library);
  }

  /// Takes another machine's update, and the store follows the doc.
  receive(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, 'remote');
    this.library = readLibrary(this.doc);
    this.base = structuredClone(this.library);
  }

  private time(): string {
    return new Date(Date.UTC(2026, 11, 3, 10, 0, this.clock++)).toISOString();
  }
}

/// A bare annotation of `documentId` at [start, start + 5), tagged `tags`.
export function passage(id: string, documentId: string, start: number, tags: string[] = ['claim'], note = ''): SharedAnnotation {
  const annotation: Annotation = {
    id,
    documentId,
    quote: { type: 'TextQuoteSelector', exact: 'words', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start, end: start + 5 },
    tags,
    actor: null,
    note,
    created: '2026-12-03T10:00:00.000Z',
    modified: '2026-12-03T10:00:00.000Z',
  };
  return { ...annotation, createdBy: null, modifiedBy: null, keptAfterDelete: null };
}

/// Carries every queued update from each replica to every other.
export function exchange(replicas: readonly Replica[]): void {
  for (const from of replicas) {
    const updates = from.outbox.splice(0);
    for (const to of replicas) if (to !== from) for (const update of updates) to.receive(update);
  }
}
