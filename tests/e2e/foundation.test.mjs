// The built site in headless Chromium: the documents view, the reader, URL state, layout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { BASE_URL, seedsBundle, launch, openPage, screenshot } from './support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const bundle = seedsBundle();
const seedFiles = readdirSync('seeds').filter((f) => !f.startsWith('.')).sort();

test('the list shows every seed document by title, and no console errors', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}?view=documents`);
  await page.locator('.doc-title').first().waitFor();
  const titles = await page.locator('.doc-title').allTextContents();
  assert.equal(titles.length, seedFiles.length, 'one entry per seed file');
  assert.deepEqual(titles, bundle.documents.map((d) => d.title));
  assert.equal(await page.locator('#boot-status').count(), 0, 'the loading indicator is gone');
  // Entries name documents by title, number and issuer; the file a document was read from
  // is said in its reader, not in the list.
  assert.equal(await page.locator('table.documents').getByText(/\.(txt|html|docx|pdf)$/).count(), 0, 'no file names in the list');
  await page.locator('.doc-title').first().click();
  await page.locator('.reader-file code').waitFor();
  assert.equal(await page.locator('.reader-file code').textContent(), bundle.documents[0].file);
  assert.ok(seedFiles.includes(bundle.documents[0].file));
  await screenshot(page, 'list-desktop-light');
  assert.deepEqual(problems, []);
  await context.close();
});

test('opening a document shows its text; back returns to the list; the URL restores it', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}?view=documents`);
  const doc = bundle.documents.find((d) => d.lang === 'zh') ?? bundle.documents[0];
  // A line of the raw seed file, read independently of the app and the bundle.
  const raw = readFileSync(`seeds/${doc.file}`, 'utf8');
  const line = raw.split('\n').map((l) => l.trim()).find((l) => l.length > 60);
  await page.locator('.doc-title', { hasText: doc.title }).click();
  await page.locator('.reader-title').waitFor();
  assert.equal(await page.locator('.reader-title').textContent(), doc.title);
  const paragraphs = await page.locator('.reader-body p').allTextContents();
  assert.ok(paragraphs.includes(line), `the reader shows the line "${line.slice(0, 30)}…"`);
  assert.equal(new URL(page.url()).searchParams.get('doc'), doc.id);
  await screenshot(page, 'reader-desktop-light');

  await page.goBack();
  await page.locator('table.documents').waitFor();
  assert.equal(await page.locator('.reader').count(), 0);
  await page.goForward();
  await page.locator('.reader-title').waitFor();
  assert.equal(await page.locator('.reader-title').textContent(), doc.title);

  await page.reload();
  await page.locator('.reader-title').waitFor();
  assert.equal(await page.locator('.reader-title').textContent(), doc.title);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an unknown document id in the URL says so, as text', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}?doc=${encodeURIComponent('<b>nope</b>')}`);
  await page.locator('.notice').waitFor();
  assert.match(await page.locator('.notice').textContent(), /<b>nope<\/b>/);
  assert.equal(await page.locator('.notice b').count(), 0, 'the id is shown as text');
  assert.deepEqual(problems, []);
  await context.close();
});

test('at 375 px wide nothing overflows horizontally, in light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { context, page, problems } = await openPage(browser, { width: 375, height: 800, colorScheme });
    await page.goto(`${BASE_URL}?view=documents`);
    await page.locator('.doc-title').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `list overflows by ${overflow}px (${colorScheme})`);
    await screenshot(page, `list-375-${colorScheme}`);
    await page.locator('.doc-title').last().click();
    await page.locator('.reader-title').waitFor();
    const readerOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(readerOverflow <= 0, `reader overflows by ${readerOverflow}px (${colorScheme})`);
    await screenshot(page, `reader-375-${colorScheme}`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});
