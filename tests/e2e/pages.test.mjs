// A bundle built from real saved web pages (tests/fixtures/govcn-2019/html → FTZ_PAGES_BUNDLE):
// what a page says about itself is shown in the reader as text, its tables as tables, and its
// subject category is a facet whose counts equal those counted from the bundle.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPage, serveDir, screenshot } from './support.mjs';

const DIST = process.env.FTZ_DIST || join(process.cwd(), 'dist');
const PAGES = process.env.FTZ_PAGES_BUNDLE;
if (!PAGES) throw new Error('FTZ_PAGES_BUNDLE is not set: run these tests through `cargo xtask test`');
const json = readFileSync(PAGES, 'utf8');
const bundle = JSON.parse(json);

let browser;
let server;
before(async () => {
  browser = await launch();
  server = await serveDir(DIST, { extra: { '/pages.json': json } });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('the reader shows the page metadata of a saved gov.cn page', async () => {
  const doc = bundle.documents.find((d) => d.id === '0007');
  assert.ok(doc.page, 'the bundle holds the page metadata');
  for (const [width, name] of [[1280, 'reader-page-desktop'], [375, 'reader-page-375']]) {
    const { context, page, problems } = await openPage(browser, { width });
    await page.goto(`${server.url}?bundle=pages.json&doc=0007`);
    const facts = page.locator('.reader-page');
    await facts.waitFor();
    const text = await facts.textContent();
    assert.ok(text.includes(doc.page.issuer), `issuer ${doc.page.issuer} in ${text}`);
    assert.ok(text.includes('2019'), `published year in ${text}`);
    assert.ok(text.includes(doc.page.subjects[0]), `subject in ${text}`);
    assert.ok(text.includes(doc.page.index_no), `index number in ${text}`);
    assert.match(await page.locator('.reader-meta').first().textContent(), /29 Dec 2018/);
    await screenshot(page, name);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('a table of a page is a table in the reader', async () => {
  const doc = bundle.documents.find((d) => d.id === '0044');
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${server.url}?bundle=pages.json&doc=0044`);
  await page.locator('.it-grid table').first().waitFor();
  const rows = await page.locator('.it-grid tr').count();
  // The rows of the bundle's table items: spans are byte ranges, written as [gap, length].
  const bytes = Buffer.from(doc.text, 'utf8');
  let end = 0;
  let tableRows = 0;
  for (const [kind, gap, len] of doc.items) {
    const start = end + gap;
    end = start + len;
    if (kind !== 'table') continue;
    const rowsOf = bytes.subarray(start, end).toString('utf8').split('\n').filter((l) => l.trim());
    if (rowsOf.some((l) => l.includes('\t'))) tableRows += rowsOf.length;
  }
  assert.equal(rows, tableRows, 'one table row per row of the page');
  const cell = await page.locator('.it-grid td').filter({ hasText: '15172.500' }).count();
  assert.ok(cell >= 1, 'a coordinate is a cell');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the subject facet counts the items of each category', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${server.url}?bundle=pages.json`);
  const facet = page.locator('section[data-facet=subject]');
  await facet.waitFor();
  const shown = await facet.locator('li, label').evaluateAll((els) => els.map((e) => e.textContent));
  // Counted from the bundle: every item of a page counts for its page's category (titles
  // and content; meta lines and chrome are not searchable).
  const counts = new Map();
  for (const d of bundle.documents) {
    const subject = d.page?.subjects?.[0];
    if (!subject) continue;
    const searchable = d.items.filter((it) => !['meta', 'boilerplate'].includes(it[0])).length;
    counts.set(subject, (counts.get(subject) ?? 0) + searchable);
  }
  const largest = [...counts].sort((a, b) => b[1] - a[1])[0];
  assert.ok(shown.some((t) => t.includes(largest[0]) && t.includes(String(largest[1]))), `${largest} in ${shown}`);
  await page.locator(`input[id="f-subject-${largest[0]}"]`).check();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('subject'));
  assert.deepEqual(problems, []);
  await context.close();
});
