import { type Page, expect, test } from '@playwright/test';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { type RunningServer, scratch, startServer, testKey } from '../../server/test-support/processes';
import { openLibrary } from './support';

/// A real sync server process (server/main.ts, as `npm run server` runs
/// it) on a free port for the spec's tests, its projects in `file` of a
/// scratch folder: started before the first test, stopped after the last,
/// and its folder removed then.
/// Returns the running server, to be asked for once the tests run.
export function syncServer(file: string): () => RunningServer {
  let server: RunningServer | undefined;
  let folder: string | undefined;
  test.beforeAll(async () => {
    folder = scratch();
    server = await startServer({ data: join(folder, file) });
  });
  test.afterAll(async () => {
    await server?.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });
  return () => {
    if (!server) throw new RangeError('The sync server is asked for before the spec started it.');
    return server;
  };
}

/// The sync status in the library's corner.
export const syncStatus = (page: Page) => page.getByTestId('sync-status');

/// Shares `page`'s library as `name`, under `project`, on `server`, as the
/// Share… dialog asks: resolves, once connected, to the two invitation
/// codes (the dialog left open).
export async function shareLibrary(page: Page, server: RunningServer, name: string, project: string): Promise<{ edit: string; read: string }> {
  await openLibrary(page);
  await page.getByTestId('sync-share').click();
  await page.getByTestId('share-name').fill(name);
  await page.getByTestId('share-project').fill(project);
  await page.getByTestId('share-server').fill(server.url);
  await page.getByTestId('share-key').fill(testKey);
  await page.getByTestId('share-confirm').click();
  const edit = await page.getByTestId('invite-edit').inputValue();
  const read = await page.getByTestId('invite-read').inputValue();
  await expect(syncStatus(page)).toHaveAttribute('data-status', 'connected');
  return { edit, read };
}

/// Joins the project of invitation `code` from `page`'s library as `name`,
/// through the Join… dialog, until connected.
export async function joinProject(page: Page, code: string, name: string): Promise<void> {
  await openLibrary(page);
  await page.getByTestId('sync-join').click();
  await page.getByTestId('join-code').fill(code);
  await page.getByTestId('join-name').fill(name);
  await page.getByTestId('join-confirm').click();
  await expect(syncStatus(page)).toHaveAttribute('data-status', 'connected');
}
