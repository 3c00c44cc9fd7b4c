// The in-browser half of `cargo xtask bench`, in headless Chromium against the built site.
// For each corpus it prints JSON lines:
//   {kind: 'search', …}  the wasm's own timing of search (parse, index build, p50/p95/max);
//   {kind: 'page', …}    what a visitor sees: navigation start → first results (a card with
//                        its text) for a query in the URL (median of fresh loads), the
//                        requests on that path, filter → results + facets and filter →
//                        facets + charts update times, and memory (JS heap after a GC, wasm
//                        linear memory);
//   {kind: 'pagefind', …} the same for Pagefind's Default UI on the same corpus (first
//                        result excerpt), and its JS API's search time;
//   {kind: 'throttled', …} first results of both on Chromium's emulated slow link.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const BASE_URL = process.env.FTZ_BASE_URL;
const queries = readFileSync(process.env.FTZ_BENCH_QUERIES, 'utf8')
  .split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
// [{name, url (manifest; "" for the built-in), json (single-file bundle), pagefind (its site's
// folder), reps, loads, throttled}]
const corpora = JSON.parse(process.env.FTZ_BENCH_CORPORA);

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
const max = (xs) => Math.max(...xs);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});

// What "first results" means for each engine: a result with its text on screen.
const FIRST = {
  explorer: '.card .snippet:not(.pending)',
  pagefind: '.pagefind-ui__result-excerpt',
};

// Chromium's network emulation for the throttled row: 1.6 Mbit/s down, 150 ms round trip.
const THROTTLED = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8 };

