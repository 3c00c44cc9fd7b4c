// The in-browser half of `cargo xtask bench`, in headless Chromium against the built site.
// For each corpus it prints JSON lines:
//   {kind: 'search', …}  the wasm's own timing of search (parse, index build, p50/p95/max);
//   {kind: 'page', …}    what a visitor sees: navigation start → first results for a query
//                        in the URL (median of fresh loads), the requests on that path,
//                        filter → results + facets and filter → facets + charts update times,
//                        and memory (JS heap after a GC, wasm linear memory).
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const BASE_URL = process.env.FTZ_BASE_URL;
const queries = readFileSync(process.env.FTZ_BENCH_QUERIES, 'utf8')
  .split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
const corpora = JSON.parse(process.env.FTZ_BENCH_CORPORA); // [{name, url (manifest; "" for the built-in), json (single-file bundle), reps, loads}]

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
const max = (xs) => Math.max(...xs);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});

// A fresh context (empty cache) without the service worker, so every load is a first visit.
async function freshPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  // The moment the first result card is in the DOM, on the page's own clock (0 = navigation start).
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('.card')) {
        window.__firstResults = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  return { context, page };
}

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
    const firstResults = [];
    let path = [];
    for (let i = 0; i < corpus.loads; i++) {
      const { context, page } = await freshPage();
      const requested = [];
      page.on('request', (r) => requested.push(new URL(r.url()).pathname));
      await page.goto(pageUrl(corpus, 'q=trade'));
      await page.waitForFunction(() => window.__firstResults !== undefined, null, { timeout: 120000 });
      firstResults.push(await page.evaluate(() => window.__firstResults));
      path = requested;
      await context.close();
    }

    const { context, page } = await freshPage();
    await page.goto(pageUrl(corpus, 'q=trade'));
    await page.locator('.card').first().waitFor({ timeout: 120000 });
    const filterResults = await toggleTimes(page, 10);
    const memory = await page.evaluate(() => {
      window.gc?.();
      return { js_heap_bytes: performance.memory?.usedJSHeapSize ?? null, wasm_memory_bytes: window.ftzWasmMemory?.buffer.byteLength ?? null };
    });
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
      ...memory,
    }));
  }
} finally {
  await browser.close();
}
