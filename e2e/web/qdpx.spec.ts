import { expect, test } from '@playwright/test';
import { strToU8, zipSync } from 'fflate';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readQdpx } from '../../shared/format/qdpx';
import { hasXmllint, schemaProblems } from '../../shared/format/test-support/xmllint';
import { openLibrary, screenshotDir, chooseImport } from './support';

// A project as QualCoder writes it: one interview transcript, a code tree
// (Politics › Leaders) and a code of its own, two codings with a memo, and
// an emoji early in the text (REFI-QDA counts it as one character).
const text = [
  'Interview 🎙 with a former party secretary, Tirana, May 1994.',
  'In 1961 Hoxha decided alone; nobody in the Politburo was asked. Khrushchev was furious when he heard.',
  'Grain deliveries from the Soviet Union stopped that autumn, and the bread ration was cut.',
].join('\n\n');
const at = (phrase: string) => {
  const start = [...text.slice(0, text.indexOf(phrase))].length;
  return `startPosition="${start}" endPosition="${start + [...phrase].length}"`;
};
const guid = (n: number) => `AAAAAAAA-0000-4000-8000-${String(n).padStart(12, '0')}`;
const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Albania interviews" origin="QualCoder 3.5" creationDateTime="2024-05-01T09:00:00Z">
<CodeBook><Codes>
<Code guid="${guid(1)}" name="Politics" isCodable="true" color="#D35400"><Code guid="${guid(2)}" name="Leaders" isCodable="true" color="#8E44AD"/></Code>
<Code guid="${guid(3)}" name="Shortages" isCodable="true" color="#16A085"/>
</Codes></CodeBook>
<Sources><TextSource guid="${guid(10)}" name="Interview with a party secretary" plainTextPath="internal://${guid(10)}.txt">
<PlainTextSelection guid="${guid(20)}" ${at('Hoxha decided alone')} creationDateTime="2024-05-02T10:00:00Z"><Description>Compare the Czechoslovak memorandum.</Description><Coding guid="${guid(30)}"><CodeRef targetGUID="${guid(2)}"/></Coding></PlainTextSelection>
<PlainTextSelection guid="${guid(21)}" ${at('Grain deliveries from the Soviet Union stopped')} creationDateTime="2024-05-02T10:05:00Z"><Coding guid="${guid(31)}"><CodeRef targetGUID="${guid(3)}"/></Coding></PlainTextSelection>
</TextSource></Sources>
</Project>`;

test('a QualCoder project imports through "Import annotations…" as a document with its highlights', async ({ page }, testInfo) => {
  const path = testInfo.outputPath('albania-interviews.qdpx');
  writeFileSync(path, zipSync({ 'project.qde': strToU8(qde), [`sources/${guid(10)}.txt`]: strToU8(text) }));

  await openLibrary(page);
  const chooser = page.waitForEvent('filechooser');
  await chooseImport(page, 'annotations');
  await (await chooser).setFiles(path);
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText('REFI-QDA project');
  await expect(page.getByTestId('import-counts')).toHaveText(
    /2 new.*0 updated.*0 already here.*2 new tag types: Politics \/ Leaders, Shortages.*1 new document: Interview with a party secretary.*0 cannot be placed/s,
  );
  await page.screenshot({ path: join(screenshotDir, 'qdpx-import-preview.png') });
  await page.getByTestId('import-confirm').click();
  await expect(page.getByText(/Imported albania-interviews\.qdpx: 2 annotations — 2 new.*1 new document/)).toBeVisible();

  // The library lists the new document; it opens with both passages highlighted.
  await expect(page.getByTestId('doc-row')).toHaveCount(6);
  await page.getByTestId('doc-title').filter({ hasText: 'Interview with a party secretary' }).click();
  const reader = page.locator('[data-testid="reader"] .ProseMirror');
  await expect(reader).toBeVisible();
  await expect(reader.locator('.hl', { hasText: 'Hoxha decided alone' })).toHaveCount(1);
  await expect(reader.locator('.hl', { hasText: 'Grain deliveries from the Soviet Union stopped' })).toHaveCount(1);
  await expect(page.getByTestId('annotation-entry')).toHaveCount(2);
  await expect(page.getByTestId('annotation-entry').first()).toContainText('Compare the Czechoslovak memorandum.');
  await page.screenshot({ path: join(screenshotDir, 'qdpx-imported-document.png') });

  // The same file again adds nothing.
  await page.getByTestId('back').click();
  const again = page.waitForEvent('filechooser');
  await chooseImport(page, 'annotations');
  await (await again).setFiles(path);
  await expect(page.getByTestId('import-counts')).toHaveText(/0 new.*0 updated.*2 already here.*0 cannot be placed/s);
  await expect(page.getByTestId('import-kept')).toHaveCount(0);
  await expect(page.getByTestId('import-confirm')).toBeDisabled();
  await page.getByRole('button', { name: 'Cancel' }).click();

  // A memo rewritten here since: the file's older one is not "already
  // here", and the import keeps the library's.
  await page.getByTestId('doc-title').filter({ hasText: 'Interview with a party secretary' }).click();
  const memo = page.getByTestId('annotation-entry').filter({ hasText: 'Hoxha decided alone' }).getByTestId('entry-note');
  await memo.fill('Compare the Czechoslovak memorandum, and the Soviet record.');
  await memo.blur();
  await page.getByTestId('back').click();
  const third = page.waitForEvent('filechooser');
  await chooseImport(page, 'annotations');
  await (await third).setFiles(path);
  await expect(page.getByTestId('import-counts')).toHaveText(/0 new.*0 updated.*1 already here.*1 differing, the library’s copy kept.*0 cannot be placed/s);
  await page.screenshot({ path: join(screenshotDir, 'qdpx-import-kept.png') });
  await expect(page.getByTestId('import-confirm')).toBeDisabled();
  await page.getByRole('button', { name: 'Cancel' }).click();

  // Exported again from the app, the project is valid REFI-QDA and keeps
  // the codes' hierarchy names and the memo as rewritten here.
  await page.getByTestId('export-all').click();
  await page
    .getByTestId('export-dialog')
    .getByLabel(/REFI-QDA/)
    .check();
  const download = page.waitForEvent('download');
  await page.getByTestId('export-confirm').click();
  const saved = testInfo.outputPath('exported.qdpx');
  await (await download).saveAs(saved);
  const project = readQdpx(new Uint8Array(readFileSync(saved)))['project.qde']!;
  expect(project).toContain('name="Politics / Leaders"');
  expect(project).toContain('<Description>Compare the Czechoslovak memorandum, and the Soviet record.</Description>');
  if (hasXmllint()) expect(schemaProblems(project)).toBe('');
});

test('a project saved in UTF-16, as QDA tools on Windows save it, imports; a refusal keeps the file’s name as spelt', async ({ page }, testInfo) => {
  const path = testInfo.outputPath('albania-interviews-utf16.qdpx');
  const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(qde.replace('encoding="utf-8"', 'encoding="UTF-16"'), 'utf16le')]);
  writeFileSync(path, zipSync({ 'project.qde': utf16, [`sources/${guid(10)}.txt`]: strToU8(text) }));
  await openLibrary(page);
  const chooser = page.waitForEvent('filechooser');
  await chooseImport(page, 'annotations');
  await (await chooser).setFiles(path);
  await expect(page.getByTestId('import-counts')).toHaveText(/2 new.*1 new document: Interview with a party secretary.*0 cannot be placed/s);
  await page.screenshot({ path: join(screenshotDir, 'qdpx-utf16-preview.png') });
  await page.getByRole('button', { name: 'Cancel' }).click();

  const empty = testInfo.outputPath('notes.qdpx');
  writeFileSync(empty, zipSync({ 'notes.txt': strToU8('hello') }));
  const again = page.waitForEvent('filechooser');
  await chooseImport(page, 'annotations');
  await (await again).setFiles(empty);
  await expect(
    page.getByText('Import of notes.qdpx failed — nothing was changed. notes.qdpx is not a REFI-QDA project: it has no project.qde inside.'),
  ).toBeVisible();
  await page.screenshot({ path: join(screenshotDir, 'qdpx-refused-name.png') });
});
