// Chart glue. Two things are loaded the first time a chart is shown, never on the search
// path: ECharts (dist/echarts.js, a custom build) and the chart module (dist/ftz_charts.js,
// a small wasm that turns a chart spec into an ECharts option with charming). Each chart
// element gets one ECharts instance, updated with setOption, resized with its container,
// disposed with it.

let loading = null;
let chartModule = null;

function loadScript(url) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = url;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('The chart library could not be loaded'));
    document.head.appendChild(script);
  });
}

async function loadBoth() {
  // Relative to the page: this file itself lives in a snippets/ folder.
  const moduleUrl = new URL('ftz_charts.js', document.baseURI).href;
  const [module] = await Promise.all([
    import(moduleUrl).then(async (m) => { await m.default(); return m; }),
    window.echarts ? Promise.resolve() : loadScript(new URL('echarts.js', document.baseURI).href),
  ]);
  chartModule = module;
}

export function loadCharts() {
  if (!loading) {
    loading = loadBoth().catch((error) => { loading = null; throw error; });
  }
  return loading;
}

const observers = new WeakMap();

// onClick(name, dataIndex, id, seriesType) is called for clicks on bars, nodes and cells.
// A chart element with data-brush="x" can also be brushed along its category axis: the
// selection is reported as onClick("first|last", -2, "", "brush").
export function renderChart(element, specJson, dark, onClick) {
  const echarts = window.echarts;
  const option = JSON.parse(chartModule.chartOption(specJson));
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
    if (element.dataset.brush === 'x') {
      chart.on('brushEnd', (p) => {
        const range = p.areas && p.areas[0] && p.areas[0].coordRange;
        const names = [].concat(chart.getOption().xAxis)[0].data || [];
        if (range && names.length) {
          const first = names[Math.max(0, Math.min(range[0], range[1]))];
          const last = names[Math.min(names.length - 1, Math.max(range[0], range[1]))];
          onClick(`${first}|${last}`, -2, '', 'brush');
        }
      });
    }
    if (!observers.has(element)) {
      const observer = new ResizeObserver(() => { const c = echarts.getInstanceByDom(element); if (c) c.resize(); });
      observer.observe(element);
      observers.set(element, observer);
    }
  }
  // The figure's caption already says what the chart is.
  delete option.title;
  for (const grid of [].concat(option.grid || [])) grid.top = 16;
  option.backgroundColor = 'transparent';
  option.animation = false;
  if (element.dataset.brush === 'x') {
    option.brush = { xAxisIndex: 0, brushMode: 'single', transformable: false, throttleType: 'debounce' };
    option.toolbox = { right: 8, feature: { brush: { type: ['lineX', 'clear'] } } };
  }
  chart.setOption(option, { notMerge: true });
  if (element.dataset.brush === 'x') {
    chart.dispatchAction({ type: 'takeGlobalCursor', key: 'brush', brushOption: { brushType: 'lineX', brushMode: 'single' } });
  }
}

export function disposeChart(element) {
  const chart = window.echarts && window.echarts.getInstanceByDom(element);
  if (chart) chart.dispose();
  const observer = observers.get(element);
  if (observer) { observer.disconnect(); observers.delete(element); }
}
