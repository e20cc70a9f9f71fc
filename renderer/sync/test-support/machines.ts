import * as Y from 'yjs';
import { AnnotationStore } from '../../store/annotations';
import { PalimpsestDb } from '../../store/db';
import { TagTypeStore } from '../../store/tag-types';
import { type BindingOptions, SyncBinding } from '../binding';
import { type Carried, memoryCarried } from '../carried';
import { Journal, type MarkStorage, memoryStorage } from '../journal';

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
  const storage = memoryStorage();
  const made: Machine = {
    db,
    doc,
    binding: null as unknown as SyncBinding,
    reports,
    annotations: new AnnotationStore(db),
    tagTypes: new TagTypeStore(db),
    storage,
    carried: memoryCarried(),
    options: {
      ...options,
      onWritten: (items) => reports.written.push(...items),
      onLocalOnly: (count) => (reports.localOnly = count),
      // As the app does: a colleague's change takes the undo steps over it.
      onArrived: (ids) => made.annotations.history.forget(ids),
    },
    name,
  };
  made.binding = bindingOf(made);
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
  /// Where the machine's journal keeps its marks: what a relaunch reads.
  storage: MarkStorage;
  /// Where the machine keeps its base's ids beside its project copy.
  carried: Carried;
  options: BindingOptions;
  name: string;
}

// A binding for `m`, with a journal read from its storage, as a launch makes one.
function bindingOf(m: Machine): SyncBinding {
  const journal = new Journal(m.storage, 'palimpsest.sync.journal.test');
  return new SyncBinding(m.db, m.doc, () => ({ id: `machine-${m.name}`, name: m.name }), undefined, { ...m.options, journal, carried: m.carried });
}

/// The app on `m` killed, as by a crash or a closed tab: the binding
/// stops, no round trip runs, nothing is settled. Updates from the
/// server still reach its project copy (kept on disk by then).
export function kill(m: Machine): void {
  m.binding.stop();
}

/// `m` opened again after `kill` (or a quit): a new binding on the same
/// library, project copy, journal and kept base ids, resuming the project.
export async function relaunch(m: Machine): Promise<void> {
  m.binding.stop();
  m.binding = bindingOf(m);
  await m.binding.start(true);
}
const opened: Machine[] = [];

/// Stops and deletes every machine made since the last call: each test
/// file's `afterEach`.
export async function closeMachines(): Promise<void> {
  wire.connected = true;
  wire.waiting.length = 0;
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
  const send = (to: Machine) => (update: Uint8Array, origin: unknown) => {
    if (origin === 'wire') return;
    if (wire.connected) Y.applyUpdate(to.doc, update, 'wire');
    else wire.waiting.push([to, update]);
  };
  a.doc.on('update', send(b));
  b.doc.on('update', send(a));
  await a.binding.start();
  await b.binding.start();
  return [a, b];
}

// The pair's server connection: cut by `offline`, updates wait their turn.
const wire = { connected: true, waiting: [] as [Machine, Uint8Array][] };

/// Cuts both machines of `pair` off the server: each keeps working on its
/// own, and their updates are exchanged, in order, on `reconnect`.
export function offline(): { reconnect(): void } {
  wire.connected = false;
  return {
    reconnect() {
      wire.connected = true;
      for (const [to, update] of wire.waiting.splice(0)) Y.applyUpdate(to.doc, update, 'wire');
    },
  };
}

/// Until every change made so far has gone round all of `machines`.
export async function settle(...machines: Machine[]): Promise<void> {
  for (let round = 0; round < 3; round++) for (const m of machines) await m.binding.settled();
}
