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

const textsIn = (page) => page.waitForFunction(() => !document.querySelector('.card .pending, .results[aria-busy="true"]'));
// The offline control's bar is full, and its button has nothing left to do.
const allStored = (page) => page.waitForFunction(() => {
  const bar = document.querySelector('.offline progress');
  return bar && bar.max > 0 && bar.value === bar.max && document.querySelector('#offline').disabled;
});
const manifest = JSON.parse(readFileSync(join(DIST, 'data/manifest.json'), 'utf8'));

test('what was opened works offline, and "Make available offline" stores the rest', async () => {
  const { serveDir } = await import('./support.mjs');
  const server = await serveDir(DIST);
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${server.url}?q=trade`);
  await page.locator('.card').first().waitFor();
  await textsIn(page);
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
  const online = await count(page);
  // What the first visit fetched is stored: the same view, offline, with its texts.
  await context.setOffline(true);
  await page.reload();
  await page.locator('.card').first().waitFor();
  await textsIn(page);
  assert.equal(await count(page), online, 'search, offline');
  assert.ok((await page.locator('.card mark').count()) > 0, 'highlighted texts, offline');
  // The rest of the corpus, stored on request with its progress shown.
  await context.setOffline(false);
  const button = page.locator('#offline');
  await button.waitFor();
  await button.click();
  await allStored(page);
  assert.match(await button.textContent(), /whole corpus is available offline/);
  await context.setOffline(true);
  await page.reload();
  await allStored(page);
  await page.locator('[data-facet="kind"] li', { hasText: /Measure/ }).locator('input').check();
  await page.waitForFunction(() => location.search.includes('kind=measure'));
  assert.ok((await count(page)) < online, 'facets, offline');
  await page.locator('#search').fill('区块链');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === '区块链');
  await textsIn(page);
  assert.ok((await page.locator('.card mark', { hasText: '区块链' }).count()) > 0, 'a query never asked online, offline');
  await page.goto(`${server.url}?doc=004_dac77278a024235c&item=40`);
  await page.locator('.it.selected').waitFor();
  await page.goto(`${server.url}?view=charts`);
  await page.locator('.chart canvas').first().waitFor();
  assert.deepEqual(problems, []);
  await context.close();
  await server.close();
});

test('the first visit downloads no file twice, and the worker waits for the first results', async () => {
  const { serveDir } = await import('./support.mjs');
  const server = await serveDir(DIST);
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${server.url}?q=${encodeURIComponent('海关')}`);
  await page.locator('.card').first().waitFor();
  await textsIn(page);
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
  // The control counts what the visit stored: every data file fetched so far.
  const fetched = new Set(server.log.filter((e) => e.path.startsWith('/data/')).map((e) => e.path));
  await page.locator('#offline', { hasText: `${fetched.size} / ` }).waitFor();
  await page.locator('#offline').click();
  await allStored(page);
  const downloads = new Map();
  for (const { path, status } of server.log) {
    if (status === 200) downloads.set(path, (downloads.get(path) ?? 0) + 1);
  }
  const twice = [...downloads].filter(([, n]) => n > 1);
  assert.deepEqual(twice, [], 'files downloaded more than once');
  // Every file of the corpus was downloaded (exactly once, by the above).
  const documents = JSON.parse(readFileSync(join(DIST, 'data', manifest.documents), 'utf8')).documents;
  const corpus = new Set(['manifest.json', manifest.documents, manifest.search.words,
    ...manifest.search.terms.map(([, f]) => f), ...documents.map((d) => d.deferred.file)]);
  for (const file of corpus) assert.ok(downloads.has(`/data/${file}`), `${file} stored`);
  // Nothing was precached before the first results: the worker came after the page's texts.
  const order = server.log.map((e) => e.path);
  const worker = order.indexOf('/sw.js');
  const texts = order.map((p, i) => [p, i]).filter(([p]) => p.startsWith('/data/text.'));
  assert.ok(worker > 0 && texts.length > 0 && texts[0][1] < worker, `the worker after the first texts: ${order.slice(0, worker + 1)}`);
  assert.ok(!order.slice(0, worker).some((p) => p.includes('echarts') || p.includes('ftz_charts')), 'no chart file before the worker');
  assert.deepEqual(problems, []);
  await context.close();
  await server.close();
});

/** The explorer under /explorer/ and, on another origin, `/host.html` with `content` in its
 * body and the embed snippet after it. */
