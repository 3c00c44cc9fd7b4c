// ECharts glue for the charts view. ECharts itself (dist/echarts.js, a custom build) is
// loaded on first use, so the search path never waits for it. Each chart element gets one
// ECharts instance, updated with setOption, resized with its container, disposed with it.

let loading = null;

export function loadEcharts(url) {
  if (window.echarts) return Promise.resolve();
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = url;
      script.onload = () => resolve();
      script.onerror = () => { loading = null; reject(new Error('The chart library could not be loaded')); };
      document.head.appendChild(script);
    });
  }
  return loading;
}

const observers = new WeakMap();

// onClick(name, dataIndex, id, seriesType) is called for clicks on bars, nodes and cells.
export function renderChart(element, optionJson, dark, onClick) {
  const echarts = window.echarts;
  let chart = echarts.getInstanceByDom(element);
  const theme = dark ? 'dark' : 'light';
  if (chart && element.dataset.theme !== theme) {
    chart.dispose();
    chart = null;
  }
  if (!chart) {
    chart = echarts.init(element, dark ? 'dark' : null, { renderer: 'canvas' });
    element.dataset.theme = theme;
    chart.on('click', (p) => onClick(String(p.name ?? ''), p.dataIndex ?? -1, String((p.data && p.data.id) || ''), String(p.seriesType || '')));
    if (!observers.has(element)) {
      const observer = new ResizeObserver(() => { const c = echarts.getInstanceByDom(element); if (c) c.resize(); });
      observer.observe(element);
      observers.set(element, observer);
    }
  }
  const option = JSON.parse(optionJson);
  // The figure's caption already says what the chart is.
  delete option.title;
  for (const grid of [].concat(option.grid || [])) grid.top = 16;
  option.backgroundColor = 'transparent';
  option.animation = false;
  chart.setOption(option, { notMerge: true });
}

export function disposeChart(element) {
  const chart = window.echarts && window.echarts.getInstanceByDom(element);
  if (chart) chart.dispose();
  const observer = observers.get(element);
  if (observer) { observer.disconnect(); observers.delete(element); }
}
