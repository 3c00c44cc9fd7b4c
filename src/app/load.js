// The bundle request boot.js starts before the wasm is ready (globalThis.ftzPrefetch =
// { url, response }), handed over once; any other address is fetched now.
export function takeFetch(url) {
  const prefetch = globalThis.ftzPrefetch;
  if (prefetch && prefetch.url === url) {
    globalThis.ftzPrefetch = null;
    return prefetch.response;
  }
  return fetch(url);
}
