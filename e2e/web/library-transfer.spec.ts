import { type Page, expect, test } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describePassage } from '../../shared/anchoring/selectors';
import { type Annotation, defaultTagTypes } from '../../shared/annotation/model';
import { buildNativeFile } from '../../shared/format/native';
import { defaultRelationTypes } from '../../shared/links/model';
import { loadCorpus, seed, seedIds } from '../../shared/test-support/corpus';
import { openLibrary, screenshotDir, chooseImport } from './support';

const corpus = loadCorpus();
const brief = seed(corpus, seedIds.foBrief);
const memo = seed(corpus, seedIds.czechMemo);
const time = '2026-11-20T10:00:00.000Z';
const claim = 'he wanted to force Peking to desist from further support';
const evidence = 'Albania may go over to the other side';

function passage(id: string, document: typeof brief, exact: string, fields: Partial<Annotation> = {}): Annotation {
  const start = document.text.text.indexOf(exact);
  return {
    id,
    documentId: document.id,
    ...describePassage(document.text.text, start, start + exact.length),
    tags: [],
    actor: null,
    note: '',
    created: time,
    modified: time,
    ...fields,
  };
}

/// A colleague's whole library as a file: two passages, a link of a
/// relation type of their own, an actor with aliases, a set.
function colleagueLibrary(
  path: string,
  actors = [{ id: 'ri-song-un', name: 'Ri Song-un', aliases: ['Li Songun', 'Ri'], created: time, modified: time }],
): void {
  const file = buildNativeFile({
    annotations: [
      passage('claim', brief, claim, { tags: ['claim'] }),
      passage('evidence', memo, evidence, { tags: ['actor'], actor: 'Li Songun', note: 'the Korean ambassador' }),
    ],
    tagTypes: [...defaultTagTypes, { id: 'rumour', name: 'Rumour', color: '#8e44ad', order: 3, namesActor: false }],
    documents: corpus,
    scope: { kind: 'all' },
    exported: new Date(time),
    library: {
      relationTypes: [...defaultRelationTypes, { id: 'foreshadows', name: 'foreshadows', inverse: 'foreshadowed by', color: '#123456', order: 6 }],
      links: [{ id: 'link-1', from: 'evidence', to: 'claim', relation: 'foreshadows', note: 'Pyongyang saw it first', created: time, modified: time }],
      actors,
      sets: [{ id: 'set-1', name: 'Albania’s turn', description: 'for chapter 3', annotationIds: ['claim', 'evidence'], created: time, modified: time }],
    },
  });
  writeFileSync(path, JSON.stringify(file, null, 2));
}

async function importThrough(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await chooseImport(page, 'annotations');
  await (await chooser).setFiles(path);
  await expect(page.getByTestId('import-preview')).toBeVisible();
}

async function exportAll(page: Page, path: string, format: RegExp): Promise<void> {
  await page.getByTestId('export-all').click();
  await page.getByTestId('export-dialog').getByLabel(format).check();
  const download = page.waitForEvent('download');
  await page.getByTestId('export-confirm').click();
  await (await download).saveAs(path);
}

/// What a researcher checks in the library that received the file: the
/// link from both ends, the actor page, the set, the tag type's colour.
async function seeEverything(page: Page): Promise<void> {
  await page.getByTestId('doc-title').filter({ hasText: 'Visit of the Italian Prime Minister' }).click();
  const claimEntry = page.getByTestId('annotation-entry').filter({ hasText: claim });
  await expect(claimEntry.getByTestId('link-phrase')).toHaveText('foreshadowed by');
  await expect(claimEntry.getByTestId('entry-set')).toHaveText(['Albania’s turn×']);
  await claimEntry.getByTestId('link-open').click();
  const evidenceEntry = page.getByTestId('annotation-entry').filter({ hasText: evidence });
  await expect(evidenceEntry.getByTestId('link-phrase')).toHaveText('foreshadows');
  await expect(evidenceEntry).toContainText('Pyongyang saw it first');
  await page.getByTestId('library').click();

  await page.getByTestId('open-actors').click();
  const card = page.getByTestId('actor-card').filter({ hasText: 'Ri Song-un' });
  await expect(card.getByTestId('actor-alias')).toHaveText(['Li Songun×', 'Ri×']);
  await card.getByTestId('actor-open').click();
  await expect(page.getByTestId('actor-page-name')).toHaveText('Ri Song-un');
  await expect(page.getByTestId('actor-passage')).toHaveCount(1);
  await page.getByTestId('back').click();
  await page.getByTestId('back').click();

  await page.getByTestId('open-sets').click();
  await expect(page.getByTestId('set-item')).toHaveText(['Albania’s turn2']);
  await page.getByTestId('back').click();
}

