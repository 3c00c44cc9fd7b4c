// Responses boot.js asked for before the wasm was ready (globalThis.ftzPrefetch: address →
// response promise), each handed over once; any other address is fetched now. An address
// taken is kept with a null, so that boot.js never asks for it a second time.
//
// Offline: the data files live in one cache, "ftz-explorer-data", that the service worker
// serves them from. What the page fetched before the worker took over is stored here (from
// the response itself: nothing is downloaded twice); `storeOffline` stores the rest.
const DATA = 'ftz-explorer-data';
const cacheable = () => typeof caches !== 'undefined' && globalThis.isSecureContext;

// Stores being written; a count waits for them, so that it includes what just arrived.
const writing = new Set();

function remember(url, response) {
  // Once the worker controls the page it stores what passes through it.
  if (!cacheable() || (navigator.serviceWorker && navigator.serviceWorker.controller)) return;
  const done = response.then((r) => {
    if (r.ok && new URL(r.url || url, location.href).origin === location.origin) {
      const copy = r.clone();
      return caches.open(DATA).then((cache) => cache.put(url, copy));
    }
    return undefined;
  }).catch(() => {});
  writing.add(done);
  done.finally(() => writing.delete(done));
}

export function takeFetch(url) {
  const prefetched = globalThis.ftzPrefetch || (globalThis.ftzPrefetch = new Map());
  const response = prefetched.get(url) || fetch(url);
  prefetched.set(url, null);
  remember(url, response);
  return response;
}

// How many of `urls` the data cache holds (0 where there is no cache).
export async function countStored(urls) {
  if (!cacheable()) return 0;
  await Promise.all([...writing]);
  const cache = await caches.open(DATA);
  const hits = await Promise.all(urls.map((u) => cache.match(u, { ignoreSearch: true })));
  return hits.filter(Boolean).length;
}

// Stores every one of `urls` the data cache lacks, six at a time; `progress(stored, total,
// bytes)` after each. Resolves to the number of files that could not be stored; refuses
// (rejects) where the browser has no cache for this page.
export async function storeOffline(urls, progress) {
  if (!cacheable()) throw new Error('this page cannot keep files offline (it needs https or localhost)');
  const cache = await caches.open(DATA);
  let stored = 0;
  let failed = 0;
  let bytes = 0;
  const queue = [...urls];
  const worker = async () => {
    while (queue.length) {
      const url = queue.shift();
      try {
        if (!(await cache.match(url, { ignoreSearch: true }))) {
          const response = await fetch(url);
          if (!response.ok) throw new Error(String(response.status));
          bytes += Number(response.headers.get('content-length')) || 0;
          await cache.put(url, response);
        }
        stored += 1;
      } catch {
        failed += 1;
      }
      progress(stored, urls.length, bytes);
    }
  };
  await Promise.all(Array.from({ length: Math.min(6, urls.length) }, worker));
  return failed;
}

// Deletes the data cache's files under `base` that `keep` (absolute addresses) does not
// list: the shards of an earlier build.
export async function pruneStored(base, keep) {
  if (!cacheable()) return;
  const wanted = new Set(keep);
  const cache = await caches.open(DATA);
  for (const request of await cache.keys()) {
    if (request.url.startsWith(base) && !wanted.has(request.url)) await cache.delete(request);
  }
}
