// The built-in bundle is a manifest plus content-named shards (data/): a query fetches only
// the shards its terms need, each once, and a page of results the texts it shows; a shard that cannot be had is named on the page
// and the rest of the explorer keeps working; a manifest that is not ours is refused with
// a reason.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPage, serveDir } from './support.mjs';

const DIST = process.env.FTZ_DIST || join(process.cwd(), 'dist');
const manifest = JSON.parse(readFileSync(join(DIST, 'data/manifest.json'), 'utf8'));
const termShards = manifest.search.terms.map(([, name]) => name);
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const count = async (page) => Number((await page.locator('.toolbar .count').textContent()).match(/\d+/)[0]);
const settled = (page) => page.waitForFunction(() => !document.querySelector('.shard-notice[role="status"]'));
const textsIn = (page) => page.waitForFunction(() => !document.querySelector('.card .pending'));
const documents = JSON.parse(readFileSync(join(DIST, 'data', manifest.documents), 'utf8')).documents;
const textFile = new Map(documents.map((d) => [d.title, d.deferred.file]));

test('a page of results fetches the texts it shows, each once, and a text that cannot be had is said', async () => {
  const server = await serveDir(DIST);
  const { context, page, problems } = await openPage(browser, { serviceWorkers: 'block' });
  const asked = [];
  page.on('request', (r) => {
    const name = new URL(r.url()).pathname.split('/').pop();
    if (name.startsWith('text.')) asked.push(name);
  });
  // Slow texts: the cards come first, with a placeholder where their text will be.
  await page.route('**/data/text.*.json', async (route) => { await new Promise((r) => setTimeout(r, 500)); await route.continue(); });
  await page.goto(`${server.url}?q=${encodeURIComponent('跨境电商')}`);
  await page.locator('.card .snippet.pending').first().waitFor();
  await textsIn(page);
  const titles = await page.locator('.card .card-doc').allTextContents();
  const shown = new Set(titles.map((t) => textFile.get(t)));
  assert.ok(!shown.has(undefined), `every card's document is in the documents' file: ${titles}`);
  assert.deepEqual(new Set(asked), shown, 'the texts of the documents on the page, and no others');
  assert.equal(new Set(asked).size, asked.length, `no text twice: ${asked}`);
  assert.ok((await page.locator('.card mark').count()) > 0);
  // Opening one of them needs nothing more.
  const before = asked.length;
  await page.locator('.card .card-doc').first().click();
  await page.locator('.reader .it').first().waitFor();
  assert.equal(asked.length, before, 'the reader reuses the text the card fetched');
  await context.close();

  // Every text answers 404: the cards and the reader say so, the notice names the file,
  // and searching still works.
  const broken = await openPage(browser, { serviceWorkers: 'block' });
  await broken.page.route('**/data/text.*.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await broken.page.goto(`${server.url}?q=customs`);
  const alert = broken.page.locator('.shard-error[role="alert"]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /text\.[0-9a-f]{16}\.json: answered HTTP 404/);
  assert.match(await broken.page.locator('.card .snippet.pending').first().textContent(), /could not be loaded/);
  await broken.page.locator('#search').fill('blockchain');
  await broken.page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'blockchain');
  assert.ok((await broken.page.locator('.card').count()) > 0, 'search still works');
  await broken.page.goto(`${server.url}?doc=${encodeURIComponent(documents[0].id)}`);
  await broken.page.locator('.notice', { hasText: /could not be loaded/ }).waitFor();
  assert.deepEqual(problems, []);
  await broken.context.close();
  await server.close();
});

test('a query fetches only its shards, each once, and typing fetches the rest as needed', async () => {
  const server = await serveDir(DIST);
  const { context, page, problems } = await openPage(browser, { serviceWorkers: 'block' });
  const asked = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/data/')) asked.push(path.slice('/data/'.length));
  });
  await page.goto(`${server.url}?q=${encodeURIComponent('海关')}`);
  await page.locator('.card').first().waitFor();
  await textsIn(page);
  assert.ok((await page.locator('.card mark', { hasText: '海关' }).count()) > 0, 'highlights come with the first results');
  const first = asked.filter((n) => termShards.includes(n));
  assert.ok(first.length >= 1 && first.length < termShards.length, `${first.length} of ${termShards.length} term shards`);
  assert.equal(new Set(asked).size, asked.length, `no file twice: ${asked}`);
  assert.ok(asked.includes('manifest.json') && asked.includes(manifest.documents));

  // A query in the other script needs other shards: they arrive, and the results follow.
  const before = await count(page);
  await page.locator('#search').fill('blockchain');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'blockchain');
  await settled(page);
  await page.locator('.card mark', { hasText: /blockchain/i }).first().waitFor();
  assert.notEqual(await count(page), before);
  assert.equal(new Set(asked).size, asked.length, `still no file twice: ${asked}`);
  assert.ok(asked.filter((n) => termShards.includes(n)).length < termShards.length, 'still not every shard');
  // On a slow link the results on screen are marked as the last query's until the new
  // shards are in.
  await page.route('**/data/terms.*.json', async (route) => { await new Promise((r) => setTimeout(r, 800)); await route.continue(); });
  await page.locator('#search').fill('自由贸易');
  await page.locator('.results[aria-busy="true"]').waitFor();
  await page.locator('.shard-notice[role="status"]').waitFor();
  await page.locator('.results[aria-busy="false"]').waitFor();
  await page.locator('.card mark', { hasText: '自由贸易' }).first().waitFor();
  assert.deepEqual(problems, []);
  await context.close();
  await server.close();
});