for (const format of [/Palimpsest JSON/, /W3C Web Annotation/]) {
  test(`a whole library exported as ${format.source} and imported into a fresh library brings links, actors, sets and types`, async ({ browser }, testInfo) => {
    const mine = await browser.newPage();
    await openLibrary(mine);
    const theirs = testInfo.outputPath('colleague.json');
    colleagueLibrary(theirs);
    await importThrough(mine, theirs);
    const kinds = mine.getByTestId('import-kinds');
    await expect(kinds.locator('[data-kind="links"] td')).toHaveText(['1', '0', '0']);
    await expect(kinds.locator('[data-kind="actors"] td')).toHaveText(['1', '0', '0']);
    await expect(kinds.locator('[data-kind="sets"] td')).toHaveText(['1', '0', '0']);
    await expect(kinds.locator('[data-kind="relation types"] td')).toHaveText(['1', '0', '6']);
    await expect(kinds.locator('[data-kind="tag types"] td')).toHaveText(['1', '0', '3']);
    await mine.screenshot({ path: join(screenshotDir, 'import-whole-library-preview.png') });
    await mine.getByTestId('import-confirm').click();
    await expect(mine.getByTestId('notice-info').last()).toContainText('links: 1 new');
    await seeEverything(mine);

    const exported = testInfo.outputPath(format.source.startsWith('W3C') ? 'library.jsonld' : 'library.json');
    await exportAll(mine, exported, format);
    await mine.close();

    // A fresh context is a fresh, empty library: another machine.
    const context = await browser.newContext();
    const fresh = await context.newPage();
    await openLibrary(fresh);
    await importThrough(fresh, exported);
    await expect(fresh.getByTestId('import-counts')).toHaveText(/2 new.*0 updated.*0 already here/s);
    await expect(fresh.getByTestId('import-kinds').locator('[data-kind="links"] td')).toHaveText(['1', '0', '0']);
    await fresh.getByTestId('import-confirm').click();
    await expect(fresh.getByTestId('notice-info').last()).toContainText('Imported');
    await seeEverything(fresh);
    await fresh.screenshot({ path: join(screenshotDir, `import-whole-library-${format.source.startsWith('W3C') ? 'w3c' : 'native'}-sets.png`) });

    // The same file again adds nothing: every kind is already here.
    await importThrough(fresh, exported);
    await expect(fresh.getByTestId('import-counts')).toHaveText(/0 new.*0 updated.*2 already here/s);
    for (const kind of ['links', 'actors', 'sets'])
      await expect(fresh.getByTestId('import-kinds').locator(`[data-kind="${kind}"] td`)).toHaveText(['0', '0', '1']);
    await expect(fresh.getByTestId('import-confirm')).toBeDisabled();
    await fresh.screenshot({ path: join(screenshotDir, 'import-whole-library-again.png') });
    const text = readFileSync(exported, 'utf8');
    expect(text).toContain('foreshadows');
    await fresh.getByRole('button', { name: 'Cancel' }).click();

    // A copy whose set was renamed before the library's last change: the
    // library keeps its own, and the preview does not call it already here.
    const older = JSON.parse(text);
    const [set] = older.library?.sets ?? older.sets;
    Object.assign(set, { name: 'An earlier name', modified: '2020-01-01T00:00:00.000Z' });
    const renamed = testInfo.outputPath(`older-${basename(exported)}`);
    writeFileSync(renamed, JSON.stringify(older));
    await importThrough(fresh, renamed);
    const kept = fresh.getByTestId('import-kinds');
    await expect(kept.locator('th[scope="col"]').last()).toHaveText('differing, the library’s kept');
    await expect(kept.locator('[data-kind="sets"] td')).toHaveText(['0', '0', '0', '1']);
    await expect(kept.locator('[data-kind="links"] td')).toHaveText(['0', '0', '1', '0']);
    await fresh.screenshot({ path: join(screenshotDir, 'import-whole-library-kept.png') });
    await expect(fresh.getByTestId('import-confirm')).toBeDisabled();
    await context.close();
  });
}