async function embedding(content, bodyStyle = '') {
  const { serveDir } = await import('./support.mjs');
  const explorer = await serveDir(DIST, { prefix: '/explorer/' });
  const host = await serveDir(DIST, {
    prefix: '/nothing-here/',
    extra: {
      '/host.html': {
        type: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,"></head><body style="${bodyStyle}">
          ${content}
          <script src="${explorer.url}embed.js"></script></body></html>`,
      },
    },
  });
  return { explorer, host };
}

test('a host page on another origin embeds a preset view that sizes itself', async () => {
  const { explorer, host } = await embedding(`<h1>An article about customs</h1>
          <div data-ftz-explorer data-query="customs" data-facets="kind=measure" data-view="results" data-max-height="20000"></div>
          <p>After the explorer.</p>`);
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

// Embeds grew without bound (a charts embed to 4,423 px, a card opened inside to 15,407 px)
// and were wider than the frame at 375 px; there was no way to embed one chart.
test('embeds stop at a maximum height, can show one chart without tabs, open documents in the full explorer, and fit a phone', async () => {
  const { explorer, host } = await embedding(`<div id="charts" data-ftz-explorer data-view="charts" data-max-height="600"></div>
          <div id="one" data-ftz-explorer data-chart="topics"></div>
          <div id="results" data-ftz-explorer data-query="customs"></div>`, 'margin:0');
  for (const width of [1280, 375]) {
    const { context, page, problems } = await openPage(browser, { width });
    await page.goto(`${host.origin}/host.html`);
    const charts = page.frameLocator('#charts iframe');
    await charts.locator('.chart canvas').first().waitFor();
    await page.waitForFunction(() => document.querySelector('#charts iframe').style.height !== '480px');
    const frameHeight = await page.locator('#charts iframe').evaluate((el) => el.getBoundingClientRect().height);
    const content = await charts.locator('html').evaluate((el) => el.scrollHeight);
    assert.ok(frameHeight <= 600 && content > 600, `frame ${frameHeight} px for ${content} px of charts: scrolls inside`);
    const one = page.frameLocator('#one iframe');
    await one.locator('.chart canvas').first().waitFor();
    assert.equal(await one.locator('.chart-box:visible').count(), 1, 'one chart');
    assert.ok(await one.locator('.chart-box:visible').getAttribute('data-chart') === 'chart_topics');
    assert.ok(!(await one.locator('.tabs').isVisible()), 'no tabs');
    const results = page.frameLocator('#results iframe');
    await results.locator('.card').first().waitFor();
    const wider = await results.locator('html').evaluate((el) => el.scrollWidth - el.clientWidth);
    assert.ok(wider <= 0, `the embed's content is ${wider} px wider than its frame at ${width} px`);
    if (width === 1280) {
      const [popup] = await Promise.all([page.waitForEvent('popup'), results.locator('.card-doc').first().click()]);
      await popup.waitForLoadState();
      const opened = new URL(popup.url());
      assert.ok(opened.searchParams.has('doc') && !opened.searchParams.has('embed'), popup.url());
      await popup.locator('.it.selected').waitFor();
      assert.equal(await results.locator('.reader').count(), 0, 'the embed stays on its results');
      await popup.close();
    }
    assert.deepEqual(problems, []);
    await context.close();
  }
  await explorer.close();
  await host.close();
});

// The "works offline" notice appeared while the page still said "Loading…" (the worker is
// registered at the latest 5 s after load, even when the first results are slower).
test('the offline notice waits until the explorer is on screen', async () => {
  const { serveDir } = await import('./support.mjs');
  const server = await serveDir(DIST, { prefix: '/slow/' });
  const { context, page, problems } = await openPage(browser);
  await page.route(/\/data\/documents\.[0-9a-f]+\.json$/, async (route) => {
    await new Promise((r) => setTimeout(r, 8000));
    await route.continue();
  });
  const early = [];
  await page.exposeFunction('__noticeEarly', (t) => early.push(t));
  await page.addInitScript(() => {
    new MutationObserver(() => {
      const notice = document.querySelector('.sw-notice');
      if (notice && document.getElementById('boot-status')) window.__noticeEarly(notice.textContent);
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(server.url);
  await page.locator('.card').first().waitFor({ timeout: 30000 });
  await page.locator('.sw-notice').waitFor({ timeout: 20000 });
  assert.deepEqual(early, [], 'a notice over the loading page');
  assert.deepEqual(problems, []);
  await context.close();
  await server.close();
});

test('?bundle= loads another corpus, and bad bundles say what is wrong', async () => {
  const { serveDir } = await import('./support.mjs');
  const seeds = seedsBundle();
  // Another corpus: the Chinese seeds alone (the seeds' links do not fit it).
  const second = { ...seeds, links: undefined, documents: seeds.documents.filter((d) => d.lang === 'zh') };
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
