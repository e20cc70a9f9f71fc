import { z } from 'zod';
import { documentOpenedRequest } from '../shared/ipc/api';

/// How many documents the File menu's "Open recent" lists.
export const recentKept = 10;

/// The recent documents as stored (recent-documents.json in userData).
export const recentSchema = z.array(documentOpenedRequest).max(recentKept);
export type RecentDocument = z.infer<typeof recentSchema>[number];

/// The list with `opened` first, once, and the oldest beyond `recentKept`
/// dropped.
export function withOpened(recent: readonly RecentDocument[], opened: RecentDocument): RecentDocument[] {
  return [opened, ...recent.filter((d) => d.id !== opened.id)].slice(0, recentKept);
}

/// The label of a recent document in the menu: its title, shortened, with
/// "&" doubled so Windows and Linux do not read it as a mnemonic.
export function recentLabel(document: RecentDocument): string {
  const title = document.title.length > 60 ? `${document.title.slice(0, 59)}…` : document.title;
  return title.replace(/&/g, '&&');
}