test('a W3C file from another tool: dates without a zone are read as UTC and said so; image regions are listed, the text imported', async ({
  page,
}, testInfo) => {
  await openLibrary(page);
  const path = testInfo.outputPath('recogito.jsonld');
  const text = (id: string, exact: string, created: string) => ({
    id,
    type: 'Annotation',
    created,
    bodyValue: 'from Recogito',
    target: { source: { id: 'https://example.org/memo', type: 'Text' }, selector: { type: 'TextQuoteSelector', exact } },
  });
  writeFileSync(
    path,
    JSON.stringify({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'https://example.org/collection',
      type: 'AnnotationCollection',
      first: {
        id: 'https://example.org/collection/1',
        type: 'AnnotationPage',
        items: [
          text('urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e', evidence, '2023-01-28T12:00:00'),
          text('urn:uuid:7c9e6679-7425-40de-944b-e07fc1f90ae7', 'Li Songun expresses serious concern', '2023-01-28'),
          {
            id: 'https://example.org/region',
            type: 'Annotation',
            target: { source: 'https://example.org/scan.jpg', selector: { type: 'FragmentSelector', value: 'xywh=10,10,200,80' } },
          },
        ],
      },
    }),
  );
  await importThrough(page, path);
  await expect(page.getByTestId('import-counts')).toHaveText(/2 new.*2 dates without a time zone were read as UTC.*1 cannot be placed/s);
  await expect(page.getByTestId('import-unplaced')).toContainText('an image region, not a passage of text (item 3 › target)');
  await page.screenshot({ path: join(screenshotDir, 'import-w3c-zoneless-and-regions.png') });
  await page.getByTestId('import-confirm').click();
  await expect(page.locator(`[data-document="${memo.id}"] [data-testid="doc-count"]`)).toHaveText('2');

  // A time that is no time refuses the file, with its path; nothing changes.
  const junk = testInfo.outputPath('junk.jsonld');
  writeFileSync(junk, JSON.stringify([text('later', 'Albania', 'yesterday')]));
  const chooser = page.waitForEvent('filechooser');
  await chooseImport(page, 'annotations');
  await (await chooser).setFiles(junk);
  await expect(page.getByTestId('notice-error')).toContainText('Item 1 › created: expected an ISO 8601 date and time');
  await expect(page.locator(`[data-document="${memo.id}"] [data-testid="doc-count"]`)).toHaveText('2');

  // A file of one annotation, whose quote no document holds: the entry says so in words.
  const single = testInfo.outputPath('single.jsonld');
  writeFileSync(
    single,
    JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', ...text('lost', 'words no document of the library holds', '2023-01-28') }),
  );
  await importThrough(page, single);
  const unplaced = page.getByTestId('import-unplaced');
  await expect(unplaced).toContainText('(the annotation)');
  await expect(unplaced).not.toContainText('$');
  await page.screenshot({ path: join(screenshotDir, 'import-w3c-single-unplaced.png') });
});

test('a colleague’s merge of two actors comes with her file: the preview says so, and the library’s two become one', async ({ page }, testInfo) => {
  await openLibrary(page);
  const first = testInfo.outputPath('colleague.json');
  colleagueLibrary(first);
  await importThrough(page, first);
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('notice-info').last()).toContainText('Imported');

  // Here, "Comrade Ri" was made an actor of his own.
  await page.getByTestId('open-actors').click();
  await page.getByPlaceholder('New actor’s name').fill('Comrade Ri');
  await page.getByRole('button', { name: 'Add actor' }).click();
  await expect(page.getByTestId('actor-card')).toHaveCount(2);
  await page.getByTestId('back').click();

  // She merged him into Ri Song-un, later.
  const next = testInfo.outputPath('colleague-merged.json');
  colleagueLibrary(next, [
    { id: 'ri-song-un', name: 'Ri Song-un', aliases: ['Li Songun', 'Ri', 'Comrade Ri'], created: time, modified: '2026-12-05T09:00:00.000Z' },
  ]);
  await importThrough(page, next);
  await expect(page.getByTestId('import-actors')).toContainText('Comrade Ri merged into Ri Song-un, as in the file');
  await page.screenshot({ path: join(screenshotDir, 'import-actor-merge-preview.png') });
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('notice-info').last()).toContainText('Comrade Ri merged into Ri Song-un');
  await page.getByTestId('open-actors').click();
  const card = page.getByTestId('actor-card');
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId('actor-alias')).toHaveText(['Li Songun×', 'Ri×', 'Comrade Ri×']);
});
