import { expect, test } from '@playwright/test';
import { strToU8, zipSync } from 'fflate';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openLibrary, screenshotDir, chooseImport } from './support';

// A project from another tool with a top code and a set named "" and an
// empty inverse: before the fix it imported without a word and every
// backup after it was refused at restore.
const guid = (n: number) => `AAAAAAAA-0000-4000-8000-${String(n).padStart(12, '0')}`;
const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="hostile" origin="Other tool">
<CodeBook><Codes><Code guid="${guid(1)}" name="" isCodable="true" color="#D35400"/></Codes></CodeBook>
<Notes><Note guid="${guid(50)}"><PlainTextContent>see also
Palimpsest relation, read from its target: </PlainTextContent></Note></Notes>
<Sources><TextSource guid="${guid(10)}" name="Interview on the split"><PlainTextContent>In 1961 Hoxha decided alone; nobody in the Politburo was asked. Khrushchev was furious when he heard.</PlainTextContent>
<PlainTextSelection guid="${guid(20)}" startPosition="8" endPosition="27"><Coding guid="${guid(30)}"><CodeRef targetGUID="${guid(1)}"/></Coding></PlainTextSelection>
<PlainTextSelection guid="${guid(21)}" startPosition="64" endPosition="86"><Coding guid="${guid(31)}"><CodeRef targetGUID="${guid(1)}"/></Coding></PlainTextSelection>
</TextSource></Sources>
<Links><Link guid="${guid(40)}" name="explains" direction="OneWay" originGUID="${guid(20)}" targetGUID="${guid(21)}"><NoteRef targetGUID="${guid(50)}"/></Link></Links>
<Sets><Set guid="${guid(60)}" name=""><MemberCode targetGUID="${guid(1)}"/></Set></Sets>
</Project>`;

test('a project with empty names imports under stated names, and the backup after it restores', async ({ page }, testInfo) => {
  const path = testInfo.outputPath('hostile.qdpx');
  writeFileSync(path, zipSync({ 'project.qde': strToU8(qde) }));
  await openLibrary(page);
  const chooser = page.waitForEvent('filechooser');
  await chooseImport(page, 'annotations');
  await (await chooser).setFiles(path);
  const renamed = page.getByTestId('import-skipped');
  await expect(renamed).toContainText('a code without a name is imported as “Untitled code”');
  await expect(renamed).toContainText('a set without a name is imported as “Untitled set”');
  await page.screenshot({ path: join(screenshotDir, 'qdpx-names-preview.png') });
  await page.getByTestId('import-confirm').click();
  await expect(page.getByText(/Imported hostile\.qdpx: 2 annotations/)).toBeVisible();

  // The backup taken after the import opens to a restore preview, not a
  // refusal: read whole, it holds just what the library holds.
  await page.getByTestId('backups').click();
  const dialog = page.getByTestId('backups-dialog');
  await expect(dialog.getByTestId('backup-entry')).toHaveCount(1);
  await dialog.getByTestId('backup-entry').first().click();
  await expect(dialog.getByTestId('restore-preview')).toContainText('holds nothing that differs from your library: its 2 annotations');
  await page.screenshot({ path: join(screenshotDir, 'qdpx-names-backups.png') });
});