test('a shard that cannot be had is named, and the rest still works', async () => {
  const server = await serveDir(DIST);
  const { context, page, problems } = await openPage(browser, { serviceWorkers: 'block' });
  await page.goto(`${server.url}?q=customs`);
  await page.locator('.card').first().waitFor();
  // Every shard not fetched so far now answers 404.
  const fetched = new Set();
  for (const entry of await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name))) {
    fetched.add(new URL(entry).pathname.split('/').pop());
  }
  const broken = termShards.filter((n) => !fetched.has(n));
  assert.ok(broken.length > 0);
  await page.route('**/data/terms.*.json', (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    return broken.includes(name) ? route.fulfill({ status: 404, body: 'gone' }) : route.continue();
  });
  // A Chinese query whose shards are among the broken ones.
  await page.locator('#search').fill('自贸试验区');
  const alert = page.locator('.shard-error[role="alert"]');
  await alert.waitFor();
  const text = await alert.textContent();
  assert.match(text, /terms\.[0-9a-f]{16}\.json/, text);
  assert.match(text, /HTTP 404/, text);
  // With nothing found, the page does not claim that nothing matches.
  if ((await count(page)) === 0) {
    assert.match(await page.locator('.notice[role="status"]').textContent(), /part of the index that loaded/);
  }
  // The explorer still works: back to a query whose shards are loaded, and the facets.
  await page.locator('#search').fill('customs');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'customs');
  await page.locator('.card mark', { hasText: /customs/i }).first().waitFor();
  await page.locator('[data-facet="kind"] li input').first().check();
  await page.waitForFunction(() => location.search.includes('kind='));
  assert.ok((await count(page)) > 0);
  assert.deepEqual(problems.filter((p) => !/404/.test(p)), []);
  await context.close();
  await server.close();
});

test('a manifest that is not ours, or names a file that is not there, says so', async () => {
  const bad = (change) => JSON.stringify({ ...manifest, ...change });
  const server = await serveDir(DIST, {
    extra: {
      '/other/v99.json': bad({ version: 99 }),
      '/other/escape.json': bad({ documents: '../secrets.json' }),
      '/other/nodocs.json': bad({ documents: 'documents.0000000000000000.json' }),
    },
  });
  for (const [path, reason] of [
    ['other/v99.json', /manifest version 99 is not supported/],
    ['other/escape.json', /not a file name beside the manifest/],
    ['other/nodocs.json', /documents\.0000000000000000\.json.*HTTP 404/],
  ]) {
    const { context, page, problems } = await openPage(browser, { serviceWorkers: 'block' });
    await page.goto(`${server.url}?bundle=${encodeURIComponent(path)}`);
    await page.locator('.load-error').waitFor();
    assert.match(await page.locator('.load-error-reason').textContent(), reason, path);
    assert.deepEqual(problems.filter((p) => !/404/.test(p)), [], path);
    await context.close();
  }
  await server.close();
});
