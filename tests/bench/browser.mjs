// Times search inside the built site in headless Chromium, for `cargo xtask bench`.
// Prints one JSON line per corpus: the wasm's own measurements plus the JS heap.
import { readFileSync } from 'node:fs';
import { BASE_URL, launch, openPage } from '../e2e/support.mjs';

const queries = readFileSync(process.env.FTZ_BENCH_QUERIES, 'utf8')
  .split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
const corpora = JSON.parse(process.env.FTZ_BENCH_CORPORA); // [{name, url, reps}]

const browser = await launch();
try {
  for (const corpus of corpora) {
    const { context, page } = await openPage(browser);
    await page.goto(BASE_URL);
    await page.locator('.doc-title').first().waitFor();
    const result = await page.evaluate(async ({ queries, corpus }) => {
      const wasm = await import(new URL('ftz_explorer.js', document.baseURI).href);
      const json = await (await fetch(corpus.url || 'bundle.json')).text();
      const out = JSON.parse(wasm.ftz_bench_search(json, queries, corpus.reps));
      out.js_heap_bytes = performance.memory ? performance.memory.usedJSHeapSize : null;
      return out;
    }, { queries, corpus });
    console.log(JSON.stringify({ corpus: corpus.name, ...result }));
    await context.close();
  }
} finally {
  await browser.close();
}
