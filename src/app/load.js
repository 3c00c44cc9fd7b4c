// Responses boot.js asked for before the wasm was ready (globalThis.ftzPrefetch: address →
// response promise), each handed over once; any other address is fetched now. An address
// taken is kept with a null, so that boot.js never asks for it a second time.
export function takeFetch(url) {
  const prefetched = globalThis.ftzPrefetch || (globalThis.ftzPrefetch = new Map());
  const response = prefetched.get(url);
  prefetched.set(url, null);
  return response || fetch(url);
}
