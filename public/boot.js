// Starts the wasm app (kept out of index.html so the Content-Security-Policy needs no
// inline script), registers the service worker for offline use once the first results are
// shown, and — when embedded with
// ?embed=1 — tells the host page its height.
import init from './ftz_explorer.js';

// The manifest (built-in or ?bundle=) downloads while the wasm compiles, and so do the
// documents it names; the app takes these responses instead of asking again (load.js). The
// no-op catches only mark a failure as handled here: the app reports it. Only web
// addresses are fetched (the app explains why it refuses any other).
const bundleUrl = new URLSearchParams(location.search).get('bundle') || 'data/manifest.json';
const prefetched = globalThis.ftzPrefetch || (globalThis.ftzPrefetch = new Map());
const manifestUrl = new URL(bundleUrl, location.href);
if (['http:', 'https:'].includes(manifestUrl.protocol) && !prefetched.has(bundleUrl)) {
  const response = fetch(bundleUrl);
  prefetched.set(bundleUrl, response);
  response
    .then((r) => (r.ok ? r.clone().json() : null))
    .then((manifest) => {
      if (manifest && manifest.format === 'ftz-explorer-manifest' && typeof manifest.documents === 'string') {
        const documents = new URL(manifest.documents, manifestUrl).href;
        if (!prefetched.has(documents)) {
          const r = fetch(documents);
          r.catch(() => {});
          prefetched.set(documents, r);
        }
      }
    })
    .catch(() => {});
}

init().then((wasm) => {
  // The wasm's linear memory, for diagnostics (`cargo xtask bench` reports its size).
  globalThis.ftzWasmMemory = wasm.memory;
}).catch((error) => {
  const status = document.getElementById('boot-status');
  if (status) {
    status.setAttribute('role', 'alert');
    status.classList.add('boot-error');
    status.textContent = 'The explorer could not start: ' + (error && error.message ? error.message : String(error));
  }
  console.error(error);
});

function notice(text, action) {
  const box = document.createElement('div');
  box.className = 'sw-notice';
  box.setAttribute('role', 'status');
  const message = document.createElement('span');
  message.textContent = text;
  box.appendChild(message);
  if (action) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = action.label;
    button.addEventListener('click', action.run);
    box.appendChild(button);
  }
  document.body.appendChild(box);
  if (!action) setTimeout(() => box.remove(), 4000);
}

// The service worker is registered once the first results are whole (the app says so with
// `ftz-explorer:ready`; a view without texts to wait for says nothing, hence the fallback),
// so that its precaching never competes with them.
function whenReady(start) {
  let started = false;
  const once = () => { if (!started) { started = true; start(); } };
  window.addEventListener('ftz-explorer:ready', once, { once: true });
  window.addEventListener('load', () => setTimeout(once, 5000), { once: true });
}

// Runs `show` once the explorer is on screen — not while the page still says "Loading…"
// (the worker may be installed by then if the first results were slow).
function whenShown(show) {
  const shown = () => !document.getElementById('boot-status') && !document.querySelector('#app[aria-busy="true"], .results[aria-busy="true"]');
  if (shown()) { show(); return; }
  const timer = setInterval(() => { if (shown()) { clearInterval(timer); show(); } }, 250);
}

if ('serviceWorker' in navigator && location.protocol !== 'file:') whenReady(() => {
  navigator.serviceWorker.register('sw.js').then((registration) => {
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      if (!worker) return;
      worker.addEventListener('statechange', () => {
        if (worker.state !== 'installed') return;
        if (navigator.serviceWorker.controller) {
          notice('A new version is available · 有新版本', {
            label: 'Reload · 刷新',
            run: () => worker.postMessage('skip-waiting'),
          });
        } else {
          whenShown(() => notice('What you opened now works offline · 已打开的内容可离线使用'));
        }
      });
    });
  }).catch(() => { /* no offline mode (e.g. an insecure origin); the explorer still works */ });
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloading || !sessionStorage.getItem('ftz-explorer.update')) return;
    reloading = true;
    sessionStorage.removeItem('ftz-explorer.update');
    location.reload();
  });
  document.addEventListener('click', (event) => {
    if (event.target.closest && event.target.closest('.sw-notice button')) sessionStorage.setItem('ftz-explorer.update', '1');
  }, true);
});

// Embedded: report the content height to the host page (embed.js sizes the iframe).
if (new URLSearchParams(location.search).get('embed') === '1' && window.parent !== window) {
  let last = 0;
  const report = () => {
    // The root element's own box, not scrollHeight: that never drops below the iframe's
    // current height, so the frame could grow but never shrink.
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: 'ftz-explorer:height', height }, '*');
    }
  };
  new ResizeObserver(report).observe(document.documentElement);
  window.addEventListener('load', report);
}
