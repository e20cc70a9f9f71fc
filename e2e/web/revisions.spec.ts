import { expect, test } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeLegacy } from '../../shared/importers/test-support/encode';
import { dragSelect, openDocument, openLibrary, screenshotDir, tagPassage, chooseImport } from './support';

const revision = join(import.meta.dirname, '..', '..', 'shared', 'anchoring', 'baselines', 'fo-brief-sino-soviet-relations-and-albania-1962.revised.md');

test('a corrected transcription re-anchors the annotations; the researcher reviews them and re-attaches an orphan', async ({ page }) => {
  await openLibrary(page);
  await openDocument(page, 'Visit of the Italian Prime Minister');
  await dragSelect(page, "Unpredictable through Khrushchev's behaviour often is");
  await page.keyboard.press('2');
  await dragSelect(page, '/their');
  await page.keyboard.press('2');
  await dragSelect(page, 'N1071/10');
  await page.keyboard.press('3');
  await expect(page.getByTestId('annotation-entry')).toHaveCount(3);

  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('new-revision').click();
  await (await chooser).setFiles(revision);
  await expect(page.getByTestId('revision-counts')).toHaveText(/1 unchanged.*0 moved.*1 found in changed words.*1 not found/s);
  await page.getByTestId('revision-confirm').click();

  // The reader shows the new text; the review list shows what happened.
  const reader = page.locator('[data-testid="reader"] .ProseMirror');
  await expect(reader).toContainText('Unpredictable though Khrushchev’s behaviour');
  await expect(reader).not.toContainText('/their');
  const review = page.getByTestId('review-entry');
  await expect(review).toHaveCount(2);
  await expect(page.locator('[data-status="fuzzy"]')).toContainText('Unpredictable though Khrushchev’s behaviour often is');
  await expect(page.locator('[data-status="orphaned"]')).toContainText('/their');
  await expect(reader.locator('.hl')).toHaveCount(2);
  await page.screenshot({ path: join(screenshotDir, 'revision-review.png') });

  // Re-attach the orphan to the passage it belongs to.
  await dragSelect(page, 'supremacy in the world Communist movement');
  await page.getByTestId('reattach').click();
  await expect(review).toHaveCount(1);
  await expect(reader.locator('.hl', { hasText: 'supremacy in the world Communist movement' })).toHaveCount(1);

  // A changed passage that looks right leaves the list.
  await page.locator('[data-status="fuzzy"]').getByTestId('review-ok').click();
  await expect(review).toHaveCount(0);

  // The earlier text stays available.
  await page.getByTestId('version-select').selectOption({ label: 'Original as bundled' });
  await expect(page.getByTestId('version-banner')).toBeVisible();
  await expect(reader).toContainText('Unpredictable through Khrushchev');
  await page.getByRole('button', { name: 'Back to the current text' }).click();
  await expect(reader).toContainText('Unpredictable though Khrushchev’s behaviour');
});

test('a paragraph inserted by a revision moves none of the passages after it', async ({ page }, info) => {
  await openLibrary(page);
  await openDocument(page, 'Visit of the Italian Prime Minister');
  await tagPassage(page, 'he wanted to force Peking to desist from further support', '2');
  await tagPassage(page, 'Corfu Channel incident of 1946', '3');
  await tagPassage(page, '£843,947', '3');
  // The transcriber adds a note near the top; nothing else changes.
  const lines = readFileSync(join(import.meta.dirname, '..', '..', 'corpus', 'fo-brief-sino-soviet-relations-and-albania-1962.md'), 'utf8').split('\n');
  const at = lines.findIndex((line) => line.startsWith('Written for the visit'));
  lines.splice(at + 1, 0, '', 'Transcriber’s note: folios 3 and 4 are bound out of order in the file.');
  const inserted = info.outputPath('fo-brief-with-note.md');
  writeFileSync(inserted, lines.join('\n'));

  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('new-revision').click();
  await (await chooser).setFiles(inserted);
  await expect(page.getByTestId('revision-counts')).toHaveText(/3 unchanged.*0 moved.*0 found in changed words.*0 not found/s);
  await page.screenshot({ path: join(screenshotDir, 'revision-inserted-paragraph.png') });
  await page.getByTestId('revision-confirm').click();
  const reader = page.locator('[data-testid="reader"] .ProseMirror');
  await expect(reader).toContainText('Transcriber’s note');
  // Nothing to review: every highlight is on its words.
  await expect(page.getByTestId('review-list')).toHaveCount(0);
  await expect(reader.locator('.hl', { hasText: 'Corfu Channel incident of 1946' })).toHaveCount(1);
  await expect(reader.locator('.hl', { hasText: '£843,947' })).toHaveCount(1);
});

