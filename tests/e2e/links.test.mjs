// Links between documents in headless Chromium: "Also in" under an item opens the other
// item, the diffusion chart draws and its rows open items, the reader lists what a document
// cites and what cites it, the documents view filters to "cites X", and the citation graph
// draws and filters — in both interface languages. Oracles are the bundles' own link rows:
// related `[from doc, from item, to doc, to item, score, relation]`, citations
// `[doc, item, kind, text, target]`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASE_URL, launch, openPage, serveDir, screenshot, seedsBundle, itemAddress, addressIn } from './support.mjs';

const DIST = process.env.FTZ_DIST || join(process.cwd(), 'dist');
const LINKS = process.env.FTZ_LINKS_BUNDLE;
if (!LINKS) throw new Error('FTZ_LINKS_BUNDLE is not set: run these tests through `cargo xtask test`');
const linksJson = readFileSync(LINKS, 'utf8');
const corpus = JSON.parse(linksJson);
const seeds = seedsBundle();

let browser;
let server;
before(async () => {
  browser = await launch();
  server = await serveDir(DIST, { extra: { '/links.json': linksJson } });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const relatedOf = (bundle, doc, item) => (bundle.links?.related ?? []).filter((r) => r[0] === doc && r[1] === item);

for (const [lang, heading] of [['en', 'Also in'], ['zh', '亦见于']]) {
  test(`"Also in" lists an item's related items and opens them (${lang})`, async () => {
    const first = seeds.links.related[0];
    const [doc, item] = first;
    const rows = relatedOf(seeds, doc, item);
    const { context, page, problems } = await openPage(browser);
    await page.goto(`${BASE_URL}?doc=${seeds.documents[doc].id}&item=${item}&lang=${lang}`);
    const list = page.locator('.also-in');
    await list.locator('.also-row').first().waitFor();
    assert.equal((await list.locator('h3').textContent()).trim(), heading);
    assert.equal(await list.locator('.also-row').count(), rows.length);
    // At most one is labelled the earliest.
    assert.ok(await list.locator('.badge-earliest').count() <= 1);
    const [, , toDoc, toItem] = rows[0];
    await list.locator('.also-row a').first().click();
    await page.waitForFunction((id) => new URLSearchParams(location.search).get('doc') === id, seeds.documents[toDoc].id);
    const params = new URL(page.url()).searchParams;
    assert.deepEqual(addressIn(params), itemAddress(seeds.documents[toDoc], toItem));
    await page.locator('.it.selected').waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('the diffusion chart draws the item and its related items, and its rows open them', async () => {
  const [doc, item] = seeds.links.related[0];
  const rows = relatedOf(seeds, doc, item);
  for (const [width, name] of [[1280, 'diffusion-desktop'], [375, 'diffusion-375']]) {
    const { context, page, problems } = await openPage(browser, { width });
    await page.goto(`${BASE_URL}?doc=${seeds.documents[doc].id}&item=${item}`);
    await page.locator('.diffusion-toggle').click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('spread') === '1');
    const box = page.locator('.also-in figure[data-chart="chart_diffusion"]');
    await box.locator('.chart canvas').waitFor();
    await box.locator('summary').click();
    // The item itself and every related item, dated or not.
    assert.equal(await box.locator('tbody tr').count(), rows.length + 1);
    await screenshot(page, name);
    if (width === 1280) {
      // A row opens its item; the diffusion stays open there.
      const target = rows[rows.length - 1];
      const title = corpusTitle(seeds, target[2]);
      const button = box.locator('tbody button', { hasText: title.slice(0, 20) }).first();
      await button.click();
      await page.waitForFunction((id) => new URLSearchParams(location.search).get('doc') === id, seeds.documents[target[2]].id);
      assert.equal(new URL(page.url()).searchParams.get('spread'), '1');
    }
    assert.deepEqual(problems, []);
    await context.close();
  }
});

/** The start of a document's title as the chart's table writes it. */
function corpusTitle(bundle, doc) {
  return bundle.documents[doc].title;
}

const resolved = corpus.links.citations.filter((c) => c[4] != null);

for (const [lang, cites, citedBy] of [['en', 'Cites', 'Cited by'], ['zh', '引用', '被引用']]) {
  test(`the reader lists what a document cites and what cites it, and the documents view filters to them (${lang})`, async () => {
    assert.ok(resolved.length > 0, 'the links corpus has a resolved citation');
    const [from, , , , target] = resolved[0];
    const fromDoc = corpus.documents[from];
    const targetDoc = corpus.documents[target];
    const { context, page, problems } = await openPage(browser);
    await page.goto(`${server.url}?bundle=links.json&doc=${encodeURIComponent(fromDoc.id)}&lang=${lang}`);
    const citing = page.locator('.reader-citations .cites');
    await citing.waitFor();
    assert.equal((await citing.locator('h3').textContent()).trim(), cites);
    await citing.locator('a', { hasText: targetDoc.title.slice(0, 12) }).first().click();
    await page.waitForFunction((id) => new URLSearchParams(location.search).get('doc') === id, targetDoc.id);
    const by = page.locator('.reader-citations .cited-by');
    await by.waitFor();
    assert.equal((await by.locator('h3').textContent()).trim(), citedBy);
    // Brute force: the documents citing the target.
    const citers = [...new Set(corpus.links.citations.filter((c) => c[4] === target && c[0] !== target).map((c) => c[0]))];
    assert.equal(await by.locator('li').count(), citers.length);
    await by.locator('.cite-filter').click();
    await page.waitForFunction((id) => {
      const p = new URLSearchParams(location.search);
      return p.get('view') === 'documents' && p.get('cites') === id;
    }, targetDoc.id);
    await page.locator('.cite-chip').waitFor();
    assert.equal(await page.locator('.documents-view tbody tr').count(), citers.length);
    await screenshot(page, `cites-filter-${lang}`);
    await page.locator('.cite-chip').click();
    await page.waitForFunction(() => !new URLSearchParams(location.search).has('cites'));
    assert.equal(await page.locator('.documents-view tbody tr').count(), Math.min(50, corpus.documents.length));
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('the citation graph draws the citing and cited documents, and a row filters the documents view', async () => {
  const docs = new Set(resolved.flatMap((c) => [c[0], c[4]]));
  const edges = new Set(resolved.filter((c) => c[0] !== c[4]).map((c) => `${c[0]}>${c[4]}`));
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${server.url}?bundle=links.json&view=charts&chart=citations`);
  const box = page.locator('figure[data-chart="chart_citations"]');
  await box.locator('.chart canvas').waitFor();
  await box.locator('summary').click();
  assert.equal(await box.locator('tbody tr').count(), docs.size);
  assert.ok(edges.size > 0);
  await screenshot(page, 'citation-graph');
  await box.locator('tbody button').first().click();
  await page.waitForFunction(() => {
    const p = new URLSearchParams(location.search);
    return p.get('view') === 'documents' && p.has('cites');
  });
  await page.locator('.cite-chip').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
