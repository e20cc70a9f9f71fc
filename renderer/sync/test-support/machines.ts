import * as Y from 'yjs';
import { AnnotationStore } from '../../store/annotations';
import { PalimpsestDb } from '../../store/db';
import { TagTypeStore } from '../../store/tag-types';
import { type BindingOptions, SyncBinding } from '../binding';

/// Machines sharing a project in one test: each its own IndexedDB
/// library, Y.Doc and binding, their docs wired as a connected server
/// would pass updates.

let n = 0;

/// One machine: its own IndexedDB library, Y.Doc and binding, and what
/// the binding reported.
export function machine(name: string, options: BindingOptions = {}): Machine {
  const db = new PalimpsestDb(`sync-binding-${++n}`);
  const doc = new Y.Doc();
  const reports = { written: [] as string[], localOnly: -1 };
  const binding = new SyncBinding(db, doc, () => ({ id: `machine-${name}`, name }), undefined, {
    ...options,
    onWritten: (items) => reports.written.push(...items),
    onLocalOnly: (count) => (reports.localOnly = count),
  });
  const made: Machine = { db, doc, binding, reports, annotations: new AnnotationStore(db), tagTypes: new TagTypeStore(db) };
  opened.push(made);
  return made;
}

/// A machine of the test's.
export interface Machine {
  db: PalimpsestDb;
  doc: Y.Doc;
  binding: SyncBinding;
  reports: { written: string[]; localOnly: number };
  annotations: AnnotationStore;
  tagTypes: TagTypeStore;
}
const opened: Machine[] = [];

/// Stops and deletes every machine made since the last call: each test
/// file's `afterEach`.
export async function closeMachines(): Promise<void> {
  for (const m of opened.splice(0)) {
    m.binding.stop();
    m.db.close();
    await m.db.delete();
  }
}

/// Two machines whose docs pass every update to each other at once, as a
/// connected server would.
export async function pair(bOptions: BindingOptions = {}): Promise<[Machine, Machine]> {
  const a = machine('Ana');
  const b = machine('Ben', bOptions);
  a.doc.on('update', (update: Uint8Array, origin: unknown) => origin !== 'wire' && Y.applyUpdate(b.doc, update, 'wire'));
  b.doc.on('update', (update: Uint8Array, origin: unknown) => origin !== 'wire' && Y.applyUpdate(a.doc, update, 'wire'));
  await a.binding.start();
  await b.binding.start();
  return [a, b];
}

/// Until every change made so far has gone round all of `machines`.
export async function settle(...machines: Machine[]): Promise<void> {
  for (let round = 0; round < 3; round++) for (const m of machines) await m.binding.settled();
}