test("a researcher's own document, revised, offers its first version as imported, from its file, and shows that text", async ({ page }, info) => {
  await openLibrary(page);
  const first = info.outputPath('field-notes.md');
  const second = info.outputPath('field-notes-v2.md');
  const notes = '# Field notes: Tirana, spring 1962\n\nNotes taken in the Arkivi Qendror Shtetëror, fond 14, on the Soviet withdrawal from Vlorë.\n';
  writeFileSync(first, notes);
  writeFileSync(second, notes.replace('fond 14,', 'fond 14, dosja 3,'));
  const chooser = page.waitForEvent('filechooser');
  await chooseImport(page, 'documents');
  await (await chooser).setFiles(first);
  await expect(page.getByTestId('import-results')).toBeVisible();
  await page.getByTestId('import-results-close').click();
  await openDocument(page, 'Field notes: Tirana');

  const revise = page.waitForEvent('filechooser');
  await page.getByTestId('new-revision').click();
  await (await revise).setFiles(second);
  await page.getByTestId('revision-confirm').click();
  const reader = page.locator('[data-testid="reader"] .ProseMirror');
  await expect(reader).toContainText('fond 14, dosja 3,');

  const menu = page.getByTestId('version-select');
  await expect(menu.locator('option')).toHaveText(['Current text (revision 1)', 'Original as imported: field-notes.md']);
  await menu.selectOption({ label: 'Original as imported: field-notes.md' });
  await expect(page.getByTestId('version-banner')).toBeVisible();
  await expect(reader).toContainText('fond 14, on the Soviet withdrawal');
  await page.screenshot({ path: join(screenshotDir, 'revision-original-imported.png') });
});

test('a transcription imported from Windows-1250 is revised from a file saved in it, read without mojibake', async ({ page }, info) => {
  await openLibrary(page);
  const fixture = join(import.meta.dirname, '..', '..', 'shared', 'importers', 'fixtures', 'dvorak-windows-1250.txt');
  const chooser = page.waitForEvent('filechooser');
  await chooseImport(page, 'documents');
  await (await chooser).setFiles(fixture);
  await expect(page.getByTestId('import-results')).toContainText('windows-1250');
  await page.getByTestId('import-results-close').click();
  await openDocument(page, 'Záznam o obědě');
  await tagPassage(page, 'Rozhovor trval čtyři hodiny', '2');

  // The transcriber corrects a date, and saves in the same old encoding.
  const text = new TextDecoder('windows-1250').decode(readFileSync(fixture));
  const revised = info.outputPath('dvorak-windows-1250.txt');
  writeFileSync(revised, encodeLegacy(text.replace('30. března 1962', '29. března 1962'), 'windows-1250'));
  const revise = page.waitForEvent('filechooser');
  await page.getByTestId('new-revision').click();
  await (await revise).setFiles(revised);
  await expect(page.getByTestId('revision-encoding')).toHaveText('Read as windows-1250.');
  await expect(page.getByTestId('revision-counts')).toHaveText(/1 unchanged.*0 moved.*0 found in changed words.*0 not found/s);
  await page.screenshot({ path: join(screenshotDir, 'revision-windows-1250.png') });
  await page.getByTestId('revision-confirm').click();
  const reader = page.locator('[data-testid="reader"] .ProseMirror');
  await expect(reader).toContainText('29. března 1962 korejského velvyslance');
  await expect(reader.locator('.hl', { hasText: 'Rozhovor trval čtyři hodiny' })).toHaveCount(1);
});
