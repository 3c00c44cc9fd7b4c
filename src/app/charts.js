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
// A chart element with data-brush="x" can also be brushed along its category axis: the
// selection is reported as onClick("first|last", -2, "", "brush").
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
  const option = JSON.parse(optionJson);
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