// A fresh context (empty cache) without the service worker, so every load is a first visit.
async function freshPage(engine = 'explorer', throttled = false) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  if (throttled) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', THROTTLED);
  }
  // The moment the first result is in the DOM, on the page's own clock (0 = navigation start).
  await page.addInitScript((selector) => {
    new MutationObserver((_, observer) => {
      if (document.querySelector(selector)) {
        window.__firstResults = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  }, FIRST[engine]);
  return { context, page };
}

// Fresh loads of `url`: navigation → first results (ms each) and the paths requested
// before them (on the last load).
async function loads(engine, url, times, throttled = false) {
  const firsts = [];
  let path = [];
  for (let i = 0; i < times; i++) {
    const { context, page } = await freshPage(engine, throttled);
    const requested = [];
    let done = false;
    page.on('request', (r) => { if (!done) requested.push(new URL(r.url()).pathname); });
    await page.goto(url);
    await page.waitForFunction(() => window.__firstResults !== undefined, null, { timeout: 300000 });
    done = true;
    firsts.push(await page.evaluate(() => window.__firstResults));
    path = requested;
    await context.close();
  }
  return { firsts, path: [...new Set(path)] };
}

// JS heap after a GC (and the explorer's wasm memory), with the first results shown.
const memory = (page) => page.evaluate(() => {
  window.gc?.();
  return { js_heap_bytes: performance.memory?.usedJSHeapSize ?? null, wasm_memory_bytes: window.ftzWasmMemory?.buffer.byteLength ?? null };
});

const pageUrl = (corpus, params) => `${BASE_URL}?${params}${corpus.url ? `&bundle=${encodeURIComponent(corpus.url)}` : ''}`;

// Time from a click on a facet value until the page settles: every effect (results, facet
// counts, charts via setOption) has run once the next task starts. Includes that task's
// scheduling delay, so it is an upper bound.
async function toggleTimes(page, times) {
  const box = page.locator('[data-facet="kind"] li input').first();
  const out = [];
  for (let i = 0; i < times; i++) {
    out.push(await box.evaluate((input) => new Promise((resolve) => {
      const t0 = performance.now();
      input.click();
      setTimeout(() => resolve(performance.now() - t0), 0);
    })));
  }
  return out;
}

try {
  for (const corpus of corpora) {
    // 1. The wasm's own search timing.
    {
      const { context, page } = await freshPage();
      await page.goto(BASE_URL);
      await page.locator('.card').first().waitFor();
      const result = await page.evaluate(async ({ queries, corpus }) => {
        const wasm = await import(new URL('ftz_explorer.js', document.baseURI).href);
        const json = await (await fetch(corpus.json)).text();
        return JSON.parse(wasm.ftz_bench_search(json, queries, corpus.reps));
      }, { queries, corpus });
      console.log(JSON.stringify({ kind: 'search', corpus: corpus.name, ...result }));
      await context.close();
    }

    // 2. What a visitor sees.
    const { firsts: firstResults, path } = await loads('explorer', pageUrl(corpus, 'q=trade'), corpus.loads);

    const { context, page } = await freshPage();
    await page.goto(pageUrl(corpus, 'q=trade'));
    await page.locator('.card').first().waitFor({ timeout: 120000 });
    await page.locator(FIRST.explorer).first().waitFor({ timeout: 120000 });
    const heap = await memory(page);
    const filterResults = await toggleTimes(page, 10);
    await page.goto(pageUrl(corpus, 'view=charts'));
    await page.waitForFunction(() => {
      const charts = [...document.querySelectorAll('.chart')];
      return charts.length > 0 && charts.every((c) => c.querySelector('canvas'));
    }, null, { timeout: 120000 });
    const filterCharts = await toggleTimes(page, 10);
    await context.close();

    console.log(JSON.stringify({
      kind: 'page', corpus: corpus.name, loads: corpus.loads,
      first_results_ms: median(firstResults), first_results_max_ms: max(firstResults),
      path: [...new Set(path)],
      filter_results_ms: median(filterResults), filter_results_max_ms: max(filterResults),
      filter_charts_ms: median(filterCharts), filter_charts_max_ms: max(filterCharts),
      ...heap,
    }));

    // 3. Pagefind's Default UI on the same corpus and query, and its JS API's search time
    //    (each query asked twice; the second, with its index chunks loaded, is timed).
    if (corpus.pagefind) {
      const url = `${BASE_URL}${corpus.pagefind}?q=trade`;
      const pf = await loads('pagefind', url, corpus.loads);
      const { context, page } = await freshPage('pagefind');
      await page.goto(url);
      await page.locator(FIRST.pagefind).first().waitFor({ timeout: 120000 });
      const heap = await memory(page);
      const times = await page.evaluate(async ({ queries, base }) => {
        const pagefind = await import(new URL('pagefind/pagefind.js', base).href);
        await pagefind.init();
        const out = [];
        for (const q of queries) {
          await pagefind.search(q);
          const t0 = performance.now();
          await pagefind.search(q);
          out.push(performance.now() - t0);
        }
        return out.sort((a, b) => a - b);
      }, { queries, base: `${BASE_URL}${corpus.pagefind}` });
      await context.close();
      const at = (p) => times[Math.round((p / 100) * (times.length - 1))];
      console.log(JSON.stringify({
        kind: 'pagefind', corpus: corpus.name, loads: corpus.loads,
        first_results_ms: median(pf.firsts), first_results_max_ms: max(pf.firsts), path: pf.path,
        p50_ms: at(50), p95_ms: at(95), max_ms: times[times.length - 1], ...heap,
      }));
    }

    // 4. Both on a slow link (corpora up to 1,000 documents).
    if (corpus.throttled) {
      const ours = await loads('explorer', pageUrl(corpus, 'q=trade'), 2, true);
      const theirs = corpus.pagefind ? await loads('pagefind', `${BASE_URL}${corpus.pagefind}?q=trade`, 2, true) : null;
      console.log(JSON.stringify({
        kind: 'throttled', corpus: corpus.name,
        explorer_ms: median(ours.firsts), pagefind_ms: theirs ? median(theirs.firsts) : null,
      }));
    }
  }
} finally {
  await browser.close();
}
