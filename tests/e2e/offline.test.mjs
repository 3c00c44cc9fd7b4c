// Offline use, embedding in another site, other bundles (?bundle=) and sub-path deploys,
// each against a server this test starts and stops itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPage, seedsBundle } from './support.mjs';

const DIST = process.env.FTZ_DIST || join(process.cwd(), 'dist');
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const count = async (page) => Number((await page.locator('.toolbar .count').textContent()).match(/\d+/)[0]);

test('after the first load everything works with the server stopped', async () => {
  const { serveDir } = await import('./support.mjs');
  const server = await serveDir(DIST);
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${server.url}?q=trade`);
  await page.locator('.card').first().waitFor();
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
  const online = await count(page);
  await server.close();
  await page.reload();
  await page.locator('.card').first().waitFor();
  assert.equal(await count(page), online, 'search, offline');
  await page.locator('[data-facet="kind"] li', { hasText: /Measure/ }).locator('input').check();
  await page.waitForFunction(() => location.search.includes('kind=measure'));
  assert.ok((await count(page)) < online, 'facets, offline');
  await page.goto(`${server.url}?doc=004_dac77278a024235c&item=40`);
  await page.locator('.it.selected').waitFor();
  await page.goto(`${server.url}?view=charts`);
  await page.locator('.chart canvas').first().waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a host page on another origin embeds a preset view that sizes itself', async () => {
  const { serveDir } = await import('./support.mjs');
  const explorer = await serveDir(DIST, { prefix: '/explorer/' });
  const host = await serveDir(DIST, {
    prefix: '/nothing-here/',
    extra: {
      '/host.html': {
        type: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,"></head><body>
          <h1>An article about customs</h1>
          <div data-ftz-explorer data-query="customs" data-facets="kind=measure" data-view="results"></div>
          <p>After the explorer.</p>
          <script src="${explorer.url}embed.js"></script></body></html>`,
      },
    },
  });
  assert.notEqual(host.origin, explorer.origin, 'two origins');
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${host.origin}/host.html`);
  const frame = page.frameLocator('[data-ftz-explorer] iframe');
  await frame.locator('.card').first().waitFor();
  assert.equal(await frame.locator('#search').inputValue(), 'customs');
  assert.equal(await frame.locator('.chip').count(), 1, 'the preset facet shows as a chip');
  assert.ok(await frame.locator('.open-full').isVisible(), 'a link to the full explorer');
  const iframe = page.locator('[data-ftz-explorer] iframe');
  await page.waitForFunction(() => document.querySelector('[data-ftz-explorer] iframe').style.height !== '480px');
  const first = await iframe.evaluate((el) => el.getBoundingClientRect().height);
  await frame.locator('#search').fill('customs clearance formalities');
  await page.waitForFunction((h) => Math.abs(document.querySelector('[data-ftz-explorer] iframe').getBoundingClientRect().height - h) > 20, first);
  // The content passes through intermediate heights (shards loading, results dimmed) before it
  // settles; the frame must follow it to the final height, not merely change once.
  await frame.locator('.results:not([aria-busy="true"])').waitFor();
  let second = 0;
  let inner = -100;
  for (let tries = 0; tries < 50 && Math.abs(second - inner) > 2; tries += 1) {
    if (tries) await page.waitForTimeout(100);
    second = await iframe.evaluate((el) => el.getBoundingClientRect().height);
    inner = await frame.locator('html').evaluate((el) => el.getBoundingClientRect().height);
  }
  assert.ok(Math.abs(second - inner) <= 2, `iframe ${second}px for content ${inner}px`);
  assert.deepEqual(problems, []);
  await context.close();
  await explorer.close();
  await host.close();
});

test('?bundle= loads another corpus, and bad bundles say what is wrong', async () => {
  const { serveDir } = await import('./support.mjs');
  const seeds = seedsBundle();
  const second = { ...seeds, documents: seeds.documents.filter((d) => d.lang === 'zh') };
  const whole = JSON.stringify(seeds);
  const server = await serveDir(DIST, {
    extra: {
      '/data/second.json': JSON.stringify(second),
      '/data/truncated.json': whole.slice(0, Math.floor(whole.length / 2)),
      '/data/geo.json': JSON.stringify({ type: 'FeatureCollection', features: [] }),
    },
  });
  const open = async (path) => {
    const opened = await openPage(browser);
    await opened.page.goto(`${server.url}?bundle=${encodeURIComponent(path)}&view=documents`);
    return opened;
  };
  {
    const { context, page, problems } = await open('data/second.json');
    await page.locator('.doc-title').first().waitFor();
    assert.equal(await page.locator('.doc-title').count(), 1);
    await page.locator('.doc-title').first().click();
    await page.locator('.reader-title').waitFor();
    assert.ok(new URL(page.url()).searchParams.get('bundle'), 'the bundle stays in the URL');
    await page.reload();
    await page.locator('.reader-title').waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  }
  for (const [path, reason] of [
    ['data/truncated.json', /not a readable bundle/],
    ['data/geo.json', /not a readable bundle|schema/],
    ['data/missing.json', /HTTP 404/],
  ]) {
    const { context, page, problems } = await open(path);
    await page.locator('.load-error').waitFor();
    assert.match(await page.locator('.load-error-reason').textContent(), reason, path);
    const unexpected = problems.filter((p) => !(path.includes('missing') && /404/.test(p)));
    assert.deepEqual(unexpected, [], path);
    await context.close();
  }
  await server.close();
});

test('deployed under a sub-path, the explorer works', async () => {
  const { serveDir } = await import('./support.mjs');
  const server = await serveDir(DIST, { prefix: '/explorer/' });
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${server.url}?q=${encodeURIComponent('海关')}`);
  await page.locator('.card').first().waitFor();
  assert.ok(new URL(page.url()).pathname.startsWith('/explorer/'));
  await page.locator('.tab', { hasText: 'Charts' }).click();
  await page.locator('.chart canvas').first().waitFor();
  assert.ok(new URL(page.url()).pathname.startsWith('/explorer/'), 'navigation stays under the sub-path');
  assert.deepEqual(problems, []);
  await context.close();
  await server.close();
});
