import { z } from 'zod';
import { backupNamePattern, backupTimePattern } from './backup-names';
import type { BackupInfo, MenuCommand, OpenedBinaryFile, OpenedFile, Reply } from './contract';
import type { Method } from './methods';

/// The calls the renderer makes to the Electron main process, as one map
/// `{ method: { request: zod schema, reply: type } }`. Main registers a
/// handler for each by mapping over it and parses every request with its
/// schema before the handler runs; the preload's bridge is typed by it. A
/// page that was somehow taken over can send anything: nothing it sends is
/// trusted before it has been parsed here.

// Generous bounds: no dialog title, filter or file name the app makes comes
// near them, and nothing larger reaches a native dialog.
const title = z.string().max(300);
const fileFilter = z.strictObject({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^(\*|[A-Za-z0-9]{1,16})$/, 'must be an extension such as “json”'))
    .min(1)
    .max(32),
});
const filters = z.array(fileFilter).max(16);

/// A file name proposed in a save dialog: a name, never a path, so the
/// dialog opens where the user saved last, not in a folder the page chose.
export const fileName = z
  .string()
  .min(1)
  .max(255)
  .refine((name) => !/[/\\\u0000-\u001f]/.test(name) && name !== '.' && name !== '..', 'must be a file name, without folders or control characters');

/// Asks for a file to open.
export const openFileRequest = z.strictObject({ title, filters });

/// Asks to save content under a name the user confirms.
export const saveFileRequest = z.strictObject({
  title,
  defaultName: fileName,
  filters,
  content: z.union([z.string(), z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'must be text or bytes')]),
});

/// A backup to write: its time and count name the file, so both are checked
/// to be exactly that, a time and a count.
export const writeBackupRequest = z.strictObject({
  content: z.string(),
  annotations: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  created: z.string().regex(backupTimePattern, 'must be an ISO time such as 2026-11-22T14:31:00.000Z'),
  /// For an increment, the full backup it builds on.
  base: z.string().max(140).regex(backupNamePattern, 'must be the name of a backup').optional(),
});

/// A backup to read, by its file name.
export const backupId = z.string().max(140).regex(backupNamePattern, 'must be the name of a backup');

/// The page to print to a PDF, and the name the save dialog proposes.
export const printRequest = z.strictObject({ defaultName: fileName });

/// The document the reader opened, for the File menu's recent documents.
export const documentOpenedRequest = z.strictObject({ id: z.string().min(1).max(200), title: z.string().min(1).max(500) });

// A method: its request schema, and its reply type (carried for TypeScript
// only; replies come from main, which is trusted).
const call =
  <Res>() =>
  <Req extends z.ZodType>(request: Req) => ({ request, reply: undefined as unknown as Res });

export const api = {
  openFile: call<OpenedFile | null>()(openFileRequest),
  /// Several files of any kind, read as bytes (documents to import).
  openFiles: call<OpenedBinaryFile[] | null>()(openFileRequest),
  /// The path written, or `null` when the user cancelled.
  saveFile: call<string | null>()(saveFileRequest),
  listBackups: call<BackupInfo[]>()(z.undefined()),
  writeBackup: call<BackupInfo>()(writeBackupRequest),
  readBackup: call<string>()(backupId),
  /// The path of the PDF written, or `null` when the user cancelled.
  print: call<string | null>()(printRequest),
  documentOpened: call<null>()(documentOpenedRequest),
};
export type Api = typeof api;

// The preload's list of methods and this map have the same keys.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const methodsMatchApi: Same<keyof Api, Method> = true;

export type RequestOf<M extends Method> = z.input<Api[M]['request']>;
export type ReplyOf<M extends Method> = Api[M]['reply'];

/// The bridge's calls: one per method, taking nothing when its request is
/// `undefined`.
export type Invokers = {
  [M in Method]: [RequestOf<M>] extends [undefined] ? () => Promise<Reply<ReplyOf<M>>> : (request: RequestOf<M>) => Promise<Reply<ReplyOf<M>>>;
};

/// What the preload exposes on `window.palimpsest`: the API's calls, and the
/// two messages main sends.
export interface HostBridge extends Invokers {
  /// Subscribes to menu commands; returns the unsubscribe function. An
  /// 'open-document' command carries the document's id.
  onMenuCommand(listener: (command: MenuCommand, documentId?: string) => void): () => void;
  /// Calls `flush` when the app is about to close, and closes once it settles.
  onBeforeQuit(flush: () => Promise<void>): () => void;
}

/// Parses a request for `method`; a refusal names the field and what is
/// wrong with it, in a sentence.
export function parseRequest<M extends Method>(method: M, request: unknown): z.output<Api[M]['request']> {
  const parsed = api[method].request.safeParse(request);
  if (parsed.success) return parsed.data as z.output<Api[M]['request']>;
  const issue = parsed.error.issues[0]!;
  const where = issue.path.length ? issue.path.map(String).join('.') : 'the request';
  const what = issue.message.replace(/^Invalid input: /, '').replace(/\.$/, '');
  throw new RequestRefused(`Palimpsest refused a malformed ${method} request: ${where}: ${what}.`, issue.path.map(String));
}

/// A request from the page that its schema refused.
export class RequestRefused extends Error {
  override name = 'RequestRefused';
  constructor(
    message: string,
    /// Where in the request the first problem is.
    readonly path: string[],
  ) {
    super(message);
  }
}
