// Embeds the explorer in another page:
//   <script src="https://…/explorer/embed.js" defer></script>
//   <div data-ftz-explorer data-query="customs" data-facets="region=hubei&topic=trade-facilitation"
//        data-view="results" data-lang="zh" data-max-height="700"></div>
// Each such element gets an iframe of the explorer in compact mode, preset to that view,
// that resizes itself to its content up to `data-max-height` pixels (900 unless given;
// taller content scrolls inside the frame). `data-chart="topics"` shows one chart of the
// charts view, `data-tabs="false"` hides the view tabs. Documents open in the full
// explorer, in a new tab. Only height messages from the explorer's own origin, of the
// expected shape, are accepted.
(function () {
  const script = document.currentScript;
  if (!script) return;
  const base = new URL('.', script.src);
  // Taller content scrolls inside the frame instead of stretching the host page.
  const DEFAULT_MAX_HEIGHT = 900;

  function mount(host) {
    if (host.dataset.ftzMounted) return;
    host.dataset.ftzMounted = '1';
    const params = new URLSearchParams();
    if (host.dataset.query) params.set('q', host.dataset.query);
    if (host.dataset.facets) {
      for (const [key, value] of new URLSearchParams(host.dataset.facets)) params.append(key, value);
    }
    if (host.dataset.view) params.set('view', host.dataset.view);
    if (host.dataset.lang) params.set('lang', host.dataset.lang);
    if (host.dataset.bundle) params.set('bundle', host.dataset.bundle);
    if (host.dataset.chart) {
      params.set('view', 'charts');
      params.set('chart', host.dataset.chart);
    }
    if (host.dataset.tabs === 'false' || host.dataset.chart) params.set('tabs', '0');
    params.set('embed', '1');
    const iframe = document.createElement('iframe');
    iframe.src = new URL('?' + params.toString(), base).href;
    iframe.title = host.dataset.title || 'FTZ Explorer';
    iframe.setAttribute('loading', 'lazy');
    iframe.style.width = '100%';
    iframe.style.border = '0';
    iframe.style.height = '480px';
    host.appendChild(iframe);
  }

  window.addEventListener('message', (event) => {
    if (event.origin !== base.origin) return;
    const data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'ftz-explorer:height') return;
    const height = Number(data.height);
    if (!Number.isFinite(height)) return;
    for (const iframe of document.querySelectorAll('[data-ftz-explorer] > iframe')) {
      if (iframe.contentWindow === event.source) {
        const max = Number(iframe.parentElement.dataset.maxHeight) || DEFAULT_MAX_HEIGHT;
        iframe.style.height = Math.min(Math.max(Math.round(height), 120), Math.max(max, 120)) + 'px';
      }
    }
  });

  const start = () => document.querySelectorAll('[data-ftz-explorer]').forEach(mount);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
